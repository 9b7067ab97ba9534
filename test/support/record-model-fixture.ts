// A small record that uses every field issue 13 added (aliases, source tiers, schedules,
// breaches, delivery stages, offices and memberships), for round trips and API tests. Its
// parties are its own, so it imports beside the shipped record.
import { recordSetSchema, type RecordSet } from '../../src/domain/schemas.ts';

const nato = [{ url: 'https://www.nato.int/cps/en/natohq/official_texts_227678.htm', title: 'Summit declaration' }];
const news = [{ url: 'https://www.reuters.com/world/europe/example-2024-01-01/', quote: 'as reported' }];

export function recordModelFixture(): RecordSet {
  return recordSetSchema.parse({
    parties: [
      { id: 'fx-alliance', name: 'Fixture Alliance', kind: 'organisation', sources: nato },
      {
        id: 'fx-state',
        name: 'Fixture State',
        kind: 'state',
        memberships: [{ of: 'fx-alliance', from: '1999-03-12', sources: nato }],
        sources: nato,
      },
      {
        id: 'fx-person',
        name: 'Fixture Person',
        kind: 'person',
        offices: [
          { title: 'Secretary General', of: 'fx-alliance', from: '2014-10-01', to: '2024-10-01', sources: nato },
          { title: 'Prime Minister', of: 'fx-state', from: '2005', to: '2013', sources: news },
        ],
      },
    ],
    events: [
      {
        id: 'fx-summit-2024',
        date: '2024-07-10',
        title: 'Fixture summit',
        title_uk: 'Саміт',
        summary: 'Allies met.',
        aliases: ['the fixture summit'],
        aliases_uk: ['саміт-фікстура'],
        type: 'summit',
        actors: ['fx-alliance'],
        sources: [...nato, { url: 'https://example.org/blog', tier: 'reputable' }],
      },
    ],
    agreements: [
      {
        id: 'fx-pact',
        title: 'Fixture pact',
        aliases: ['the Pact'],
        aliases_uk: ['Пакт'],
        kind: 'memorandum',
        parties: ['fx-alliance', 'fx-state'],
        signed: '1994-12-05',
        status: 'signed',
        sources: nato,
      },
    ],
    commitments: [
      {
        id: 'fx-yearly',
        agreement_id: 'fx-pact',
        obligor: 'fx-state',
        beneficiary: 'fx-alliance',
        area: 'financial-support',
        description: 'Three a year for two years.',
        amount: 6,
        currency: 'GBP',
        schedule: [
          { period_start: '2024', due: '2024', amount: 3 },
          { period_start: '2025', due: '2025', amount: 3 },
        ],
        sources: nato,
      },
      {
        id: 'fx-assurance',
        agreement_id: 'fx-pact',
        obligor: 'fx-state',
        beneficiary: 'fx-alliance',
        area: 'political-dialogue',
        description: 'Respect the borders.',
        breach: { date: '2014-02', by: 'fx-state', description: 'Crossed them.', sources: news },
        sources: nato,
      },
    ],
    deliveries: [
      {
        id: 'fx-yearly-2024',
        commitment_id: 'fx-yearly',
        date: '2024-12',
        amount: 3,
        currency: 'GBP',
        description: 'Paid.',
        sources: nato,
      },
      {
        id: 'fx-yearly-2025-budget',
        commitment_id: 'fx-yearly',
        date: '2025-02',
        amount: 3,
        currency: 'GBP',
        description: 'Budgeted.',
        stage: 'allocated',
        sources: news,
      },
    ],
  });
}
