// A record as the checker sees it: its text read once (cached by the caller), the names it
// goes by, the acts it records with their dates, its place, its amounts, and the parties and
// people its fields state outright.
import type { Agreement, Commitment, Delivery, EventRecord } from '../schemas.ts';
import { dateSpan } from '../partial-date.ts';
import { analyzeText, type Lexicon, type TextAnalysis } from './analyze-text.ts';
import { findActions, type Action } from './find-actions.ts';
import { findAmounts, type Amount } from './find-amounts.ts';
import { negatedTokens } from './find-negations.ts';
import { formatPartialDate } from './find-dates.ts';
import { placeFromField } from './find-places.ts';
import { tokenize } from './tokenize.ts';
import type { PlaceName } from './knowledge.ts';

export type EvidenceKind = 'event' | 'agreement' | 'commitment' | 'delivery';

/** An act the record dates: an agreement's signing and its entry into force are two. */
export interface DatedAct {
  /** The act; undefined when the record does not say what kind of act its date is. */
  actions: Set<Action>;
  date: string;
  span: { from: string; to: string };
}

export interface EvidenceDoc {
  kind: EvidenceKind;
  id: string;
  date: string;
  title: string;
  sources: string[];
  /** The title and the aliases: what the thing is called. */
  names: string[];
  /** The aliases as word stems, without a leading article: "the Charter" is "charter". */
  aliasKeys: Set<string>;
  analysis: TextAnalysis;
  /** Parties and people the record's fields and text name (and those a named body is made of). */
  entities: Set<string>;
  /** Parties and people the record's fields name (actors, parties, obligor, signatories): who took part. */
  participants: Set<string>;
  /** Who the title names: the protagonists of the act. */
  titleEntities: Set<string>;
  acts: DatedAct[];
  /** Where it happened, when the record says so. */
  place?: PlaceName;
  /** Where its title places it ("Washington summit: ..."): it agrees with a claim, but other places its text names may be where the thing is. */
  titlePlace?: PlaceName;
  amounts: Amount[];
  /** Tokens of its text that fall under a negation ("would not send"). */
  negated: Set<number>;
  /** Records this one belongs with: an agreement's events, a commitment's agreement. */
  linked: string[];
  /** Words that name the kind of thing it is ("summit", "agreement", "charter"). */
  kindWords: Set<string>;
}

const sourcesOf = (r: { sources: { url: string }[] }) => [...new Set(r.sources.map((s) => s.url))];
const resolveAll = (names: string[], lexicon: Lexicon) => names.flatMap((n) => lexicon.gazetteer.resolve(n));

/** The act an event of each type records, beside the acts its title names. */
const TYPE_ACTS: Record<string, Action[]> = {
  agreement: ['sign'],
  summit: ['meet'],
  law: ['adopt'],
  application: ['apply'],
  decision: ['decide'],
  statement: ['say'],
  programme: ['launch'],
};

const KIND_WORDS: Record<EvidenceKind, string[]> = {
  event: [],
  agreement: ['agreement', 'document', 'deal', 'pact', 'accord'],
  commitment: ['commitment', 'pledge', 'promise'],
  delivery: ['delivery', 'package', 'tranche'],
};

function datedAct(date: string, actions: Iterable<Action>): DatedAct {
  const span = dateSpan(date);
  return { actions: new Set(actions), date, span: { from: span.start, to: span.end } };
}

interface DocInput {
  kind: EvidenceKind;
  record: { id: string; sources: { url: string }[] };
  date: string;
  title: string;
  aliases: string[];
  text: string;
  fieldEntities: string[];
  acts: DatedAct[];
  place?: PlaceName;
  amounts?: Amount[];
  linked?: string[];
  kindWords?: string[];
}

function doc(input: DocInput, lexicon: Lexicon): EvidenceDoc {
  const analysis = analyzeText(input.text, lexicon);
  const named = [...analysis.entities, ...input.fieldEntities];
  const entities = new Set([...named, ...named.flatMap((id) => lexicon.gazetteer.parts(id))]);
  const titleWords = analysis.tokens.filter((t) => t.end <= input.title.length).map((t) => t.stem);
  // A record that names one place where things happen ("a summit in Bucharest") is placed there.
  const places = [...new Set(analysis.places.filter((p) => !p.isCountry).map((p) => p.name))];
  const place = input.place ?? (places.length === 1 ? analysis.places.find((p) => p.name === places[0]) : undefined);
  // Where its title places it ("Washington summit: ..."), when the summary also names where things are.
  const titled = [...new Set(analysis.places.filter((p) => !p.isCountry && p.end <= input.title.length).map((p) => p.name))];
  const titlePlace = titled.length === 1 ? analysis.places.find((p) => p.name === titled[0]) : undefined;
  return {
    kind: input.kind,
    id: input.record.id,
    date: input.date,
    title: input.title,
    sources: sourcesOf(input.record),
    // Commitments and deliveries are described, not named: only events and agreements have names.
    names: input.kind === 'event' || input.kind === 'agreement' ? [input.title, ...input.aliases] : [],
    aliasKeys: new Set(
      input.kind === 'event' || input.kind === 'agreement'
        ? input.aliases
            .map((alias) =>
              tokenize(alias.replace(/^\s*the\s+/i, ''))
                .map((t) => t.stem)
                .join(' '),
            )
            .filter(Boolean)
        : [],
    ),
    analysis,
    entities,
    participants: new Set(input.fieldEntities),
    titleEntities: new Set(analysis.mentions.filter((m) => m.end <= input.title.length).flatMap((m) => m.ids)),
    acts: input.acts,
    place: place && { name: place.name, country: place.country ?? '', isCountry: place.isCountry },
    titlePlace: titlePlace && { name: titlePlace.name, country: titlePlace.country ?? '', isCountry: titlePlace.isCountry },
    amounts: input.amounts ?? analysis.amounts,
    negated: negatedTokens(analysis.tokens, analysis.text),
    linked: input.linked ?? [],
    kindWords: new Set([...KIND_WORDS[input.kind], ...(input.kindWords ?? []), ...titleWords]),
  };
}

export function eventDoc(e: EventRecord & { aliases?: string[] }, lexicon: Lexicon): EvidenceDoc {
  const text = `${e.title}. ${e.summary}`;
  const actions = findActions(text).map((a) => a.action);
  return doc(
    {
      kind: 'event',
      record: e,
      date: e.date,
      title: e.title,
      aliases: e.aliases ?? [],
      text,
      fieldEntities: resolveAll(e.actors, lexicon),
      acts: [datedAct(e.date, [...actions, ...(TYPE_ACTS[e.type] ?? [])])],
      kindWords: [e.type],
    },
    lexicon,
  );
}

export function agreementDoc(a: Agreement & { aliases?: string[] }, lexicon: Lexicon): EvidenceDoc {
  // The fields are written out as a sentence so the same rules read place, date and signers.
  const signed = [`${a.title}.`, 'Signed'];
  if (a.place) signed.push(`in ${a.place}`);
  signed.push(`on ${formatPartialDate(a.signed)}`);
  if (a.signatories.length) signed.push(`by ${a.signatories.join(' and ')}`);
  let text = signed.join(' ') + '.';
  if (a.in_force) text += ` Entered into force on ${formatPartialDate(a.in_force)}.`;
  if (a.duration_years) text += ` Runs for ${a.duration_years} years.`;
  const acts = [datedAct(a.signed, ['sign', 'adopt'])];
  if (a.in_force) acts.push(datedAct(a.in_force, ['in-force']));
  return doc(
    {
      kind: 'agreement',
      record: a,
      date: a.signed,
      title: a.title,
      aliases: a.aliases ?? [],
      text,
      fieldEntities: [...a.parties, ...resolveAll(a.signatories, lexicon)],
      acts,
      place: a.place ? placeFromField(a.place, lexicon.knowledge.places) : undefined,
      linked: a.event_ids,
      kindWords: [a.kind],
    },
    lexicon,
  );
}

/** A record's amount field as the checker reads amounts ("EUR 2000000000"). */
function fieldAmount(r: { amount: number | null; currency: string | null; quantity: number | null; unit: string | null }): Amount[] {
  if (r.amount !== null && r.currency) return findAmounts(`${r.currency} ${r.amount}`);
  if (r.quantity !== null) return findAmounts(`${r.quantity} ${r.unit ?? ''}`.trim());
  return [];
}

export function commitmentDoc(c: Commitment, agreement: Agreement | undefined, lexicon: Lexicon): EvidenceDoc {
  const date = c.period_start ?? agreement?.signed ?? c.due ?? '1900';
  const text = agreement ? `${c.description} (${agreement.title}, ${formatPartialDate(agreement.signed)})` : c.description;
  const own = fieldAmount(c);
  return doc(
    {
      kind: 'commitment',
      record: c,
      date,
      title: c.description,
      aliases: [],
      text,
      fieldEntities: [c.obligor, c.beneficiary],
      acts: [datedAct(date, ['pledge'])],
      amounts: own.length ? own : undefined,
      linked: agreement ? [agreement.id] : [],
    },
    lexicon,
  );
}

export function deliveryDoc(d: Delivery, commitment: Commitment | undefined, lexicon: Lexicon): EvidenceDoc {
  const parties = commitment ? [commitment.obligor, commitment.beneficiary] : [];
  const own = fieldAmount(d);
  return doc(
    {
      kind: 'delivery',
      record: d,
      date: d.date,
      title: d.description,
      aliases: [],
      text: d.description,
      fieldEntities: parties,
      acts: [datedAct(d.date, ['provide'])],
      amounts: own.length ? own : undefined,
      linked: commitment ? [commitment.id] : [],
    },
    lexicon,
  );
}
