// What the checker reads once per source and record version: the gazetteer, the acronym
// table, the name index and the readings of agreements, commitments and deliveries. Event
// readings are cached by content, so a text of many sentences reads each candidate event once.
import { learnAcronyms } from '../domain/check/acronyms.ts';
import type { Lexicon } from '../domain/check/analyze-text.ts';
import { agreementDoc, commitmentDoc, deliveryDoc, eventDoc, type EvidenceDoc } from '../domain/check/evidence-doc.ts';
import { buildGazetteer } from '../domain/check/gazetteer.ts';
import { NameIndex } from '../domain/check/link.ts';
import type { EventRecord } from '../domain/schemas.ts';
import type { EvidenceSource } from './evidence-source.ts';
import { generalKnowledge } from './general-knowledge.ts';

export interface CheckerContext {
  lexicon: Lexicon;
  /** Agreements, commitments and deliveries: few enough to weigh against every claim. */
  fixedDocs: EvidenceDoc[];
  names: NameIndex;
  /** Share of the known records that name a party: low for a specific participant. */
  entityShare(id: string): number;
  eventDoc(e: EventRecord): EvidenceDoc;
}

const EVENT_CACHE_SIZE = 20_000;
const contexts = new WeakMap<EvidenceSource, { version: string; context: Promise<CheckerContext> }>();

async function build(source: EvidenceSource): Promise<CheckerContext> {
  const [parties, agreements, commitments, deliveries, seed] = await Promise.all([
    source.parties(),
    source.agreements(),
    source.commitments(),
    source.deliveries(),
    source.lexiconSeed(),
  ]);
  const knowledge = generalKnowledge();
  const lexicon: Lexicon = {
    gazetteer: buildGazetteer(parties, seed.actors, knowledge.demonyms, knowledge.countryNames),
    acronyms: learnAcronyms([...seed.texts, ...parties.flatMap((p) => [p.name, ...p.aliases])]),
    knowledge,
  };
  const agreementById = new Map(agreements.map((a) => [a.id, a]));
  const commitmentById = new Map(commitments.map((c) => [c.id, c]));
  const fixedDocs = [
    ...agreements.map((a) => agreementDoc(a, lexicon)),
    ...commitments.map((c) => commitmentDoc(c, agreementById.get(c.agreement_id), lexicon)),
    ...deliveries.map((d) => deliveryDoc(d, commitmentById.get(d.commitment_id), lexicon)),
  ];
  const names = new NameIndex(lexicon);
  for (const d of fixedDocs) if (d.kind === 'agreement') names.add(d.id, d.names);
  for (const e of seed.events) names.add('event:' + e.id, e.names);

  const mentions = new Map<string, number>();
  const count = (ids: Iterable<string>) => {
    for (const id of new Set(ids)) mentions.set(id, (mentions.get(id) ?? 0) + 1);
  };
  for (const d of fixedDocs) count(d.entities);
  for (const e of seed.events) count(e.actors.flatMap((a) => lexicon.gazetteer.resolve(a)));
  const total = Math.max(1, fixedDocs.length + seed.events.length);

  const cache = new Map<string, EvidenceDoc>();
  // A source that hands out the same objects (the record in memory) is read once per object;
  // one that reads fresh rows is read once per content.
  const byObject = new WeakMap<EventRecord, EvidenceDoc>();
  return {
    lexicon,
    fixedDocs,
    names,
    entityShare: (id) => (mentions.get(id) ?? 0) / total,
    eventDoc(e) {
      const known = byObject.get(e);
      if (known) return known;
      const key = JSON.stringify(e);
      let doc = cache.get(key);
      if (!doc) {
        if (cache.size >= EVENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
        doc = eventDoc(e, lexicon);
        cache.set(key, doc);
      }
      byObject.set(e, doc);
      return doc;
    },
  };
}

export async function checkerContext(source: EvidenceSource): Promise<CheckerContext> {
  const version = await source.version();
  const cached = contexts.get(source);
  if (cached && cached.version === version) return cached.context;
  const context = build(source);
  contexts.set(source, { version, context });
  context.catch(() => contexts.delete(source));
  return context;
}
