// Explanations a journalist can read: what the record says about the linked act, detail by
// detail, or which detail it lacks. Built from the judgement's details, so the web app can
// render the same facts in another language from `details`.
import type { ClaimFrame } from './claim-frame.ts';
import type { EvidenceDoc } from './evidence-doc.ts';
import { formatPartialDate } from './find-dates.ts';
import type { Detail, Judgement } from './judge.ts';
import type { Link } from './link.ts';

const describe = (doc: EvidenceDoc) => `${doc.title} (${formatPartialDate(doc.date)}${doc.place ? `, ${doc.place.name}` : ''})`;

function conflictLine(d: Detail): string {
  switch (d.kind) {
    case 'date':
      return `the record dates it to ${d.record}, not ${d.claim}`;
    case 'place':
      return `the record places it in ${d.record}, not ${d.claim}`;
    case 'amount':
      return `the record gives ${d.record}, not ${d.claim}`;
    case 'ordinal':
      return `the record has ${d.record?.replace(/ first$/, '')} first${d.doc ? `: ${describe(d.doc)}` : ''}`;
    case 'negation':
      return `${d.record?.startsWith('not ') ? `the record holds the opposite of "${d.claim}"` : 'the record holds that it happened'}${d.doc ? `: ${describe(d.doc)}` : ''}`;
    default:
      return `the record names ${d.record}, not ${d.claim}`;
  }
}

/** A detail's kind as a reader says it: a 'negation' detail compares an act and its polarity. */
const kindWord = (d: Detail) => (d.kind === 'negation' ? 'act' : d.kind);
const agreeLine = (d: Detail) => `${kindWord(d)} ${d.claim}`;
const missingLine = (d: Detail) =>
  d.kind === 'date' && d.record ? `${d.claim} (the record has ${d.record})` : `${kindWord(d)} ${d.claim}`;

export function explain(frame: ClaimFrame, link: Link | undefined, j: Judgement): string {
  if (!link) {
    return frame.act
      ? 'No record is linked to this claim: it names no record by a distinctive name, and its participants, act and date single out none.'
      : 'No record is linked to this claim, and it names no act the checker can compare.';
  }
  const doc = j.act ?? link.docs[0]!;
  if (j.verdict === 'contradicted') {
    const lines = j.details.filter((d) => d.status === 'conflict').map(conflictLine);
    return `About ${describe(doc)}: ${lines.join('; ')}.`;
  }
  if (j.verdict === 'supported') {
    const agreed = j.details.map(agreeLine);
    return `The record agrees: ${describe(doc)}${agreed.length ? `; it states ${agreed.join(', ')}` : ''}.`;
  }
  if (!j.actHeld) {
    const act = frame.act ? frame.analysis.text.slice(frame.act.start, frame.act.end) : undefined;
    const what = act
      ? `the act the claim states ("${act}")`
      : `an act the claim states${frame.verb ? ` ("${frame.verb}" names none the checker knows)` : ''}`;
    return `The claim is linked to ${describe(doc)} by "${link.by}", but the record does not hold ${what}.`;
  }
  const missing = j.details.filter((d) => d.status === 'missing').map(missingLine);
  const conflicts = j.details.filter((d) => d.status === 'conflict').map(conflictLine);
  if (conflicts.length && frame.future)
    return `About ${describe(doc)}: the claim says what will be done, which the record cannot refute, but ${conflicts.join('; ')}.`;
  if (conflicts.length)
    return `Linked to ${describe(doc)} only by ${link.strength === 'conjunction' ? 'its participants, act and date' : link.strength === 'mention' ? 'a name it mentions' : 'its name'}, which is not enough to refute it: ${conflicts.join('; ')}.`;
  return `The record holds ${describe(doc)} but does not state: ${missing.join(', ')}.`;
}
