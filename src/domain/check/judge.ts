// The verdict rules, precision first. A claim is compared with the records it links to,
// detail by detail: each date, place, participant, name, amount and order it asserts either
// agrees with the record, conflicts with it, or is missing from it.
// - supported: linked, the record holds the act, and every detail agrees;
// - contradicted: linked by name (or by a back-reference to a named thing) to one act, and the
//   record gives another value for a single-valued detail of that act, holds the act the claim
//   denies, or ranks another party first;
// - unverifiable: everything else.
import { subjectIds, type ClaimFrame, type NameMention, type Span } from './claim-frame.ts';
import type { DatedAct, EvidenceDoc } from './evidence-doc.ts';
import { holdsAction, type Action, type ActionMention } from './find-actions.ts';
import { negatedTokens } from './find-negations.ts';
import { amountsAgree, NUMBER_WORDS, sameQuantity, type Amount } from './find-amounts.ts';
import { formatPartialDate, onYearlessDay, precisionRank, spansOverlap, type TextDate, type YearlessDay } from './find-dates.ts';
import type { PlaceMention } from './find-places.ts';
import type { TextAnalysis } from './analyze-text.ts';
import { rankedAct, rankedSpan, type OrdinalMention } from './find-ordinals.ts';
import type { Entity } from './gazetteer.ts';
import type { Link } from './link.ts';
import { stem, STOPWORDS, type Token } from './tokenize.ts';

export type DetailKind = 'date' | 'place' | 'person' | 'party' | 'amount' | 'ordinal' | 'negation';
export type DetailStatus = 'agree' | 'conflict' | 'missing';

export interface Detail {
  kind: DetailKind;
  claim: string;
  record?: string;
  status: DetailStatus;
  doc?: EvidenceDoc;
}

export type VerdictLabel = 'supported' | 'contradicted' | 'unverifiable';

export interface Judgement {
  verdict: VerdictLabel;
  details: Detail[];
  /** The act the record holds for the claim, when it holds one. */
  act?: EvidenceDoc;
  /** Whether the record holds the claim's act at all. */
  actHeld: boolean;
}

/** Verbs that assert only that the thing happened ("was held", "took place"). */
const NEUTRAL_VERBS = new Set(['be', 'hold', 'take', 'happen', 'occur', 'have']);

const inside = (x: Span, spans: Span[]) => spans.some((s) => x.start >= s.start && x.end <= s.end);

const recordPrecision = (date: string) => (date.length === 10 ? 3 : date.length === 7 ? 2 : 1);

/** The records among the linked ones that hold the claim's act, with the dated act itself. */
function actsFor(frame: ClaimFrame, docs: EvidenceDoc[], titled = false): { doc: EvidenceDoc; act: DatedAct }[] {
  const action: Action | undefined = frame.act?.action;
  // A claim that states a record's title in its words states that record's act, whatever its verb.
  const neutral = !action && ((frame.verb !== undefined && NEUTRAL_VERBS.has(frame.verb)) || titled);
  const out: { doc: EvidenceDoc; act: DatedAct }[] = [];
  for (const doc of docs) {
    for (const act of doc.acts) {
      if (action ? holdsAction(act.actions, action) : neutral && doc === docs[0]) out.push({ doc, act });
    }
  }
  return out;
}

/** One act: every record of it dates it to the same span. */
function singleAct(acts: { act: DatedAct }[]): boolean {
  return acts.length > 0 && acts.every((a) => a.act.span.from === acts[0]!.act.span.from && a.act.span.to === acts[0]!.act.span.to);
}

function compareDate(
  d: TextDate,
  frame: ClaimFrame,
  all: { doc: EvidenceDoc; act: DatedAct }[],
  acts: { doc: EvidenceDoc; act: DatedAct }[],
  actOfAnother: boolean,
  titled = false,
): Detail {
  const background = inside(d, frame.background);
  const matching = all.find((a) => spansOverlap(d, a.act.span));
  if (matching) {
    const finer = precisionRank(d.precision) > recordPrecision(matching.act.date);
    return {
      kind: 'date',
      claim: d.text,
      record: formatPartialDate(matching.act.date),
      status: finer ? 'missing' : 'agree',
      doc: matching.doc,
    };
  }
  // A date in a background clause, or one the records mention for something else, is about another act.
  const actDocs = acts.map((a) => a.doc);
  const mentioned = actDocs.some((doc) => doc.analysis.dates.some((x) => !x.bound && spansOverlap(d, x)));
  // A year that names which thing is meant ("the 2009 Complement"), or a claim that only says
  // what something is, does not date the act.
  if (background || mentioned || actOfAnother || d.attributive || d.anchored || !(frame.act || titled) || !singleAct(acts)) {
    const about = acts[0];
    return { kind: 'date', claim: d.text, record: about && formatPartialDate(about.act.date), status: 'missing', doc: about?.doc };
  }
  return { kind: 'date', claim: d.text, record: formatPartialDate(acts[0]!.act.date), status: 'conflict', doc: acts[0]!.doc };
}

/**
 * "Eleven years later, in 2008": a date read from the text around the claim restates one the
 * claim writes out; the written one is what the claim asserts, and the reading may have taken
 * the wrong earlier date as its anchor.
 */
const restated = (d: TextDate, dates: TextDate[]) => d.anchored === true && dates.some((x) => !x.anchored && !x.bound);

/** Whether a stretch stands inside quotation marks. */
function insideQuotes(text: string, x: Span): boolean {
  const before = text.slice(0, x.start);
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  const curly = before.lastIndexOf('“') > before.lastIndexOf('”');
  return straight || curly;
}

/** Where a clause ends: a semicolon, or a comma before a conjunction, a subordinator or a relative word. */
const CLAUSE_BREAK =
  /[;:]|,\s+(?:and|but|or|while|whereas|despite|although|though|when|which|who|where|after|before|since|because|as|with)\b|\s[–—]\s/giu;

/** Whether two stretches of a sentence stand in the same clause. */
function sameClause(text: string, a: Span, b: Span): boolean {
  const from = Math.min(a.end, b.end);
  const to = Math.max(a.start, b.start);
  if (to <= from) return true;
  CLAUSE_BREAK.lastIndex = 0;
  return !CLAUSE_BREAK.test(text.slice(from, to));
}

/**
 * Whether the claim's act is done by or to another thing the claim names after the linked one:
 * in "the Charter, and the Declaration to Complement the Charter signed in 2009" the signing
 * is the Declaration's, so its date and place say nothing against the Charter.
 */
function actOfAnotherName(frame: ClaimFrame, link: Link): boolean {
  const act = frame.act;
  if (!act || !link.span) return false;
  const span = link.span;
  return frame.names.some((n) => n.start >= span.end && n.end <= act.start && !inside(n, frame.background));
}

/** A day without its year (or a weekday) agrees only with the day the record gives the act; otherwise the record lacks it. */
function compareYearless(d: YearlessDay, acts: { doc: EvidenceDoc; act: DatedAct }[]): Detail {
  const same = acts.find((a) => onYearlessDay(d, a.act.date));
  if (same) return { kind: 'date', claim: d.text, record: formatPartialDate(same.act.date), status: 'agree', doc: same.doc };
  return { kind: 'date', claim: d.text, record: acts[0] && formatPartialDate(acts[0].act.date), status: 'missing', doc: acts[0]?.doc };
}

/** Whether a place follows a 'locate' act ("headquartered in Wiesbaden", "would be based at Ramstein"). */
function locatedPlace(a: TextAnalysis, p: PlaceMention): boolean {
  return a.actions.some(
    (x) => x.action === 'locate' && x.end <= p.start && /^\s*(?:(?:in|at)\s+)?(?:the\s+)?$/i.test(a.text.slice(x.end, p.start)),
  );
}

/** "NSATU is headquartered ...": the located thing is the one the claim was linked by, not "NSATU's logistics hub". */
function locatesLinked(frame: ClaimFrame, link: Link): boolean {
  const a = frame.analysis;
  const locate = a.actions.find((x) => x.action === 'locate');
  if (!link.span || !locate || locate.start < link.span.end) return false;
  return /^[\s,]*(?:(?:is|was|are|were|has been|have been|will be|would be|to be)\s+)?$/i.test(a.text.slice(link.span.end, locate.start));
}

/**
 * Where a thing is ("NSATU is headquartered in Wiesbaden") is told by the records of it, whatever
 * else they place: a record that locates it elsewhere, and nowhere else, refutes the claim.
 */
function compareLocation(p: PlaceMention, docs: EvidenceDoc[], ofLinked: boolean): Detail {
  const located = docs.flatMap((d) => d.analysis.places.filter((x) => !x.isCountry && locatedPlace(d.analysis, x)).map((x) => ({ d, x })));
  // "In Germany" agrees with "in Wiesbaden": the country a located city is in; only a city refutes a city.
  const same = located.find(({ x }) => x.name === p.name || (p.isCountry && x.country === p.country));
  if (same) return { kind: 'place', claim: p.name, record: same.x.name, status: 'agree', doc: same.d };
  if (p.isCountry) return { kind: 'place', claim: p.name, status: 'missing' };
  const names = [...new Set(located.map(({ x }) => x.name))];
  return {
    kind: 'place',
    claim: p.name,
    record: names.join(', ') || undefined,
    status: names.length === 1 && ofLinked ? 'conflict' : 'missing',
    doc: located[0]?.d,
  };
}

function comparePlace(
  p: PlaceMention,
  frame: ClaimFrame,
  acts: { doc: EvidenceDoc }[],
  actDocs: EvidenceDoc[],
  allDocs: EvidenceDoc[],
  actOfAnother: boolean,
): Detail {
  // Only a record of the claim's act places it: a meeting in Brussels does not place a signing.
  // A place in the subject ("the centre in Tallinn voted") says where the subject is, which any
  // record of it may tell.
  const placesSubject = frame.verbStart !== undefined && p.end <= frame.verbStart;
  const at = (d: EvidenceDoc) => [d.place, d.titlePlace].find((x) => x && (x.name === p.name || (p.isCountry && x.country === p.country)));
  const agrees = (placesSubject ? [...actDocs, ...allDocs] : actDocs).find(at);
  if (agrees) return { kind: 'place', claim: p.name, record: at(agrees)!.name, status: 'agree', doc: agrees };
  const placed = [...new Set(acts.map((a) => a.doc.place?.name).filter(Boolean))];
  const actDoc = acts.find((a) => a.doc.place)?.doc;
  // Only the one place the act's record gives refutes another; a country it does not name is just missing.
  // A country that takes part in the act ("a package ... to combat insurgents in eastern Ukraine")
  // is often named for what happens there, not for where the act took place.
  const partyCountry =
    p.isCountry &&
    frame.analysis.mentions.some((m) => m.start <= p.start && m.end >= p.end && m.ids.some((id) => actDoc?.entities.has(id)));
  const conflict =
    !inside(p, frame.background) &&
    !actOfAnother &&
    !partyCountry &&
    placed.length === 1 &&
    actDoc &&
    (!p.isCountry || actDoc.place!.country !== p.country) &&
    singleAct(acts as never);
  return { kind: 'place', claim: p.name, record: placed.join(', ') || undefined, status: conflict ? 'conflict' : 'missing', doc: actDoc };
}

/** The span a record's date (a year, a month or a day) covers. */
const dateSpan = (date: string) => ({ from: date, to: date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date });

/** A state acts through those who held its offices at the time: "Ukraine applied" when its president signed the letter. */
function actedForBy(d: EvidenceDoc, ids: string[], entities: Map<string, Entity>): boolean {
  const when = dateSpan(d.date);
  return [...d.participants].some((p) =>
    entities.get(p)?.offices?.some((o) => ids.includes(o.of) && (o.from ?? '') <= when.to && (o.to ?? '9999') >= when.from),
  );
}

function compareEntity(ids: string[], text: string, subject: boolean, docs: EvidenceDoc[], entities: Map<string, Entity>): Detail {
  const person = ids.some((id) => entities.get(id)?.kind === 'person');
  const kind: DetailKind = person ? 'person' : 'party';
  const name = entities.get(ids[0]!)?.name ?? text;
  // A person must be one of the record's participants; a name its text merely mentions may
  // have played another part ("Kuchma defeated Kravchuk").
  // A person must be one of the record's participants; a person who is the claim's subject
  // must also be the one the record's title names, when its title names someone.
  const named = (d: EvidenceDoc) =>
    ![...d.titleEntities].some((id) => entities.get(id)?.kind === 'person') || ids.some((id) => d.titleEntities.has(id));
  const holder =
    docs.find((d) => ids.some((id) => (person ? d.participants : d.entities).has(id)) && (!person || !subject || named(d))) ??
    (person ? undefined : docs.find((d) => actedForBy(d, ids, entities)));
  if (holder) return { kind, claim: name, record: name, status: 'agree', doc: holder };
  return { kind, claim: name, status: 'missing' };
}

function compareAmount(a: Amount, claimAmounts: Amount[], acts: { doc: EvidenceDoc }[], docs: EvidenceDoc[]): Detail {
  const agrees = docs.find((d) => d.amounts.some((r) => sameQuantity(a, r) && amountsAgree(a, r)));
  if (agrees) return { kind: 'amount', claim: a.text, record: a.text, status: 'agree', doc: agrees };
  const actDocs = [...new Set(acts.map((x) => x.doc))];
  const same = actDocs.length === 1 ? actDocs[0]!.amounts.filter((r) => sameQuantity(a, r)) : [];
  const alone = claimAmounts.filter((o) => same.length && sameQuantity(o, same[0]!)).length === 1;
  const status = same.length === 1 && alone ? 'conflict' : 'missing';
  return { kind: 'amount', claim: a.text, record: same.map((r) => r.text).join(', ') || undefined, status, doc: actDocs[0] };
}

/** The head noun an ordinal ranks: the last word of the run after it, up to a joiner or punctuation. */
function headAfter(a: { text: string; tokens: Token[] }, at: number): string | undefined {
  let head: Token | undefined;
  for (let i = at + 1; i < a.tokens.length && i <= at + 4; i++) {
    const t = a.tokens[i]!;
    if (STOPWORDS.has(t.lower) || (head && /[,.;:()]/.test(a.text.slice(head.end, t.start)))) break;
    head = t;
  }
  return head?.stem;
}

/** Who an order is claimed for, with the states and bodies its persons held office in: Scholz's "second" is Germany's. */
function withOffices(ids: string[], entities: Map<string, Entity>): string[] {
  return [...ids, ...ids.flatMap((id) => entities.get(id)?.offices?.map((o) => o.of) ?? [])];
}

/** "The second CIS country", "the only partner": an order other than first agrees only where a record states the same order. */
function compareOtherOrders(frame: ClaimFrame, docs: EvidenceDoc[], entities: Map<string, Entity>): Detail[] {
  const a = frame.analysis;
  return a.ordinals
    .filter((o) => (o.kind !== 'first' || !o.subject) && !inside(o, frame.background))
    .map((o) => {
      // "It is the second partner country": without a subject, the record must rank the same thing the same way.
      const word = a.tokens[o.at + 1]?.stem;
      const mine = o.subject ? withOffices(o.subject, entities) : undefined;
      const claim = `${mine ? o.subject!.map((id) => entities.get(id)?.name ?? id).join(', ') + ' ' : ''}${o.kind}${mine ? '' : ` ${a.tokens[o.at + 1]?.text ?? ''}`}`;
      const same = docs.find((d) =>
        d.analysis.ordinals.some(
          (r) =>
            r.kind === o.kind &&
            (mine
              ? withOffices(r.subject ?? [], entities).some((id) => mine.includes(id))
              : d.analysis.tokens[r.at + 1]?.stem === word || headAfter(d.analysis, r.at) === headAfter(a, o.at)),
        ),
      );
      return same
        ? { kind: 'ordinal' as const, claim, record: claim, status: 'agree' as const, doc: same }
        : { kind: 'ordinal' as const, claim, status: 'missing' as const };
    });
}

/**
 * "The group first met at Ramstein" and the record "First ... meeting at Ramstein": a record of
 * the claim's subject that ranks the same act first agrees, whoever its sentence names before.
 */
function firstOfSameAct(frame: ClaimFrame, o: OrdinalMention, docs: EvidenceDoc[]): { d: EvidenceDoc } | undefined {
  // Only "first" said of the act itself ("first met"), not of a thing ("the first nation to be admitted").
  const next = frame.analysis.tokens[o.at + 1];
  const act = next && frame.analysis.actions.find((x) => x.start === next.start)?.action;
  if (!act) return undefined;
  const d = docs.find(
    (doc) =>
      o.subject!.every((id) => doc.entities.has(id)) &&
      doc.analysis.ordinals.some(
        (r) =>
          r.kind === 'first' && (!r.subject || r.subject.some((id) => o.subject!.includes(id))) && rankedAct(doc.analysis, r.at) === act,
      ),
  );
  return d && { d };
}

/** The record linked as the party's first act ranks it first: the claim's order agrees with it. */
function rankedFirstAgrees(frame: ClaimFrame, link: Link, entities: Map<string, Entity>): Detail {
  const o = frame.analysis.ordinals.find((x) => x.kind === 'first' && x.subject)!;
  const claim = `${o.subject!.map((id) => entities.get(id)?.name ?? id).join(', ')} first`;
  return { kind: 'ordinal', claim, record: claim, status: 'agree', doc: link.core[0] };
}

/** The head noun of the noun phrase after a token ("sign a bilateral security agreement with": "agreement"). */
function objectHead(a: TextAnalysis, end: number): string | undefined {
  let i = a.tokens.findIndex((t) => t.start >= end);
  if (i < 0) return undefined;
  while (i < a.tokens.length && STOPWORDS.has(a.tokens[i]!.lower)) i++;
  return i < a.tokens.length ? headAfter(a, i - 1) : undefined;
}

/**
 * "Britain was the first country to sign a bilateral security agreement" and the record "the
 * first bilateral security agreement under the G7 framework" of the agreement Britain signed:
 * the first of the thing the subject made is the subject's first.
 */
function firstOfWhatItDid(
  frame: ClaimFrame,
  o: OrdinalMention,
  docs: EvidenceDoc[],
  entities: Map<string, Entity>,
): { d: EvidenceDoc } | undefined {
  const a = frame.analysis;
  const span = rankedSpan(a, o.at);
  const act = a.actions.find((x) => x.start >= span.start && x.end <= span.end);
  const thing = act && objectHead(a, act.end);
  if (!act || !thing) return undefined;
  const subject = withOffices(o.subject!, entities);
  const d = docs.find(
    (doc) =>
      [...doc.participants].some((id) => withOffices([id], entities).some((x) => subject.includes(x))) &&
      doc.acts.some((x) => x.actions.has(act.action)) &&
      doc.analysis.ordinals.some((r) => r.kind === 'first' && headAfter(doc.analysis, r.at) === thing),
  );
  return d && { d };
}

function compareOrdinal(frame: ClaimFrame, docs: EvidenceDoc[], chain: EvidenceDoc[], entities: Map<string, Entity>): Detail[] {
  return frame.analysis.ordinals
    .filter((o) => o.kind === 'first' && o.subject && !inside(o, frame.background))
    .map((o) => {
      // Two "firsts" rank the same thing when the word after the ordinal is the same ("first non-NATO").
      const after = (x: { analysis: { tokens: { stem: string }[] } }, at: number) => x.analysis.tokens[at + 1]?.stem;
      const rankedWord = after(frame, o.at);
      const rankedNoun = headAfter(frame.analysis, o.at);
      const firsts = docs.flatMap((d) => d.analysis.ordinals.filter((r) => r.kind === 'first' && r.subject).map((r) => ({ d, r })));
      const ranked = firsts.filter(({ d, r }) => after(d, r.at) === rankedWord);
      // Agreeing needs only the same head noun: "the first high-level meeting" is "the first summit-level meeting".
      const sameThing = firsts.filter(({ d, r }) => after(d, r.at) === rankedWord || headAfter(d.analysis, r.at) === rankedNoun);
      const same =
        sameThing.find(({ r }) => r.subject!.some((id) => o.subject!.includes(id))) ??
        firstOfSameAct(frame, o, docs) ??
        firstOfWhatItDid(frame, o, chain, entities);
      if (same)
        return {
          kind: 'ordinal' as const,
          claim: o.subject!.map((id) => entities.get(id)?.name ?? id).join(', ') + ' first',
          status: 'agree' as const,
          doc: same.d,
        };
      const other = ranked.find(({ r }) => !r.subject!.some((id) => o.subject!.includes(id)));
      const who = (ids: string[]) => ids.map((id) => entities.get(id)?.name ?? id).join(', ');
      if (other)
        return {
          kind: 'ordinal' as const,
          claim: `${who(o.subject!)} first`,
          record: `${who(other.r.subject!)} first`,
          status: 'conflict' as const,
          doc: other.d,
        };
      return { kind: 'ordinal' as const, claim: `${who(o.subject!)} first`, status: 'missing' as const };
    });
}

/**
 * Whether a sentence says an act was done: "applied to join", "decided to provide", "a programme
 * of providing assistance", "without joining" name what was sought, decided or described, not a
 * second act. A pledge ("agreed to provide") is the promise itself.
 */
function assertedAct(text: string, act: ActionMention): boolean {
  const before = text.slice(Math.max(0, act.start - 12), act.start);
  if (act.action !== 'pledge' && /\bto\s+$/i.test(before)) return false;
  return !(/ing$/i.test(text.slice(act.start, act.end)) && /\b(?:of|for|about|without)\s+$/i.test(before));
}

/**
 * Every act the claim's main clause states ("announced that Poland would send jets": say and
 * provide) must be in the linked records, in the same polarity. A record that denies an act
 * the claim asserts ("would not send") refutes it.
 */
function compareActions(frame: ClaimFrame, core: EvidenceDoc[], docs: EvidenceDoc[]): Detail[] {
  const a = frame.analysis;
  const claimNegated = negatedTokens(a.tokens, a.text);
  const polarity = (x: { analysis: ClaimFrame['analysis'] }, negated: Set<number>, action: ActionMention) =>
    !x.analysis.tokens.some((t, i) => negated.has(i) && t.start >= action.start && t.end <= action.end);
  const seen = new Set<Action>();
  const out: Detail[] = [];
  for (const act of a.actions) {
    if (inside(act, frame.background) || seen.has(act.action) || act === frame.act || !assertedAct(a.text, act)) continue;
    seen.add(act.action);
    const positive = polarity(frame, claimNegated, act);
    const text = a.text.slice(act.start, act.end);
    const held = docs.flatMap((d) =>
      d.analysis.actions.filter((x) => x.action === act.action).map((x) => ({ d, positive: polarity(d, d.negated, x) })),
    );
    const same = held.find((h) => h.positive === positive);
    // What someone is reported to have said is their claim, not this one: it cannot be refuted here.
    // ... unless the record holds that statement itself: then what it says was said can differ.
    const reported = (frame.act?.action === 'say' && act.start >= frame.act.end) || insideQuotes(a.text, act);
    const statedIn = (d: EvidenceDoc) => d.acts.some((x) => x.actions.has('say'));
    const opposite = held.find(
      (h) => h.positive !== positive && core.includes(h.d) && (!reported || (!insideQuotes(a.text, act) && statedIn(h.d))),
    );
    if (same) out.push({ kind: 'negation', claim: text, record: text, status: 'agree', doc: same.d });
    else if (opposite)
      out.push({ kind: 'negation', claim: text, record: positive ? `not ${text}` : text, status: 'conflict', doc: opposite.d });
    else out.push({ kind: 'negation', claim: text, status: 'missing' });
  }
  return out;
}

type When = { from: string; to: string } | undefined;

/**
 * "President Volodymyr" before "Zelenskyy", "PM" before "Starmer": the person's given names and
 * the title (or its initials) of an office the record says the person held when the act took
 * place. Undefined when the words are something else.
 */
function personTitle(n: NameMention, frame: ClaimFrame, entities: Map<string, Entity>, when: When): Detail | undefined {
  const a = frame.analysis;
  const next = a.mentions.find((m) => m.start >= n.end && /^\s*$/.test(a.text.slice(n.end, m.start)));
  const person = next?.ids.map((id) => entities.get(id)).find((e) => e?.kind === 'person');
  if (!person) return undefined;
  const own = new Set(person.name.toLowerCase().split(/[^\p{L}]+/u));
  // "former Dutch Prime Minister": an office the person had left by the time of the act.
  const former = /\b(?:former|ex)[\s-]+(?:\p{Lu}[\p{L}.-]*\s+)*$/iu.test(a.text.slice(0, n.start));
  const held = (o: { from: string | null; to: string | null }) =>
    when !== undefined && (former ? o.to !== null && o.to <= when.to : (o.from ?? '') <= when.to && (o.to ?? '9999') >= when.from);
  // "Dutch Prime Minister": the state written before the title is the one the office is of.
  const state = a.mentions.find(
    (m) => m.end <= n.start && /^\s*$/.test(a.text.slice(m.end, n.start)) && m.ids.some((id) => entities.get(id)?.kind === 'state'),
  );
  const offices = (person.offices ?? []).filter((o) => held(o) && (!state || state.ids.includes(o.of)));
  const titleWords = (o: { title: string }) =>
    o.title
      .toLowerCase()
      .split(/[^\p{L}]+/u)
      .filter(Boolean);
  const office = offices.find((o) => {
    const words = titleWords(o);
    const initials = words.map((w) => w[0]).join('');
    return n.words.every((w) => own.has(w) || words.includes(w) || w === initials);
  });
  if (office)
    return {
      kind: 'person',
      claim: a.text.slice(n.start, next!.end),
      record: `${office.title} from ${office.from ?? '?'}`,
      status: 'agree',
    };
  if (n.words.every((w) => own.has(w)))
    return { kind: 'person', claim: a.text.slice(n.start, next!.end), record: person.name, status: 'agree' };
  return { kind: 'person', claim: a.text.slice(n.start, next!.end), status: 'missing' };
}

/**
 * The titles written before persons ("Prime Minister Volodymyr Zelenskyy"): capitalised words
 * right before a person's name that no other detail accounts for.
 */
function compareTitles(frame: ClaimFrame, entities: Map<string, Entity>, when: When): Detail[] {
  const a = frame.analysis;
  const taken: Span[] = [...a.mentions, ...a.places, ...a.dates, ...frame.names];
  const out: Detail[] = [];
  for (const m of a.mentions) {
    if (!m.ids.some((id) => entities.get(id)?.kind === 'person')) continue;
    let from = m.from;
    while (from > 0) {
      const t = a.tokens[from - 1]!;
      const gap = a.text.slice(t.end, a.tokens[from]!.start);
      if (!/^\p{Lu}/u.test(t.text) || !/^\s+$/.test(gap) || inside(t, taken)) break;
      from--;
    }
    if (from === m.from) continue;
    const run = a.tokens.slice(from, m.from);
    const n: NameMention = {
      text: a.text.slice(run[0]!.start, run.at(-1)!.end),
      start: run[0]!.start,
      end: run.at(-1)!.end,
      words: run.map((t) => t.lower),
    };
    const title = personTitle(n, frame, entities, when);
    if (title) out.push(title);
  }
  return out;
}

/**
 * A number no other detail accounts for ("14 months after", "300 soldiers") must be one the
 * linked records give: a claim is not supported on the details the checker left unread.
 */
function compareNumbers(frame: ClaimFrame, link: Link, docs: EvidenceDoc[]): Detail[] {
  const a = frame.analysis;
  const read: Span[] = [...a.dates, ...a.yearless, ...a.amounts, ...a.ordinals, ...(link.span ? [link.span] : [])];
  // A number with the word it counts ("14 months", "ten-year"): the same count of the same thing.
  const counted = (tokens: Token[], i: number) => `${NUMBER_WORDS[tokens[i]!.lower] ?? tokens[i]!.lower} ${tokens[i + 1]?.stem ?? ''}`;
  const isNumber = (t: Token) => /\d/.test(t.text) || NUMBER_WORDS[t.lower] !== undefined;
  const given = new Set(docs.flatMap((d) => d.analysis.tokens.flatMap((t, i) => (isNumber(t) ? [counted(d.analysis.tokens, i)] : []))));
  return (
    a.tokens
      .map((t, i) => ({ t, i }))
      // "F-16", "Su-27": a number joined to letters before it is part of a name, not a count.
      .filter(
        ({ t }) =>
          /^\d+(?:[.,]\d+)*$/.test(t.text) && !inside(t, read) && !/\p{L}-$/u.test(a.text.slice(Math.max(0, t.start - 2), t.start)),
      )
      .map(({ t, i }) =>
        given.has(counted(a.tokens, i))
          ? { kind: 'amount' as const, claim: t.text, record: t.text, status: 'agree' as const }
          : { kind: 'amount' as const, claim: t.text, status: 'missing' as const },
      )
  );
}

/** Proper names the link itself did not account for must appear in the linked records. */
/** "North Atlantic Cooperation Council" -> "NACC": the capitals of a name's words, which a record may write instead. */
const initials = (name: string) =>
  name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('')
    .toUpperCase();

/** "Membership Action Plan (MAP)": an acronym in brackets after its own words is the same name again. */
function spelledOutBefore(text: string, n: NameMention): boolean {
  if (!/^\p{Lu}{2,}$/u.test(n.text) || text[n.start - 1] !== '(') return false;
  const words = text
    .slice(0, n.start - 1)
    .trimEnd()
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .slice(-n.text.length);
  return words.map((w) => w[0]).join('') === n.text;
}

function compareNames(frame: ClaimFrame, link: Link, docs: EvidenceDoc[], entities: Map<string, Entity>, when: When): Detail[] {
  const text = docs.map((d) => [...d.names, d.analysis.text].join(' ')).join(' ');
  const stems = new Set(text.split(/[^\p{L}\p{N}]+/u).map(stem));
  const acronyms = new Set(text.match(/\b\p{Lu}[\p{Lu}\p{Ll}]*\p{Lu}\b/gu)?.map((x) => x.toUpperCase()));
  return frame.names
    .filter((n) => !(link.span && n.start >= link.span.start && n.end <= link.span.end) && !spelledOutBefore(frame.analysis.text, n))
    .map((n) => {
      // Words standing before a person are that person's title or names, whatever else the record says.
      const title = personTitle(n, frame, entities, when);
      if (title) return title;
      const found = n.words.filter((w) => /\p{L}/u.test(w)).every((w) => stems.has(stem(w))) || acronyms.has(initials(n.text));
      return { kind: 'party' as const, claim: n.text, status: found ? ('agree' as const) : ('missing' as const) };
    });
}

export function judge(frame: ClaimFrame, link: Link | undefined, entities: Map<string, Entity>): Judgement {
  if (!link) return { verdict: 'unverifiable', details: [], actHeld: false };
  const docs = link.docs;
  const a = frame.analysis;
  const acts = actsFor(frame, docs, link.titled);
  // Only the claim's own act can refute it: the record of it must involve the claim's subject.
  const subjects = subjectIds(frame);
  const coreActs = actsFor(frame, link.core.length ? link.core : docs, link.titled).filter((x) =>
    subjects.every((id) => x.doc.entities.has(id)),
  );
  // The records of the acts the claim states, at its own date: a delivery in May 2025 does not
  // count what arrived in 2024, and a pledge of 24 jets does not count the jets a delivery brought.
  const claimDates = a.dates.filter((d) => !d.bound && !inside(d, frame.background));
  const stated = a.actions.filter((x) => !inside(x, frame.background)).map((x) => x.action);
  const statedActs = docs.flatMap((doc) =>
    doc.acts.filter((act) => stated.some((action) => holdsAction(act.actions, action))).map((act) => ({ doc, act })),
  );
  const onDate = statedActs.filter((x) => claimDates.every((d) => spansOverlap(d, x.act.span)));
  const actDocs = [...new Set((onDate.length ? onDate : statedActs).map((x) => x.doc))];
  const another = actOfAnotherName(frame, link);
  // A detail, or the act itself, in another clause than the name that linked the claim is about something else.
  const elsewhere = (x: Span) =>
    another ||
    (link.span !== undefined &&
      (!sameClause(a.text, x, link.span) || (frame.act !== undefined && !sameClause(a.text, frame.act, link.span))));
  const details: Detail[] = [
    ...a.dates
      .filter((d) => !d.bound && !restated(d, a.dates))
      .map((d) => compareDate(d, frame, acts, coreActs, elsewhere(d), link.titled)),
    ...a.yearless.filter((d) => !inside(d, frame.background)).map((d) => compareYearless(d, acts)),
    // A place inside the name that linked the claim ("the Wales summit") names the thing, not where it was.
    ...a.places
      .filter((p) => !(link.span && p.start >= link.span.start && p.end <= link.span.end))
      .map((p) =>
        locatedPlace(a, p) && !elsewhere(p)
          ? compareLocation(p, docs, locatesLinked(frame, link))
          : comparePlace(p, frame, coreActs, actDocs.length ? actDocs : [...new Set(acts.map((x) => x.doc))], docs, elsewhere(p)),
      ),
    ...a.mentions
      .filter((m) => !a.places.some((p) => m.start >= p.start && m.end <= p.end))
      .filter((m) => !(link.span && m.start >= link.span.start && m.end <= link.span.end))
      .map((m) =>
        compareEntity(m.ids, a.text.slice(m.start, m.end), m.end <= (frame.verbStart ?? 0), actDocs.length ? actDocs : docs, entities),
      ),
    // "It joined ...": the party the text last named as a subject must be the record's too.
    ...(frame.impliedSubject ? [compareEntity(frame.impliedSubject.ids, frame.impliedSubject.text, true, docs, entities)] : []),
    ...a.amounts.map((x) => compareAmount(x, a.amounts, coreActs, actDocs.length ? actDocs : docs)),
    ...(link.rankedFirst ? [rankedFirstAgrees(frame, link, entities)] : compareOrdinal(frame, link.named, docs, entities)),
    ...compareOtherOrders(frame, docs, entities),
    ...compareNames(frame, link, docs, entities, acts[0]?.act.span),
    ...compareTitles(frame, entities, acts[0]?.act.span),
    ...compareNumbers(frame, link, actDocs.length ? actDocs : docs),
    ...compareActions(frame, link.core.length ? link.core : docs, docs),
  ];
  const actHeld = acts.length > 0;
  if (frame.negated)
    details.push({
      kind: 'negation',
      claim: a.text.slice(frame.act?.start ?? 0, frame.act?.end ?? 0) || 'not',
      status: actHeld && !elsewhere({ start: frame.verbStart ?? 0, end: (frame.verbStart ?? 0) + 1 }) ? 'conflict' : 'missing',
      doc: acts[0]?.doc,
    });

  // Only the thing itself can be refuted: a record that merely mentions the name, or a conjunction, cannot.
  // A conjunction found the act by its details, so only what it did not use, the act's polarity, can refute the claim, and only
  // when the conjunction is sure: a specific participant on the same day.
  const polarityOnly = details.every((d) => d.status !== 'conflict' || d.kind === 'negation');
  const canContradict =
    (link.strength === 'name' ||
      link.strength === 'reference' ||
      (link.strength === 'conjunction' && link.sure === true && polarityOnly)) &&
    !frame.future;
  const conflict = details.some((d) => d.status === 'conflict');
  let verdict: VerdictLabel = 'unverifiable';
  if (conflict && canContradict && (actHeld || details.some((d) => d.status === 'conflict' && d.kind === 'ordinal')))
    verdict = 'contradicted';
  else if (!conflict && actHeld && !frame.negated && details.every((d) => d.status === 'agree')) verdict = 'supported';
  return { verdict, details, act: acts[0]?.doc ?? docs[0], actHeld };
}
