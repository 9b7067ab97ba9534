// The checker's general rules against the reference record, one row per rule, in sentences of
// neither the dev nor the validation set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../src/check/check-text.ts';
import { referenceSource } from './reference-record.ts';

const source = await referenceSource();

const table: [rule: string, text: string, verdict: 'supported' | 'contradicted' | 'unverifiable', evidence?: RegExp][] = [
  [
    'the Charter is the 1997 Charter',
    'The Charter was signed in Brussels in 2005.',
    'contradicted',
    /^(?:charter-madrid-1997|nato-ukraine-charter-1997)$/,
  ],
  [
    'the Charter is the 1997 Charter (seed)',
    'The Charter was signed on February 8, 2019, during a visit to NATO by Ukrainian President Petro Poroshenko.',
    'contradicted',
    /^(?:charter-madrid-1997|nato-ukraine-charter-1997)$/,
  ],
  ['participants, act and date link no record of another place', 'Zelenskyy travelled to Berlin on 4 June 2019.', 'unverifiable'],
  [
    "a party's first act of a kind is one act: the record of it refutes another place",
    'Zelenskyy made his first foreign trip as president to Berlin in June 2019.',
    'contradicted',
    /zelensky-nato-2019/,
  ],
  [
    "a party's first act of a kind is one act: the record of it refutes another date",
    'The NATO-Ukraine Council held its first meeting at the Madrid summit in June 2022.',
    'contradicted',
    /nato-ukraine-council-2023/,
  ],
  [
    'the words that say which first it is must be the same: a first summit-level meeting',
    'The NATO-Ukraine Commission first met at summit level in Washington in April 1999.',
    'supported',
    /nuc-first-summit-1999/,
  ],
  [
    'a first ranked by its place ("held in Ukraine") is not the first act of that party',
    "Ukraine's foreign minister first met the NATO-Ukraine Commission in 1997.",
    'unverifiable',
  ],
  [
    'a first of another kind ("wartime") does not link',
    'Stoltenberg first visited Kyiv after the full-scale invasion in October 2022.',
    'unverifiable',
  ],
  [
    'receiving is delivering',
    'Ukraine received C$2 billion from Canada in March 2024.',
    'supported',
    /^canada-2024-budget-support-2bn-cad$/,
  ],
  ['a body many records name links none of them alone', 'The NATO-Ukraine Council met for the first time.', 'unverifiable'],
  [
    'an undated claim links by a specific participant, its act and every word it tells the act with',
    'Viktor Yanukovych signed decrees dissolving the commission on preparing NATO accession.',
    'supported',
    /^yanukovych-dissolves-nato-bodies-2010$/,
  ],
  ['an undated claim told in too few words links nothing', 'Viktor Yanukovych signed decrees.', 'unverifiable'],
  [
    'a gerund after "of" describes a thing; it is not a second act',
    "On 3 December 2008 NATO foreign ministers decided on an Annual National Programme of providing assistance to Ukraine's reforms.",
    'supported',
    /^anp-decision-2008$/,
  ],
  [
    'an infinitive names what is sought, not a second act',
    'On 3 December 2008 NATO decided that Ukraine would work out an Annual National Programme to accede to the alliance.',
    'supported',
  ],
  [
    'a hyphen joins the words of one name, whose initials a record may write instead',
    'In January 1992 a Ukrainian representative took part in a meeting of the High Level Working Group of the North-Atlantic Cooperation Council.',
    'supported',
    /^nacc-hlwg-1992$/,
  ],
  [
    "of two records of the act that year, the one whose title makes the claim's subject the protagonist",
    'In 2017, Ukraine’s parliament passed legislation that made NATO membership a goal of its foreign policy.',
    'supported',
    /^law-nato-priority-2017$/,
  ],
  [
    'a date to the day and the act its title names link a record that tells most of the claim’s words',
    "The constitutional changes setting Ukraine's course towards NATO took effect on 21 February 2019.",
    'supported',
    /^constitution-in-force-2019$/,
  ],
  [
    "a month, the act the title names and every word of the claim single out the body's meeting",
    'The NATO-Ukraine Council met for the first time in Vilnius in July 2023.',
    'supported',
  ],
  [
    'a name a record only mentions never refutes it, and the record of the act supports the claim',
    'Ukraine received three Patriot launchers from the Netherlands in November 2024.',
    'supported',
    /^netherlands-2024-11-patriot-launchers$/,
  ],
  [
    'an alias names its record',
    'The Charter was signed in Madrid on 9 July 1997.',
    'supported',
    /^(?:charter-madrid-1997|nato-ukraine-charter-1997)$/,
  ],
  [
    'a place another record of the chain has does not place the act',
    'The Charter was signed in Brussels on 9 July 1997.',
    'contradicted',
    /^(?:charter-madrid-1997|nato-ukraine-charter-1997)$/,
  ],
  ['an act named by no record is not refuted', 'In March 2022 NATO foreign ministers approved a no-fly zone over Ukraine.', 'unverifiable'],
  [
    'opposing denies',
    'At the Bucharest summit in April 2008 several allies opposed granting Ukraine a Membership Action Plan.',
    'unverifiable',
  ],
  [
    'an office is not a person, and parties, people and offices strung together name no thing',
    'In February 1992 NATO Secretary General Javier Solana visited Kyiv for the first time.',
    'unverifiable',
  ],
  [
    'letters compare without accents, and a light verb takes its act from its noun',
    'The first visit of NATO Secretary General Manfred Worner to Kyiv occurred on 22 February 1992.',
    'supported',
  ],
  ['"paid a visit" is a visit', 'On June 8, 1992 President Leonid Kravchuk paid an official visit to NATO headquarters.', 'supported'],
  [
    "an agreement's duration is a count it gives",
    'Ukraine and France signed a 10-year security agreement in Paris in February 2024.',
    'supported',
  ],
  [
    'a weekday without "on" is still a detail',
    'Zelenskyy signed Thursday in Paris a 10-year security agreement with France.',
    'unverifiable',
  ],
  ['another duration is missing', 'Ukraine and France signed a 12-year security agreement in Paris in February 2024.', 'unverifiable'],
  [
    'a country that takes part in the act does not place it',
    'NATO leaders agreed the Comprehensive Assistance Package for Ukraine to combat insurgents in eastern Ukraine.',
    'unverifiable',
  ],
  [
    'another country places it elsewhere',
    'The Comprehensive Assistance Package for Ukraine was approved in Moldova in July 2016.',
    'contradicted',
  ],
  [
    'an exact amount agrees only to its own precision',
    'Belgium committed €979 million in military aid to Ukraine in its 2024 security agreement.',
    'unverifiable',
  ],
  ['a weekday the act fell on agrees', 'Keir Starmer signed the 100-Year Partnership in Kyiv on Thursday.', 'supported'],
  ['another weekday is missing', 'Keir Starmer signed the 100-Year Partnership in Kyiv on Friday.', 'unverifiable'],
  [
    'a count the record does not give is missing',
    "Ukraine officially joined NATO's Cooperative Cyber Defence Centre of Excellence (CCDCOE), 16 months after being voted in.",
    'unverifiable',
  ],
  [
    'a date in another clause than the name is not its date',
    'An implementation paper was agreed in March 1996, and the first 16+1 consultation took place on 3 April 1996.',
    'unverifiable',
  ],
  [
    'a denial in another clause than the name does not deny its act',
    'This has not happened, despite the fact that Ukraine joined the Partnership for Peace in 1994.',
    'unverifiable',
  ],
  [
    'a month, the act its title names and every word of the main clause single out a record',
    'In February 1992 a NATO Secretary General visited Kyiv for the first time.',
    'supported',
  ],
  [
    'a title the record gives the person at the time agrees',
    'Ukrainian President Volodymyr Zelenskyy and Keir Starmer signed the 100-Year Partnership in Kyiv in January 2025.',
    'supported',
  ],
  [
    'a title the person did not hold then is missing',
    'Prime Minister Volodymyr Zelenskyy signed the 100-Year Partnership in January 2025.',
    'unverifiable',
  ],
  [
    "a summit in a place names the place's summit",
    'At the summit in Bucharest in April 2008, NATO agreed that Ukraine will become a member.',
    'supported',
  ],
  [
    'a day without its year must be the day of the act',
    'Keir Starmer signed the 100-Year Partnership in Kyiv on February 16.',
    'unverifiable',
  ],
  [
    'a day without its year that is the day of the act agrees',
    'Keir Starmer signed the 100-Year Partnership in Kyiv on January 16.',
    'supported',
  ],
  [
    "a date for another thing the claim names is not the linked thing's date",
    'The basis is the 1997 Charter on a Distinctive Partnership and the Declaration to Complement the Charter signed in 2009.',
    'unverifiable',
  ],
  [
    'a body involves its parties',
    "NATO's Wales summit in September 2014 set up four trust funds for Ukraine.",
    'supported',
    /^wales-summit-2014$/,
  ],
  ['two words the record lacks', 'Kuchma visited NATO on 1 June 1995 and stayed for two nights at a hotel.', 'unverifiable'],
  [
    'common words link nothing',
    'Allies exceeded their €40 billion pledge, providing over €50 billion in security assistance to Ukraine in 2024.',
    'unverifiable',
  ],
  ['a year naming something else', 'The CCDCOE was established in Tallinn in May 2008 after the 2007 attacks on Estonia.', 'unverifiable'],
  ['a recurring act', "Ukraine's Annual National Programme for 2011 was drafted by the foreign ministry.", 'unverifiable'],
  ['a region is not its country', 'Rumsfeld met Kuchma and Marchuk in Crimea in August 2004.', 'unverifiable'],
  [
    'a summit elsewhere at another time is another act',
    'The Bucharest summit in April 2008 agreed that Ukraine will become a member of NATO.',
    'supported',
    /^bucharest-summit-2008$/,
  ],
  [
    'the place naming the subject picks the record',
    'NATO leaders declared in Bucharest in 2008 that Ukraine and Georgia would become members.',
    'supported',
    /^bucharest-summit-2008$/,
  ],
  [
    'a summit the record lacks is not refuted by another',
    'The Lisbon summit in November 2010 agreed that Ukraine will become a member of NATO.',
    'unverifiable',
  ],
  ['nor by one of another year', 'The Riga summit in 2006 agreed that Ukraine will become a member of NATO.', 'unverifiable'],
  [
    'a thing the claim names is its subject, however many details it gets wrong',
    'The Budapest Memorandum was signed in Vienna in March 1995.',
    'contradicted',
    /^budapest-memorandum-1994$/,
  ],
  [
    'a better-matching record that agrees is the claim act',
    'Ukraine signed up for the Partnership for Peace in 1994.',
    'supported',
    /^pfp-1994$/,
  ],
  ['a city alone names no summit', 'NATO leaders meeting in Bucharest in 2008 said that Ukraine will become a member.', 'unverifiable'],
  [
    'a relative clause dates another act',
    'Kuchma, who became president in July 1994, signed the Budapest Memorandum on 5 December 1994.',
    'unverifiable',
  ],
  ['metadata is not a claim', 'Last updated: 16 Dec. 2014 13:13', 'unverifiable'],
  ['a prediction is not a claim', 'NATO will invite Ukraine to join at the Bucharest summit in April 2008.', 'unverifiable'],
  [
    'one detail changed still contradicts',
    'The Bucharest summit in April 2009 agreed that Ukraine will become a member of NATO.',
    'contradicted',
    /^bucharest-summit-2008$/,
  ],
  [
    'a state and a person with a title between them are one subject of an ordinal, and the head noun says what is ranked',
    'In Washington on 24 April 1999, Ukrainian President Leonid Kuchma took part in the first top-level meeting of the NATO-Ukraine Commission.',
    'supported',
    /^nuc-first-summit-1999$/,
  ],
  ['a weekday picks one act out of several', 'Mark Rutte visited Kyiv on Thursday.', 'supported', /^rutte-kyiv-2024$/],
  ['a weekday on which no such act fell links none', 'Mark Rutte visited Odesa on Monday.', 'unverifiable'],
  ['taking office is an act', 'Mark Rutte took office as NATO Secretary General on October 1.', 'supported', /^rutte-takes-office-2024$/],
  ['a day without its year must be the act’s own day', 'Mark Rutte took office as NATO Secretary General on October 2.', 'unverifiable'],
  [
    'a title that states the act by its subject is as good as a name',
    'Ukraine joined the Partnership for Peace in 1999.',
    'contradicted',
    /^pfp-1994$/,
  ],
  [
    'where a claim comes from is not what it says',
    'Mark Rutte visited Kyiv on 3 October 2024, according to a NATO press release.',
    'supported',
    /^rutte-kyiv-2024$/,
  ],
  ['a plan is never refuted', 'Ukraine would join the Partnership for Peace in 1999.', 'unverifiable'],
  [
    'agreeing and declaring at a summit are one act',
    'NATO leaders agreed at the Bucharest summit in April 2008 that Ukraine will become a member.',
    'supported',
    /^bucharest-summit-2008$/,
  ],
  [
    'a former office is one the person had left by the time of the act',
    'Former Dutch Prime Minister Mark Rutte took office as NATO Secretary General on 1 October 2024.',
    'supported',
    /^rutte-takes-office-2024$/,
  ],
  [
    'an office still held is not a former one',
    'Dutch Prime Minister Mark Rutte took office as NATO Secretary General on 1 October 2024.',
    'unverifiable',
  ],
  [
    'the state before a title is the one the office is of',
    'Former British Prime Minister Mark Rutte took office as NATO Secretary General on 1 October 2024.',
    'unverifiable',
  ],
  [
    'a role is not a name, and a state is not a statement',
    'At the Lisbon summit in November 2010, NATO Heads of State and Government said that the door stays open.',
    'supported',
    /^lisbon-summit-2010$/,
  ],
  [
    'a conjunction reaches only a record that tells most of what the claim says was done',
    'In 2019, the Ukrainian parliament adopted a law on the Ukrainian language.',
    'unverifiable',
  ],
  ['a pledge is not a delivery', 'The Netherlands delivered 2 billion euros in military aid to Ukraine in 2024.', 'unverifiable'],
  ['a pledge supports a pledge', 'The Netherlands pledged 2 billion euros in military aid to Ukraine in 2024.', 'supported'],
  ['what will be provided is pledged', 'The Netherlands will provide 2 billion euros in military aid to Ukraine in 2024.', 'supported'],
  [
    'a count belongs to the act at the claim’s date: all 24 jets arrived only later',
    'Ukraine received 24 F-16s from the Netherlands in 2024.',
    'unverifiable',
  ],
  [
    'an order other than first must be the one the record states',
    'Ukraine was the second CIS country to join the Partnership for Peace.',
    'unverifiable',
  ],
  [
    'a place agrees only with the record of the act at the claim’s date, not another record of the chain',
    'The Comprehensive Assistance Package was agreed at the Madrid summit in July 2016.',
    'contradicted',
  ],
  [
    'an order the record gives a state’s leader is the state’s',
    'Germany signed its security agreement with Ukraine on 16 February 2024, becoming the second country after the UK to do so.',
    'supported',
  ],
  [
    '"first met" and the record’s "first ... meeting" rank the same act',
    'The Ukraine Defense Contact Group first met at Ramstein Air Base on 26 April 2022.',
    'supported',
    /^udcg-first-ramstein-2022$/,
  ],
  [
    'an order without a subject must rank the same thing as the record',
    'It is the second partner country to contribute to the NATO Response Force.',
    'unverifiable',
  ],
  [
    'a participant agrees only with the record of the act at the claim’s date, not another record of the chain',
    'Germany contributed $500 million to PURL on 5 August 2025.',
    'unverifiable',
  ],
  [
    'the record of the act at that date names every participant',
    'Sweden, Norway and Denmark jointly contributed $500 million to PURL on 5 August 2025.',
    'supported',
  ],
  [
    'a name many records share, with the date, links the one record of the act then',
    'On 3 December 2008 NATO decided that Ukraine would develop an Annual National Programme.',
    'supported',
    /anp-decision-2008/,
  ],
  [
    'the date that linked a shared name cannot refute the claim',
    'On 5 December 2008 NATO decided that Ukraine would develop an Annual National Programme.',
    'unverifiable',
  ],
  ['a gathering held at its place and date', 'The summit was held in Vilnius on 11 July 2023.', 'supported', /vilnius-communique-2023/],
  ['a gathering at another place links none', 'The summit was held in Riga on 11 July 2023.', 'unverifiable'],
  [
    'a state acts through the holders of its offices, and what it applied for is no second act',
    'Ukraine applied to join the Membership Action Plan (MAP) in January 2008.',
    'supported',
    /map-letter-2008/,
  ],
  [
    'reaffirming a decision is a new act, not the decision',
    'In 2021 NATO leaders reaffirmed the decision made at the 2008 Bucharest Summit that Ukraine will become a member.',
    'unverifiable',
  ],
  [
    'a name agrees with the acronym a record writes for it, and taking part is an act',
    'In January 1992 a Ukrainian representative participated in a meeting of the High Level Working Group of the North Atlantic Cooperation Council.',
    'supported',
    /nacc-hlwg-1992/,
  ],
  [
    'a specific participant on the same day is a sure conjunction: the record holding the opposite refutes the claim',
    'On 1 March 2022 Polish President Duda said Poland would send fighter jets to Ukraine.',
    'contradicted',
    /poland-no-jets-2022-03-01/,
  ],
  [
    'what the record says was said agrees in the same polarity',
    'On 1 March 2022 Polish President Duda said Poland would not send fighter jets to Ukraine.',
    'supported',
    /poland-no-jets-2022-03-01/,
  ],
  [
    'a conjunction to the month is not sure enough to refute',
    'In March 2022 Polish President Duda said Poland would send fighter jets to Ukraine.',
    'unverifiable',
  ],
  [
    "an agreement named by its parties brings its signing's record: what the event says (G7) is the agreement's",
    'The United Kingdom signed a bilateral security agreement with Ukraine under the G7 framework in Kyiv on 12 January 2024.',
    'supported',
  ],
  ['where a thing is located is told by the records of it', 'NSATU is headquartered in Wiesbaden.', 'supported', /nsatu/],
  ['a record that locates the thing elsewhere refutes the claim', 'NSATU is headquartered at Ramstein.', 'contradicted', /nsatu/],
  ['a located city agrees with its country', 'NSATU is headquartered in Germany.', 'supported'],
  ['a city does not refute a country', 'NSATU is headquartered in Poland.', 'unverifiable'],
  [
    "a record's title places it when its summary names other places too",
    'NSATU was established in Washington in July 2024.',
    'supported',
    /nsatu-established-2024/,
  ],
  [
    "the title's place does not refute another, which may be where the thing is",
    'NSATU was established in Wiesbaden in July 2024.',
    'unverifiable',
  ],
  ['another thing of the linked one is located elsewhere', "NSATU's logistics hub is located in Rzeszów.", 'unverifiable'],
  [
    "the first of the thing the subject made is the subject's first: the first country to sign such an agreement",
    'Britain was the first country to sign a bilateral security agreement with Ukraine, in Kyiv on 12 January 2024.',
    'supported',
  ],
  [
    'a party whose agreement no record ranks first is not the first to sign one',
    'France was the first country to sign a bilateral security agreement with Ukraine, in Paris on 16 February 2024.',
    'unverifiable',
  ],
  [
    "a claim that uses every word of one record's title states its act: another date refutes it",
    "Ukraine's parliament made NATO membership a foreign-policy priority in June 2016.",
    'contradicted',
    /law-nato-priority-2017/,
  ],
  [
    "a claim that uses every word of one record's title states its act, whatever its verb",
    "Ukraine's parliament made NATO membership a foreign-policy priority in June 2017.",
    'supported',
    /law-nato-priority-2017/,
  ],
  ['doing it again is another act', "Ukraine's parliament made NATO membership a foreign-policy priority again in 2019.", 'unverifiable'],
];

for (const [rule, text, verdict, evidence] of table) {
  test(`${rule}: ${verdict}: ${text}`, async () => {
    const { claims } = await checkText(text, source);
    // A unit that is not a claim is skipped, which is as good as unverifiable.
    assert.ok(claims.length <= 1);
    assert.equal(claims[0]?.verdict ?? 'unverifiable', verdict, claims[0]?.explanation);
    if (evidence) assert.match(claims[0]!.evidence[0]!.id, evidence, claims[0]!.evidence.map((e) => e.id).join());
  });
}

test('a year given relative to the last date the text gave can support a claim but never refute it', async () => {
  const intro = 'In 1991, Ukraine joined the North Atlantic Cooperation Council. ';
  const right = await checkText(`${intro}Three years later, Ukraine joined the Partnership for Peace.`, source);
  assert.equal(right.claims[1]?.verdict, 'supported', right.claims[1]?.explanation);
  const wrong = await checkText(`${intro}Two years later, Ukraine joined the Partnership for Peace.`, source);
  assert.equal(wrong.claims[1]?.verdict, 'unverifiable', wrong.claims[1]?.explanation);
  const unanchored = await checkText('Three years later, Ukraine joined the Partnership for Peace.', source);
  assert.notEqual(unanchored.claims[0]?.verdict, 'contradicted');
  // The year the claim writes is what it asserts; the year read from the text around it may rest on the wrong anchor.
  const written = await checkText(`${intro}Ten years later, in February 1994, Ukraine joined the Partnership for Peace.`, source);
  assert.equal(written.claims[1]?.verdict, 'supported', written.claims[1]?.explanation);
});

test('"it" stands for the subject the text named last, and that party must be the record’s', async () => {
  const russia = await checkText(
    'Russia joined the Partnership for Peace in June 1994. It was among the founding members of the Euro-Atlantic Partnership Council in May 1997.',
    source,
  );
  assert.equal(russia.claims[1]?.verdict, 'unverifiable', russia.claims[1]?.explanation);
  const ukraine = await checkText(
    'Ukraine joined the North Atlantic Cooperation Council in 1991. It joined the Partnership for Peace in 1994.',
    source,
  );
  assert.equal(ukraine.claims[1]?.verdict, 'supported', ukraine.claims[1]?.explanation);
});

test('the page date dates a weekday: the Thursday before a later page is another Thursday', async () => {
  const claim = 'Keir Starmer signed the 100-Year Partnership in Kyiv on Thursday.';
  const right = await checkText(`date 2025-01-17\n${claim}`, source);
  assert.equal(right.claims[0]?.verdict, 'supported', right.claims[0]?.explanation);
  assert.equal(right.claims[0]?.text, claim);
  const later = await checkText(`date 2025-01-24\n${claim}`, source);
  assert.equal(later.claims[0]?.verdict, 'unverifiable', later.claims[0]?.explanation);
  const glued = await checkText(`date 2025-01-17 ${claim}`, source);
  assert.equal(glued.claims[0]?.text, claim, 'the stamp is not part of the claim');
  assert.equal(glued.claims[0]?.verdict, 'supported', glued.claims[0]?.explanation);
});
