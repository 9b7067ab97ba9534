// The verdict rules, precision first. A claim is compared with the records it links to,
// detail by detail: each date, place, participant, name, amount and order it asserts either
// agrees with the record, conflicts with it, or is missing from it.
// - supported: linked, the record holds the act, and every detail agrees;
// - contradicted: linked by name (or by a back-reference to a named thing) to one act, and the
//   record gives another value for a single-valued detail of that act, holds the act the claim
//   denies, or ranks another party first;
// - unverifiable: everything else.
import type { ClaimFrame, Span } from './claim-frame.ts';
import type { DatedAct, EvidenceDoc } from './evidence-doc.ts';
import type { Action, ActionMention } from './find-actions.ts';
import { negatedTokens } from './find-negations.ts';
import { amountsAgree, sameQuantity, type Amount } from './find-amounts.ts';
import { formatPartialDate, spansOverlap, type TextDate } from './find-dates.ts';
import type { PlaceMention } from './find-places.ts';
import type { Entity } from './gazetteer.ts';
import type { Link } from './link.ts';
import { stem } from './tokenize.ts';

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

function precisionRank(p: string): number {
  return p === 'day' ? 3 : p === 'month' ? 2 : p === 'season' ? 1.5 : p === 'year' ? 1 : 0;
}
const recordPrecision = (date: string) => (date.length === 10 ? 3 : date.length === 7 ? 2 : 1);

/** The records among the linked ones that hold the claim's act, with the dated act itself. */
function actsFor(frame: ClaimFrame, docs: EvidenceDoc[]): { doc: EvidenceDoc; act: DatedAct }[] {
  const action: Action | undefined = frame.act?.action;
  const neutral = !action && frame.verb !== undefined && NEUTRAL_VERBS.has(frame.verb);
  const out: { doc: EvidenceDoc; act: DatedAct }[] = [];
  for (const doc of docs) {
    for (const act of doc.acts) {
      if (action ? act.actions.has(action) : neutral && doc === docs[0]) out.push({ doc, act });
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
  if (background || mentioned || d.attributive || !frame.act || !singleAct(acts)) {
    const about = acts[0];
    return { kind: 'date', claim: d.text, record: about && formatPartialDate(about.act.date), status: 'missing', doc: about?.doc };
  }
  return { kind: 'date', claim: d.text, record: formatPartialDate(acts[0]!.act.date), status: 'conflict', doc: acts[0]!.doc };
}

function comparePlace(p: PlaceMention, frame: ClaimFrame, acts: { doc: EvidenceDoc }[], actDocs: EvidenceDoc[]): Detail {
  // Only a record of the claim's act places it: a meeting in Brussels does not place a signing.
  const agrees = actDocs.find((d) => d.place && (d.place.name === p.name || (p.isCountry && d.place.country === p.country)));
  if (agrees) return { kind: 'place', claim: p.name, record: agrees.place!.name, status: 'agree', doc: agrees };
  const placed = [...new Set(acts.map((a) => a.doc.place?.name).filter(Boolean))];
  const actDoc = acts.find((a) => a.doc.place)?.doc;
  // Only the one place the act's record gives refutes another; a country it does not name is just missing.
  const conflict =
    !inside(p, frame.background) &&
    placed.length === 1 &&
    actDoc &&
    (!p.isCountry || actDoc.place!.country !== p.country) &&
    singleAct(acts as never);
  return { kind: 'place', claim: p.name, record: placed.join(', ') || undefined, status: conflict ? 'conflict' : 'missing', doc: actDoc };
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
  const holder = docs.find((d) => ids.some((id) => (person ? d.participants : d.entities).has(id)) && (!person || !subject || named(d)));
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

function compareOrdinal(frame: ClaimFrame, docs: EvidenceDoc[], entities: Map<string, Entity>): Detail[] {
  return frame.analysis.ordinals
    .filter((o) => o.kind === 'first' && o.subject && !inside(o, frame.background))
    .map((o) => {
      // Two "firsts" rank the same thing when the word after the ordinal is the same ("first non-NATO").
      const after = (x: { analysis: { tokens: { stem: string }[] } }, at: number) => x.analysis.tokens[at + 1]?.stem;
      const rankedWord = after(frame, o.at);
      const ranked = docs.flatMap((d) =>
        d.analysis.ordinals.filter((r) => r.kind === 'first' && r.subject && after(d, r.at) === rankedWord).map((r) => ({ d, r })),
      );
      const same = ranked.find(({ r }) => r.subject!.some((id) => o.subject!.includes(id)));
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
    if (inside(act, frame.background) || seen.has(act.action) || act === frame.act) continue;
    seen.add(act.action);
    const positive = polarity(frame, claimNegated, act);
    const text = a.text.slice(act.start, act.end);
    const held = docs.flatMap((d) =>
      d.analysis.actions.filter((x) => x.action === act.action).map((x) => ({ d, positive: polarity(d, d.negated, x) })),
    );
    const same = held.find((h) => h.positive === positive);
    const opposite = held.find((h) => h.positive !== positive && core.includes(h.d));
    if (same) out.push({ kind: 'negation', claim: text, record: text, status: 'agree', doc: same.d });
    else if (opposite)
      out.push({ kind: 'negation', claim: text, record: positive ? `not ${text}` : text, status: 'conflict', doc: opposite.d });
    else out.push({ kind: 'negation', claim: text, status: 'missing' });
  }
  return out;
}

/** Proper names the link itself did not account for must appear in the linked records. */
function compareNames(frame: ClaimFrame, link: Link, docs: EvidenceDoc[]): Detail[] {
  const text = docs.map((d) => [...d.names, d.analysis.text].join(' ')).join(' ');
  const stems = new Set(text.split(/[^\p{L}\p{N}]+/u).map(stem));
  return frame.names
    .filter((n) => !(link.span && n.start >= link.span.start && n.end <= link.span.end))
    .map((n) => {
      const found = n.words.filter((w) => /\p{L}/u.test(w)).every((w) => stems.has(stem(w)));
      return { kind: 'party' as const, claim: n.text, status: found ? ('agree' as const) : ('missing' as const) };
    });
}

export function judge(frame: ClaimFrame, link: Link | undefined, entities: Map<string, Entity>): Judgement {
  if (!link) return { verdict: 'unverifiable', details: [], actHeld: false };
  const docs = link.docs;
  const a = frame.analysis;
  const acts = actsFor(frame, docs);
  // Only the claim's own act can refute it: the record of it must involve the claim's subject.
  const subjects = a.mentions.filter((m) => m.end <= (frame.verbStart ?? 0) && !inside(m, frame.background)).flatMap((m) => m.ids);
  const coreActs = actsFor(frame, link.core.length ? link.core : docs).filter((x) => subjects.every((id) => x.doc.entities.has(id)));
  const details: Detail[] = [
    ...a.dates.filter((d) => !d.bound).map((d) => compareDate(d, frame, acts, coreActs)),
    // A place inside the name that linked the claim ("the Wales summit") names the thing, not where it was.
    ...a.places
      .filter((p) => !(link.span && p.start >= link.span.start && p.end <= link.span.end))
      .map((p) => comparePlace(p, frame, coreActs, [...new Set(acts.map((x) => x.doc))])),
    ...a.mentions
      .filter((m) => !a.places.some((p) => m.start >= p.start && m.end <= p.end))
      .filter((m) => !(link.span && m.start >= link.span.start && m.end <= link.span.end))
      .map((m) => compareEntity(m.ids, a.text.slice(m.start, m.end), m.end <= (frame.verbStart ?? 0), docs, entities)),
    ...a.amounts.map((x) => compareAmount(x, a.amounts, coreActs, docs)),
    ...compareOrdinal(frame, link.named, entities),
    ...compareNames(frame, link, docs),
    ...compareActions(frame, link.core.length ? link.core : docs, docs),
  ];
  const actHeld = acts.length > 0;
  if (frame.negated)
    details.push({
      kind: 'negation',
      claim: a.text.slice(frame.act?.start ?? 0, frame.act?.end ?? 0) || 'not',
      status: actHeld ? 'conflict' : 'missing',
      doc: acts[0]?.doc,
    });

  const canContradict = link.strength !== 'conjunction';
  const conflict = details.some((d) => d.status === 'conflict');
  let verdict: VerdictLabel = 'unverifiable';
  if (conflict && canContradict && (actHeld || details.some((d) => d.status === 'conflict' && d.kind === 'ordinal')))
    verdict = 'contradicted';
  else if (!conflict && actHeld && !frame.negated && details.every((d) => d.status === 'agree')) verdict = 'supported';
  return { verdict, details, act: acts[0]?.doc ?? docs[0], actHeld };
}
