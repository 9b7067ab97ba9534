// Compares the checkable details of a claim with one record: date, place, people, parties,
// amounts, who did what, and whether the record denies what the claim asserts.
import type { Term, TextAnalysis } from './analyze-text.ts';
import type { EvidenceDoc } from './evidence-doc.ts';
import { amountsAgree, sameQuantity } from './find-amounts.ts';
import { formatPartialDate, spansOverlap } from './find-dates.ts';
import type { Entity } from './gazetteer.ts';

export type DetailKind = 'date' | 'place' | 'person' | 'party' | 'amount' | 'role' | 'negation' | 'first';
export type DetailStatus = 'agree' | 'conflict' | 'unknown';

export interface DetailResult {
  kind: DetailKind;
  status: DetailStatus;
  /** What the claim says, as written. */
  claim: string;
  /** What the record says, when it says something. */
  record?: string;
  /** The record that settles it, when not the one compared. */
  doc?: EvidenceDoc;
  /** The entity ids a person or party detail is about. */
  ids?: string[];
}

const nameOf = (ids: string[], entities: Map<string, Entity>) => entities.get(ids[0]!)?.name ?? ids[0]!;

function compareDates(claim: TextAnalysis, doc: EvidenceDoc): DetailResult[] {
  const results = claim.dates
    .filter((d) => !d.bound)
    .map((d): DetailResult & { attributive?: boolean } => {
      const attributive = d.attributive;
      if (spansOverlap(d, doc.span))
        return { kind: 'date', status: 'agree', claim: d.text, record: formatPartialDate(doc.date), attributive };
      const mentioned = doc.analysis.dates.some((x) => !x.bound && spansOverlap(d, x));
      // A delivery or commitment is dated when it was reported or agreed; the period its amount
      // covers ("over €50 billion in 2024") is in its text, and a claim may date it by either.
      if (mentioned && (doc.kind === 'delivery' || doc.kind === 'commitment'))
        return { kind: 'date', status: 'agree', claim: d.text, record: formatPartialDate(doc.date), attributive };
      // A date an event's record mentions in passing neither confirms nor refutes the act's own date.
      return { kind: 'date', status: mentioned ? 'unknown' : 'conflict', claim: d.text, record: formatPartialDate(doc.date), attributive };
    });
  // "Founded in May 2008 in response to the 2007 cyberattacks": once the act's own date agrees,
  // a year that names something else is not about the act.
  const dated = results.some((r) => !r.attributive && r.status === 'agree');
  return results.map(({ attributive, ...r }) => (attributive && dated && r.status === 'conflict' ? { ...r, status: 'unknown' } : r));
}

function comparePlaces(claim: TextAnalysis, doc: EvidenceDoc): DetailResult[] {
  const recorded = doc.analysis.places;
  return claim.places.map((p) => {
    const names = [...new Set(recorded.map((r) => r.name))];
    if (recorded.some((r) => r.name === p.name || (p.isCountry && r.country === p.country)))
      return { kind: 'place', status: 'agree', claim: p.name, record: p.name };
    const cities = recorded.filter((r) => !r.isCountry);
    // Only a named city can refute a city; a country the record does not name is just unknown.
    const status = !p.isCountry && cities.length > 0 ? 'conflict' : 'unknown';
    return { kind: 'place', status, claim: p.name, record: names.join(', ') || undefined };
  });
}

function compareEntities(claim: TextAnalysis, doc: EvidenceDoc, entities: Map<string, Entity>): DetailResult[] {
  const placeSpans = claim.places;
  return claim.mentions
    .filter((m) => !placeSpans.some((p) => m.start >= p.start && m.end <= p.end))
    .map((m) => {
      const person = m.ids.some((id) => entities.get(id)?.kind === 'person');
      const status = m.ids.some((id) => doc.entities.has(id)) ? 'agree' : 'unknown';
      return { kind: person ? 'person' : 'party', status, claim: nameOf(m.ids, entities), ids: m.ids };
    });
}

function compareAmounts(claim: TextAnalysis, doc: EvidenceDoc): DetailResult[] {
  return claim.amounts.map((a) => {
    const same = doc.analysis.amounts.filter((r) => sameQuantity(a, r));
    if (same.some((r) => amountsAgree(a, r))) return { kind: 'amount', status: 'agree', claim: a.text };
    // "Over €50 billion, exceeding the €40 billion pledge": a record amount that another of the
    // claim's amounts accounts for says nothing about this one.
    const unaccounted = same.filter((r) => !claim.amounts.some((o) => o !== a && amountsAgree(o, r)));
    return {
      kind: 'amount',
      status: unaccounted.length ? 'conflict' : 'unknown',
      claim: a.text,
      record: [...new Set(same.map((r) => r.text))].join(', ') || undefined,
    };
  });
}

function compareRoles(claim: TextAnalysis, doc: EvidenceDoc, entities: Map<string, Entity>): DetailResult[] {
  return claim.roles.map((r) => {
    const holders = doc.analysis.roles.filter((x) => x.role === r.role);
    const who = nameOf(r.entity, entities);
    if (holders.some((h) => h.entity.some((id) => r.entity.includes(id))))
      return { kind: 'role', status: 'agree', claim: `${who} (${r.role})` };
    const named = [...new Set(holders.map((h) => nameOf(h.entity, entities)))];
    return {
      kind: 'role',
      status: holders.length ? 'conflict' : 'unknown',
      claim: `${who} (${r.role})`,
      record: named.length ? `${named.join(' and ')} (${r.role})` : undefined,
    };
  });
}

/** A word the claim asserts and the record denies (or the other way round). */
function compareNegation(claim: TextAnalysis, doc: EvidenceDoc): DetailResult[] {
  const conflicts: string[] = [];
  let agreeing = 0;
  let actionConflict = false;
  for (const term of claim.terms) {
    if (term.keys[0]!.startsWith('@')) continue;
    const occurrences = doc.analysis.terms.filter((t) => t.keys.some((k) => term.keys.includes(k)));
    if (occurrences.length === 0) continue;
    // An act the record denies outright ("no invitation was given") is denied, whatever it says
    // might happen later ("would extend an invitation when allies agree").
    const act = term.keys[0]!.startsWith('!');
    const denied = act ? occurrences.some((o) => o.negated) : occurrences.every((o) => o.negated);
    const asserted = occurrences.every((o) => !o.negated);
    if ((term.negated && asserted) || (!term.negated && denied)) {
      conflicts.push(claim.tokens[term.at]!.text);
      if (term.keys[0]!.startsWith('!')) actionConflict = true;
    } else if (term.negated && denied) agreeing++;
  }
  if (actionConflict || conflicts.length >= 2) {
    // Quote where the record denies what the claim says, or else asserts what the claim denies.
    const shared = (t: Term) => t.keys.some((k) => claim.terms.some((c) => c.keys.includes(k)));
    const sentence = doc.analysis.terms.find((t) => t.negated && shared(t)) ?? doc.analysis.terms.find(shared);
    const at = sentence ? doc.analysis.tokens[sentence.at]! : undefined;
    const excerpt = at ? excerptAround(doc.analysis.text, at.start) : undefined;
    return [{ kind: 'negation', status: 'conflict', claim: conflicts.join(', '), record: excerpt }];
  }
  return agreeing ? [{ kind: 'negation', status: 'agree', claim: 'negation' }] : [];
}

/** The clause of `text` around offset `at`, for quoting. */
export function excerptAround(text: string, at: number): string {
  const before = text.slice(0, at);
  const start = Math.max(before.lastIndexOf('. ') + 2, before.lastIndexOf('; ') + 2, before.lastIndexOf(', ') + 2, 0);
  const rest = text.slice(at);
  const stops = [rest.search(/[.;](?:\s|$)/), rest.search(/,\s/)].filter((i) => i >= 0);
  const end = at + (stops.length ? Math.min(...stops) : rest.length);
  return text.slice(start, end).trim();
}

export function compareDetails(claim: TextAnalysis, doc: EvidenceDoc, entities: Map<string, Entity>): DetailResult[] {
  return [
    ...compareDates(claim, doc),
    ...comparePlaces(claim, doc),
    ...compareEntities(claim, doc, entities),
    ...compareAmounts(claim, doc),
    ...compareRoles(claim, doc, entities),
    ...compareNegation(claim, doc),
  ];
}
