// Sentences that state two facts: "It joined the Partnership for Peace in 1994, and was among
// the founding members of the Council in May 1997." Each coordinated clause is a claim of its
// own, judged against the record it links to; a second clause without a subject shares the
// first clause's ("It ... was among the founding members").
import type { TaggedToken } from './tagger.ts';

export interface Clause {
  start: number;
  end: number;
  /** The subject the clause shares with the first one, to read before it; absent when it has its own. */
  subject?: string;
}

const CONJUNCTIONS = new Set(['and', 'but']);
/**
 * How many words may stand between the conjunction and the second clause's verb: a short
 * subject ("and the Council adopted") or an adverbial ("and in 2013 became"). A longer run is
 * more likely a noun phrase with a participle ("and the Declaration to Complement the Charter
 * signed in 2009").
 */
const SUBJECT_WORDS = 3;

const isVerb = (t: TaggedToken) => (t.pos === 'VERB' || t.pos === 'AUX') && !/^\p{Lu}/u.test(t.text);
/** Words that may open a clause's subject: "and the Council adopted", "but it did". */
const SUBJECT_START = new Set(['DET', 'PRON', 'PROPN', 'NOUN', 'ADJ', 'NUM']);

/** Whether a stretch of the text stands inside quotation marks or parentheses. */
function enclosed(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const quotes = (before.match(/"/g) ?? []).length % 2 === 1 || before.lastIndexOf('“') > before.lastIndexOf('”');
  return quotes || before.lastIndexOf('(') > before.lastIndexOf(')');
}

/** The first clause's subject: the words before its first verb, after any opening phrase ("In 2005, Ukraine"). */
function subjectOf(text: string, tags: TaggedToken[], from: number, verbAt: number): string | undefined {
  const words = tags.slice(from, verbAt);
  const lastComma = words.findLastIndex((t) => t.pos === 'PUNCT' && t.text === ',');
  const own = words.slice(lastComma + 1).filter((t) => t.pos !== 'ADV' && t.pos !== 'AUX');
  if (own.length === 0 || !own.some((t) => t.pos === 'PROPN' || t.pos === 'NOUN' || t.pos === 'PRON')) return undefined;
  return text.slice(own[0]!.start, own.at(-1)!.end);
}

/**
 * The coordinated clauses of a sentence: a split at "and" or "but" where a verb stands on both
 * sides and the second verb follows within a few words and before any comma. Noun phrases
 * ("Ukraine and Georgia will become members") have no verb before the conjunction and stay whole.
 */
export function coordinatedClauses(text: string, tags: TaggedToken[]): Clause[] {
  const sentenceVerb = tags.findIndex(isVerb);
  const shared = sentenceVerb > 0 ? subjectOf(text, tags, 0, sentenceVerb) : undefined;
  const clauses: Clause[] = [{ start: 0, end: text.length }];
  let from = 0;
  for (let k = 0; k < tags.length; k++) {
    const t = tags[k]!;
    if (!CONJUNCTIONS.has(t.lemma) || t.pos !== 'CCONJ' || enclosed(text, t.start)) continue;
    let v = k + 1;
    while (v < tags.length && v <= k + 1 + SUBJECT_WORDS && !isVerb(tags[v]!) && tags[v]!.text !== ',') v++;
    if (!tags.slice(from, k).some(isVerb) || v >= tags.length || !isVerb(tags[v]!)) continue;
    // "declared that Ukraine and Georgia would become": the conjunction joins words inside a subordinate clause.
    const lastVerb = tags.slice(from, k).findLastIndex(isVerb) + from;
    if (tags.slice(lastVerb, k).some((x) => x.pos === 'SCONJ')) continue;
    const between = tags.slice(k + 1, v);
    // "and in 2013 became": no subject of its own, so it shares the first clause's.
    const ownSubject = between.some((x) => SUBJECT_START.has(x.pos)) && !between.some((x) => x.pos === 'ADP');
    if (!ownSubject && shared === undefined) continue;
    clauses.at(-1)!.end = t.start;
    clauses.push({ start: tags[k + 1]!.start, end: text.length, ...(!ownSubject && { subject: shared }) });
    from = k + 1;
  }
  return clauses;
}
