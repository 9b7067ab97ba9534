// The verdict rules. Supported only when a record that describes the same act agrees on every
// checkable detail; contradicted when the record that best describes it disagrees on one (or a
// record ranks someone else first); unverifiable otherwise. When unsure, unverifiable.
import type { TextAnalysis } from './analyze-text.ts';
import { compareDetails, type DetailResult } from './compare-details.ts';
import { compareOrder } from './compare-order.ts';
import { headOf, type EvidenceDoc } from './evidence-doc.ts';
import { amountsAgree, sameQuantity } from './find-amounts.ts';
import { formatPartialDate, spansOverlap } from './find-dates.ts';
import type { Entity } from './gazetteer.ts';
import { coverage, termWeights } from './term-weights.ts';
import { isContentToken } from './tokenize.ts';

export type VerdictLabel = 'supported' | 'contradicted' | 'unverifiable';

export interface Verdict {
  verdict: VerdictLabel;
  confidence: number;
  explanation: string;
  evidence: EvidenceDoc[];
}

/** Share of the claim's topic a record must cover to be about the same act. */
export const SAME_ACT = 0.45;
/** Share of the claim's subject (the words before its first act) such a record must cover. */
export const SUBJECT = 0.5;
/** Share it must cover to confirm the claim. */
export const CONFIRMS = 0.6;
/**
 * How many of the claim's words a confirming record may lack. One is a paraphrase ("beat" for
 * "won"); two are usually a detail the record does not hold ("lasted less than an hour").
 */
const UNMATCHED_WORDS = 1;
/** How far below the closest record a confirming one may fall. */
const CLOSE = 0.15;
/** Share a record must cover to lend a place or name to a confirming record. */
const RELATED = 0.3;
const MAX_EVIDENCE = 5;

interface Scored {
  doc: EvidenceDoc;
  coverage: number;
}

const round = (x: number) => Math.round(Math.min(0.97, Math.max(0.05, x)) * 100) / 100;

/**
 * The claim's main act: the first it names ("signed ... during a visit"), passing over one that
 * only sets the scene ("Leaders meeting in Bucharest declared ...").
 */
export function mainAct(claim: TextAnalysis): TextAnalysis['actions'][number] | undefined {
  const finite = claim.actions.find((a) => !/ing$/i.test(claim.text.slice(a.start, a.end)));
  return finite ?? claim.actions[0];
}

/** The record must describe the claim's main act. */
function actsMatch(claim: TextAnalysis, doc: EvidenceDoc): boolean {
  const main = mainAct(claim);
  return !main || doc.analysis.actionSet.has(main.action);
}

/** The topic words before the first act: roughly the claim's subject ("The 1997 Charter"). */
function subjectTerms(claim: TextAnalysis): TextAnalysis['terms'] {
  const act = mainAct(claim);
  if (!act) return [];
  const at = claim.tokens.findIndex((t) => t.start >= act.start);
  return claim.terms.filter((t) => t.at < at);
}

/** Details that fix an act in time and place, or what it amounted to: each independent of the others. */
const COORDINATES = new Set<DetailResult['kind']>(['date', 'place', 'amount', 'role']);

/**
 * A record that disagrees with the claim on two independent details (when and where) and agrees
 * on none of them describes another act, not this one described wrongly: a summit in Madrid in
 * 2022 is no refutation of one in Bucharest in 2008, however alike their wording.
 */
export function anotherAct(details: DetailResult[], subjectPlaces: Set<string> = new Set()): boolean {
  const coordinates = details.filter((d) => COORDINATES.has(d.kind));
  const disagreeing = new Set(coordinates.filter((d) => d.status === 'conflict').map((d) => d.kind));
  // A place that names the claim's subject ("the Lisbon summit") and the record never mentions
  // sets them apart as much as a place the record gives otherwise.
  if (coordinates.some((d) => d.kind === 'place' && d.status === 'unknown' && subjectPlaces.has(d.claim))) disagreeing.add('place');
  return disagreeing.size >= 2 && !coordinates.some((d) => d.status === 'agree');
}

/** The claim's places as topic words: a place the claim names tells the record of its act from others. */
function placeTerms(claim: TextAnalysis): TextAnalysis['terms'] {
  return claim.tokens.flatMap((t, at) =>
    claim.places.some((p) => t.start >= p.start && t.end <= p.end) && isContentToken(t) ? [{ keys: [t.stem], at, negated: false }] : [],
  );
}

const isLinked = (a: EvidenceDoc, b: EvidenceDoc) => a.linked.includes(b.id) || b.linked.includes(a.id);

/** Order results from another record say nothing about this one. */
function orderFor(order: DetailResult[], doc: EvidenceDoc): DetailResult[] {
  return order.map((d) => (d.status === 'agree' && d.doc && d.doc !== doc && !isLinked(doc, d.doc) ? { ...d, status: 'unknown' } : d));
}

const citiesOf = (doc: EvidenceDoc) => [...new Set(doc.analysis.places.filter((p) => !p.isCountry).map((p) => p.name))].join(', ');
const placeOf = (doc: EvidenceDoc) => (citiesOf(doc) ? ` (${citiesOf(doc)})` : '');

function describeConflict(d: DetailResult, doc: EvidenceDoc): string {
  switch (d.kind) {
    case 'date':
      return `The record dates this to ${d.record}${placeOf(doc)}, not ${d.claim}.`;
    case 'place':
      return `The record places it in ${d.record}, not ${d.claim}.`;
    case 'amount':
      return `The record gives ${d.record}, not ${d.claim}.`;
    case 'role':
      return `The record names ${d.record}, not ${d.claim}.`;
    case 'negation':
      return `The record says the opposite: "${d.record}".`;
    case 'first': {
      const on = d.doc ? ` (${formatPartialDate(d.doc.date)})` : '';
      return `The record contradicts "${d.claim}": "${d.record}"${on}.`;
    }
    default:
      return `The record disagrees on ${d.kind}: ${d.record ?? 'not'} ${d.claim}.`;
  }
}

/**
 * Fills in what the best record leaves out about the claim's subject ("the centre in Tallinn
 * voted", "Ukraine's parliament"), from a closely related record. Names and places in the rest
 * of the claim are what it asserts, and are never borrowed: a related record may name them in
 * another part ("the training centre in Romania").
 */
function confirmFromRelated(
  claim: TextAnalysis,
  details: DetailResult[],
  doc: EvidenceDoc,
  related: Scored[],
  subject: { places: Set<string>; ids: Set<string> },
): DetailResult[] {
  return details.map((d) => {
    if (d.status === 'unknown' && d.kind === 'amount') {
      // A delivery's record may leave its pledge to the commitment it is linked to.
      const a = claim.amounts.find((x) => x.text === d.claim)!;
      const helper = related.find(
        ({ doc: r }) => isLinked(doc, r) && r.analysis.amounts.some((x) => sameQuantity(a, x) && amountsAgree(a, x)),
      );
      return helper ? { ...d, status: 'agree', doc: helper.doc } : d;
    }
    if (d.status !== 'unknown' || !['place', 'party', 'person'].includes(d.kind)) return d;
    if (d.kind === 'place' ? !subject.places.has(d.claim) : !(d.ids ?? []).some((id) => subject.ids.has(id))) return d;
    const helper = related.find(({ doc }) =>
      d.kind === 'place' ? doc.analysis.places.some((p) => p.name === d.claim) : (d.ids ?? []).some((id) => doc.entities.has(id)),
    );
    return helper ? { ...d, status: 'agree', doc: helper.doc } : d;
  });
}

/** Records the evidence list should show beside the deciding one. */
function companions(main: EvidenceDoc[], pool: EvidenceDoc[], claim: TextAnalysis, contradiction: boolean): EvidenceDoc[] {
  const out = [...main];
  const add = (d: EvidenceDoc) => {
    if (out.length < MAX_EVIDENCE && !out.includes(d)) out.push(d);
  };
  for (const m of main) for (const d of pool) if (isLinked(m, d)) add(d);
  if (contradiction) {
    // What the record has at the claimed date, with the claimed people: often the source of a mix-up.
    // A day is widened to its month: a mix-up is seldom off by nothing.
    const dates = claim.dates.filter((d) => !d.bound).map((d) => ({ from: d.from.slice(0, 8) + '01', to: d.to.slice(0, 8) + '31' }));
    const people = [...claim.entities].filter((id) => id !== 'nato' && id !== 'ukraine');
    for (const d of pool) {
      if (d.kind === 'event' && dates.some((x) => spansOverlap(x, d.span)) && people.some((p) => d.entities.has(p))) add(d);
    }
  }
  return out;
}

/**
 * Judges a claim against candidate records, given as groups (the claim's candidate events, and
 * the agreements and commitments every claim is weighed against).
 */
export function decideVerdict(claim: TextAnalysis, groups: EvidenceDoc[][], entities: Map<string, Entity>): Verdict {
  const weigh = termWeights(groups);
  const pool = groups.flat();
  const scored: Scored[] = pool
    .map((doc) => ({ doc, coverage: coverage(claim.terms, doc.keys, weigh) }))
    .sort((a, b) => b.coverage - a.coverage);
  const subject = subjectTerms(claim);
  // A record about the same act covers most of the claim and what the claim is about. Of two
  // about equally close, the one named by the claim's subject comes first: "the Charter" is the
  // Charter, not the "Declaration to Complement the Charter".
  const head = mainAct(claim) ? headOf(claim, mainAct(claim)!.start) : undefined;
  const named = (doc: EvidenceDoc) =>
    head !== undefined && doc.head?.word === head.word && doc.head.qualifiers.every((id) => claim.entities.has(id));
  // The places the claim names weigh in choosing among them as its distinctive words do, so
  // the record of the summit in Bucharest outranks others that merely share "summit" and "member".
  // A date the record's own date matches counts as one more such word.
  const located = [...claim.terms, ...placeTerms(claim)];
  const dates = claim.dates.filter((d) => !d.bound);
  const dateWeight = dates.length ? Math.max(0, ...located.map(weigh)) : 0;
  const locatedWeight = located.reduce((sum, t) => sum + weigh(t), 0);
  const fit = (doc: EvidenceDoc) =>
    (coverage(located, doc.keys, weigh) * locatedWeight + (dates.some((d) => spansOverlap(d, doc.span)) ? dateWeight : 0)) /
    (locatedWeight + dateWeight || 1);
  const rank = (s: Scored) => fit(s.doc) + (named(s.doc) ? CLOSE : 0);
  // The claim's names: the parties and people it mentions and its capitalised words ("Budapest").
  const proper = claim.terms.filter((t, i) => t.keys[0]!.startsWith('@') || (i > 0 && /^\p{Lu}/u.test(claim.tokens[t.at]!.text)));
  const properOf = (doc: EvidenceDoc) => proper.filter((t) => t.keys.some((k) => doc.keys.has(k))).length;
  const same = scored
    .filter(
      (s) => s.coverage >= SAME_ACT && actsMatch(claim, s.doc) && (subject.length === 0 || coverage(subject, s.doc.keys, weigh) >= SUBJECT),
    )
    .sort((a, b) => rank(b) - rank(a));
  const related = scored.filter((s) => s.coverage >= RELATED);
  const order = compareOrder(
    claim,
    pool,
    same.slice(0, 3).map((s) => s.doc),
    weigh,
    entities,
  );

  const orderConflict = order.find((d) => d.status === 'conflict');
  if (orderConflict) {
    // The subject's own record, if there is one, may disagree on more than the order.
    const subjectIds = claim.ordinals[0]?.subject ?? [];
    const own = same.find((s) => s.doc !== orderConflict.doc && subjectIds.some((id) => s.doc.entities.has(id)));
    const more = own ? compareDetails(claim, own.doc, entities).filter((d) => d.status === 'conflict') : [];
    return {
      verdict: 'contradicted',
      confidence: round(0.7 + 0.2 * (own?.coverage ?? 0.5)),
      explanation: [describeConflict(orderConflict, orderConflict.doc!), ...more.map((d) => describeConflict(d, own!.doc))].join(' '),
      evidence: companions([orderConflict.doc!, ...(own ? [own.doc] : [])], pool, claim, true),
    };
  }

  // A record that ranks the same thing for the same subject ("the first summit-level meeting
  // of the Commission") is the record of that act, whatever else it shares with the claim.
  const ranked = order.flatMap((d) => (d.status === 'agree' && d.doc ? [d.doc] : []));
  const candidates = [...scored.filter((s) => ranked.includes(s.doc)), ...same.filter((s) => !ranked.includes(s.doc))];
  const firstAct = mainAct(claim)?.start ?? Infinity;
  const subjectNames = {
    places: new Set(claim.places.filter((p) => p.end <= firstAct).map((p) => p.name)),
    ids: new Set(claim.mentions.filter((m) => m.end <= firstAct).flatMap((m) => m.ids)),
  };
  const judged = candidates
    .map((s) => ({
      ...s,
      details: confirmFromRelated(
        claim,
        [...compareDetails(claim, s.doc, entities), ...orderFor(order, s.doc)],
        s.doc,
        related,
        subjectNames,
      ),
    }))
    // Unless the claim names it ("the Budapest Memorandum") or ranks it ("first met"): then it is
    // the claim's subject, however many details the claim gets wrong.
    .filter((j) => named(j.doc) || ranked.includes(j.doc) || !anotherAct(j.details, subjectNames.places));
  // A confirming record must be about as close to the claim as the closest one.
  const closest = Math.max(0, ...judged.map((j) => j.coverage));
  const unmatchedWords = (doc: EvidenceDoc) =>
    claim.terms.filter((t) => !t.keys[0]!.startsWith('@') && !t.keys.some((k) => doc.keys.has(k))).length;
  const confirming = judged.find(
    (j) =>
      j.coverage >= CONFIRMS &&
      unmatchedWords(j.doc) <= UNMATCHED_WORDS &&
      j.coverage >= closest - CLOSE &&
      j.details.length > 0 &&
      j.details.every((d) => d.status === 'agree') &&
      j.details.some((d) => d.kind !== 'party' && d.kind !== 'negation'),
  );
  if (confirming) {
    const helpers = confirming.details.flatMap((d) => (d.doc && d.doc !== confirming.doc ? [d.doc] : []));
    return {
      verdict: 'supported',
      confidence: round(0.5 + 0.45 * confirming.coverage),
      explanation: `The record agrees: ${confirming.doc.title} (${[formatPartialDate(confirming.doc.date), citiesOf(confirming.doc)].filter(Boolean).join(', ')}).`,
      evidence: companions([confirming.doc, ...new Set(helpers)], pool, claim, false),
    };
  }

  const best = judged[0];
  const conflicts = best?.details.filter((d) => d.status === 'conflict') ?? [];
  // A recurring act (a yearly programme, a council meeting) has a record per instance: one that
  // disagrees is no refutation while another, about as close, agrees on when or where it was.
  // Nor is it while a record that matches more of the claim's words agrees: that one is the
  // claim's act, worded otherwise ("signed up to" for "joined").
  const consistent = (s: Scored) => {
    if (s.doc === best!.doc) return false;
    // A record that fits the claim's names, places and date at least as well is as near, unless
    // the claim names or ranks the best one: then the other is the source of a mix-up.
    const subjectOf = named(best!.doc) || ranked.includes(best!.doc);
    const fitsAsWell = !subjectOf && fit(s.doc) >= fit(best!.doc) && properOf(s.doc) >= properOf(best!.doc);
    const near = s.coverage >= best!.coverage - CLOSE || fitsAsWell;
    const better = s.coverage > best!.coverage || (s.coverage >= best!.coverage && fitsAsWell && fit(s.doc) > fit(best!.doc));
    if (!(better || (near && actsMatch(claim, s.doc)))) return false;
    const details = compareDetails(claim, s.doc, entities);
    return (
      details.every((d) => d.status !== 'conflict') &&
      details.some((d) => (d.kind === 'date' || d.kind === 'place') && d.status === 'agree')
    );
  };
  if (best && conflicts.length && !scored.some(consistent)) {
    return {
      verdict: 'contradicted',
      confidence: round(0.45 + 0.4 * best.coverage + 0.05 * (conflicts.length - 1)),
      explanation: conflicts.map((d) => describeConflict(d, best.doc)).join(' ') + ` (${best.doc.title})`,
      evidence: companions([best.doc], pool, claim, true),
    };
  }

  const nearest = scored[0];
  if (!nearest || nearest.coverage < RELATED) {
    return {
      verdict: 'unverifiable',
      confidence: round(0.8 - 0.5 * (nearest?.coverage ?? 0)),
      explanation: 'Nothing in the record describes this.',
      evidence: [],
    };
  }
  const missing = (best?.details ?? []).filter((d) => d.status === 'unknown').map((d) => d.claim);
  const unmatched = claim.terms
    .filter((t) => !t.keys.some((k) => nearest.doc.keys.has(k)) && !t.keys[0]!.startsWith('@'))
    .sort((a, b) => weigh(b) - weigh(a))
    .slice(0, 3)
    .map((t) => claim.tokens[t.at]!.text);
  const gap = [...new Set([...missing, ...unmatched])].slice(0, 4);
  return {
    verdict: 'unverifiable',
    confidence: round(0.75 - 0.3 * nearest.coverage),
    explanation: `The nearest record, "${nearest.doc.title}" (${formatPartialDate(nearest.doc.date)}), does not state ${gap.length ? gap.map((g) => `"${g}"`).join(', ') : 'this'}.`,
    evidence: [nearest.doc],
  };
}
