// A record as the checker sees it: its text read once (cached by the caller), its own date,
// and the parties, places and signers its fields state outright.
import type { Agreement, Commitment, Delivery, EventRecord } from '../schemas.ts';
import { analyzeText, type Lexicon, type TextAnalysis } from './analyze-text.ts';
import { formatPartialDate } from './find-dates.ts';
import { dateSpan } from '../partial-date.ts';
import { isContentToken } from './tokenize.ts';

export type EvidenceKind = 'event' | 'agreement' | 'commitment' | 'delivery';

export interface EvidenceDoc {
  kind: EvidenceKind;
  id: string;
  date: string;
  title: string;
  sources: string[];
  /** The span of the record's own date. */
  span: { from: string; to: string };
  analysis: TextAnalysis;
  /** Entities the record's fields name (actors, parties, obligor), besides those in its text. */
  entities: Set<string>;
  /** Ids of records this one is linked to (an agreement's events). */
  linked: string[];
  /** Every term key the record offers: its text's and its fields' entities. */
  keys: Set<string>;
  /** What the title names: "charter" and NATO and Ukraine for "NATO-Ukraine Charter initialled". */
  head?: Head;
}

export interface Head {
  /** Stem of the first word that is not a party or an ordinal: what the thing is called. */
  word: string;
  /** The parties named before it, which tell it from others of its kind ("US-Ukraine Charter"). */
  qualifiers: string[];
}

const ORDINAL = /^(?:first|second|third|last|inaugural)$/;

/** The head of the name at the start of a text, up to `end` (every record's text starts with its title). */
export function headOf(a: TextAnalysis, end: number): Head | undefined {
  const mentionAt = (i: number) => a.mentions.find((m) => i >= m.from && i < m.to);
  const i = a.tokens.findIndex((t, i) => t.end <= end && isContentToken(t) && !mentionAt(i) && !ORDINAL.test(t.lower));
  if (i < 0) return undefined;
  return { word: a.tokens[i]!.stem, qualifiers: a.mentions.filter((m) => m.to <= i).flatMap((m) => m.ids) };
}

const sourcesOf = (r: { sources: { url: string }[] }) => [...new Set(r.sources.map((s) => s.url))];

function doc(
  kind: EvidenceKind,
  r: { id: string; sources: { url: string }[] },
  date: string,
  title: string,
  text: string,
  fieldEntities: string[],
  lexicon: Lexicon,
  linked: string[] = [],
): EvidenceDoc {
  const analysis = analyzeText(text, lexicon);
  const span = dateSpan(date);
  const named = [...analysis.entities, ...fieldEntities];
  const entities = new Set([...named, ...named.flatMap((id) => lexicon.gazetteer.parts(id))]);
  const keys = new Set([...analysis.keys, ...[...entities].map((e) => '@' + e)]);
  const head = headOf(analysis, title.length);
  return {
    kind,
    id: r.id,
    date,
    title,
    sources: sourcesOf(r),
    span: { from: span.start, to: span.end },
    analysis,
    entities,
    linked,
    keys,
    head,
  };
}

const resolveAll = (names: string[], lexicon: Lexicon) => names.flatMap((n) => lexicon.gazetteer.resolve(n));

export function eventDoc(e: EventRecord, lexicon: Lexicon): EvidenceDoc {
  return doc('event', e, e.date, e.title, `${e.title}. ${e.summary}`, resolveAll(e.actors, lexicon), lexicon);
}

export function agreementDoc(a: Agreement, lexicon: Lexicon): EvidenceDoc {
  // The fields are written out as a sentence so the same rules read place, date and signers.
  const signed = [`${a.title}.`, 'Signed'];
  if (a.place) signed.push(`in ${a.place}`);
  signed.push(`on ${formatPartialDate(a.signed)}`);
  if (a.signatories.length) signed.push(`by ${a.signatories.join(' and ')}`);
  let text = signed.join(' ') + '.';
  if (a.in_force) text += ` Entered into force on ${formatPartialDate(a.in_force)}.`;
  return doc('agreement', a, a.signed, a.title, text, a.parties, lexicon, a.event_ids);
}

export function commitmentDoc(c: Commitment, agreement: Agreement | undefined, lexicon: Lexicon): EvidenceDoc {
  const date = c.period_start ?? agreement?.signed ?? c.due ?? '1900';
  const text = agreement ? `${c.description} (${agreement.title}, ${formatPartialDate(agreement.signed)})` : c.description;
  return doc('commitment', c, date, c.description, text, [c.obligor, c.beneficiary], lexicon, agreement ? [agreement.id] : []);
}

export function deliveryDoc(d: Delivery, commitment: Commitment | undefined, lexicon: Lexicon): EvidenceDoc {
  const parties = commitment ? [commitment.obligor, commitment.beneficiary] : [];
  return doc('delivery', d, d.date, d.description, d.description, parties, lexicon, commitment ? [commitment.id] : []);
}
