// A claim as a frame: its main act (the first verb outside background clauses), whether it
// is denied or only predicted, the background clauses (relative, subordinate, parenthetical)
// whose details describe something else, the proper names the record must account for, and
// a back-reference ("The agreement was signed ...") to a thing named earlier in the text.
import type { TextAnalysis } from './analyze-text.ts';
import type { ActionMention } from './find-actions.ts';
import type { TaggedToken } from './tagger.ts';
import { STOPWORDS } from './tokenize.ts';

export interface Span {
  start: number;
  end: number;
}

export interface NameMention extends Span {
  text: string;
  /** Lower-cased words of the name. */
  words: string[];
}

export type SkipReason = 'heading' | 'question' | 'prediction' | 'opinion' | 'no-assertion';

export interface ClaimFrame {
  analysis: TextAnalysis;
  /** Clauses that describe something other than the main act. */
  background: Span[];
  /** The act the claim asserts; undefined when no act the checker knows is named. */
  act?: ActionMention;
  /** The main verb's base form ("sign", "be", "hold"). */
  verb?: string;
  /** Where the main verb starts: what is named before it is the claim's subject. */
  verbStart?: number;
  negated: boolean;
  /** Said of what will be done ("will provide"): the record may hold it, but cannot refute a plan. */
  future: boolean;
  /** Proper names the claim uses that are not parties, places or dates. */
  names: NameMention[];
  /** Where the words the tagger reads as proper nouns start. */
  proper: Set<number>;
  /** The head noun of a definite description that opens the claim ("agreement"), or "it". */
  reference?: string;
  /** Who "it" or "they" stands for when the claim opens with one: the subject the text named last (set by the caller). */
  impliedSubject?: { ids: string[]; text: string };
  skip?: SkipReason;
}

/** Verbs that link a subject to what follows rather than state an act. */
const LINKING_VERBS = new Set(['be', 'become', 'remain', 'have', 'make']);
/** Verbs that say only that the act took place: the act is the noun they govern ("paid a visit", "the visit occurred"). */
const LIGHT_VERBS = new Set(['pay', 'hold', 'take', 'conduct', 'undertake', 'occur', 'happen']);
const FUTURE = new Set(['will', 'would', 'shall']);
const MODALS = new Set(['will', 'would', 'could', 'should', 'may', 'might', 'must', 'shall', 'can']);
const SUBORDINATORS = new Set([
  'after',
  'before',
  'when',
  'while',
  'since',
  'although',
  'though',
  'because',
  'once',
  'until',
  'as',
  'whereas',
  'if',
  'unless',
]);
const RELATIVES = new Set(['who', 'which', 'whose', 'whom', 'where']);
const OPINION =
  /^(?:i|we)\s+(?:think|believe|feel|hope|expect|fear)\b|\b(?:in my view|in our view|in my opinion|arguably|it is (?:time|clear|obvious|vital|essential|important))\b/i;
/** Main verbs that report a belief or a wish, not an act. */
const OPINION_VERBS = new Set(['believe', 'think', 'hope', 'feel', 'consider', 'want', 'wish', 'expect', 'fear', 'seem', 'appear']);
/** Words that make the main clause a guess: "it is likely that ...", "reportedly". */
const HEDGES =
  /\b(?:likely|unlikely|probably|possibly|perhaps|reportedly|allegedly|expected to|is set to|are set to|plans? to|aims? to)\b/i;
const MONTHS_AND_DAYS =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;
const DEFINITE = /^\s*(?:the|this|that|these|those)\s+([\p{L}-]+)\b/iu;
const PRONOUN = /^\s*(?:it|they)\b/i;

const inside = (x: Span, spans: Span[]) => spans.some((s) => x.start >= s.start && x.end <= s.end);

/** The parties and people named before the main verb, outside background clauses: who acts. */
export function subjectIds(frame: ClaimFrame): string[] {
  return frame.analysis.mentions.filter((m) => m.end <= (frame.verbStart ?? 0) && !inside(m, frame.background)).flatMap((m) => m.ids);
}

/** Relative and subordinate clauses (to the next comma) and parentheses. */
export function backgroundClauses(text: string, tags: TaggedToken[]): Span[] {
  const spans: Span[] = [];
  const nextComma = (from: number) => {
    const i = text.slice(from).search(/[,;:]|\s[–—-]\s/);
    return i < 0 ? text.length : from + i;
  };
  tags.forEach((t, i) => {
    // What stands before the word, punctuation included: ", who", "; after".
    const prev = text.slice(0, t.start);
    const opens = i === 0 || /[,;:(]\s*$/.test(prev);
    const relative = RELATIVES.has(t.lemma) && t.pos === 'PRON' && /,\s*$/.test(prev);
    const subordinate = SUBORDINATORS.has(t.lemma) && (t.pos === 'SCONJ' || t.pos === 'ADP') && opens && tags[i + 1]?.pos !== 'NUM';
    // "Following the annexation of Crimea, the parliament voted ...": an opening participle sets the scene.
    const participle = i === 0 && t.pos === 'VERB' && /ing$/i.test(t.text) && nextComma(t.end) < text.length;
    if (relative || participle || (subordinate && t.lemma !== 'as')) spans.push({ start: t.start, end: nextComma(t.end) });
  });
  for (const m of text.matchAll(/\([^()]*\)/g)) spans.push({ start: m.index, end: m.index + m[0].length });
  // "according to a press release": where the claim comes from, not what it says happened.
  for (const m of text.matchAll(/\baccording to\b/gi)) spans.push({ start: m.index, end: nextComma(m.index + m[0].length) });
  return spans;
}

/**
 * Capitalised phrases that are not at the sentence start, parties, places, months or acronyms
 * the lexicon knows, or roles ("Heads of State and Government").
 */
function properNames(a: TextAnalysis, known: Span[], roles: Set<string>): NameMention[] {
  const names: NameMention[] = [];
  let run: typeof a.tokens = [];
  const flush = () => {
    const words = run.map((t) => t.lower);
    if (
      run.length &&
      !words.every((w) => MONTHS_AND_DAYS.test(w) || STOPWORDS.has(w)) &&
      !words.every((w) => roles.has(w) || STOPWORDS.has(w))
    )
      names.push({ text: a.text.slice(run[0]!.start, run.at(-1)!.end), start: run[0]!.start, end: run.at(-1)!.end, words });
    run = [];
  };
  a.tokens.forEach((t, i) => {
    const capital = /^\p{Lu}/u.test(t.text) && !/^\d/.test(t.text);
    const sentenceStart = i === 0 || /[.!?:]\s*$/.test(a.text.slice(a.tokens[i - 1]!.end, t.start));
    // "North-Atlantic Cooperation Council": a hyphen joins the words of one name.
    const joined = run.length > 0 && /^\s+$|^-$|^\s*(?:of|the|and|for|on|de|van|von)\s*$/.test(a.text.slice(run.at(-1)!.end, t.start));
    if (capital && !sentenceStart && !inside(t, known) && (run.length === 0 || joined)) run.push(t);
    else if (capital && !sentenceStart && !inside(t, known)) {
      flush();
      run.push(t);
    } else flush();
  });
  flush();
  return names;
}

/** The text outside the background clauses. */
function mainText(text: string, background: Span[]): string {
  let out = text;
  for (const b of background) out = out.slice(0, b.start) + ' '.repeat(b.end - b.start) + out.slice(b.end);
  return out;
}

/** `roles`: words that name roles, not things (general knowledge). */
export function buildFrame(a: TextAnalysis, tags: TaggedToken[], roles: Set<string> = new Set()): ClaimFrame {
  const background = backgroundClauses(a.text, tags);
  const known: Span[] = [...a.mentions, ...a.places, ...a.dates, ...a.amounts];
  const main = tags.filter((t) => !inside(t, background));
  // The main verb: the first full verb outside the background ("was signed": "signed"), or an
  // auxiliary standing alone ("It was a visit").
  // A capitalised "verb" inside the sentence is a mis-tagged name ("NATO Heads of State ... met").
  const named = (t: TaggedToken) => t.start > 0 && /^\p{Lu}/u.test(t.text);
  // "The changes fixing Ukraine's course took effect": a participle without an auxiliary describes
  // the subject; the finite verb after it states the act.
  const bareParticiple = (k: number) => /ing$/i.test(main[k]!.text) && !main.slice(Math.max(0, k - 2), k).some((t) => t.pos === 'AUX');
  const verbs = main.flatMap((t, k) => (t.pos === 'VERB' && !named(t) ? [k] : []));
  const firstVerb = verbs.find((k) => !bareParticiple(k)) ?? verbs[0] ?? -1;
  const verbAt = firstVerb >= 0 ? firstVerb : main.findIndex((t) => t.pos === 'AUX' && !MODALS.has(t.lemma));
  const verb = verbAt >= 0 ? main[verbAt] : undefined;
  // The auxiliaries and adverbs just before the main verb: "will join", "did not sign".
  const group = verbAt >= 0 ? main.slice(Math.max(0, verbAt - 3), verbAt) : [];
  const modal = group.some((t) => MODALS.has(t.lemma) && t.pos === 'AUX');
  // "will provide", "would join": a plan or a promise, which the record can hold as a commitment or a decision.
  const future = modal && group.every((t) => !MODALS.has(t.lemma) || t.pos !== 'AUX' || FUTURE.has(t.lemma));
  const negated = group.some((t) => /^(?:not|n't|never|no)$/.test(t.lemma)) || /^(?:not|never)$/.test(main[verbAt + 1]?.lemma ?? '');
  // The act is the one the main verb states; a linking verb ("became the first to join", "was a
  // visit") states the act named after it. A verb that names no act the checker knows ("raised
  // the prospect during his visit") leaves the act unknown: the visit is a detail, not the claim.
  const outside = a.actions.filter((x) => !inside(x, background));
  const onVerb = verb && outside.find((x) => x.start <= verb.start && x.end >= verb.end);
  const after = verb && outside.find((x) => x.start >= verb.end);
  const act = !verb
    ? outside[0]
    : (onVerb ??
      (LINKING_VERBS.has(verb.lemma)
        ? after
        : LIGHT_VERBS.has(verb.lemma)
          ? (after ?? outside.findLast((x) => x.end <= verb.start))
          : undefined));
  const definite = DEFINITE.exec(a.text);
  const reference = PRONOUN.test(a.text)
    ? 'it'
    : definite && !a.mentions.some((m) => m.start <= definite.index + definite[0].length && m.end > definite.index)
      ? definite[1]!.toLowerCase()
      : undefined;

  let skip: SkipReason | undefined;
  if (/\?\s*["”’)]*$/.test(a.text)) skip = 'question';
  else if (!tags.some((t) => t.pos === 'VERB' || t.pos === 'AUX') && a.actions.length === 0)
    skip = /[.!]\s*["”’)]*$/.test(a.text) ? 'no-assertion' : 'heading';
  else if (OPINION.test(a.text) || (verb && OPINION_VERBS.has(verb.lemma))) skip = 'opinion';
  else if ((modal && !(future && act)) || HEDGES.test(mainText(a.text, background))) skip = 'prediction';

  const proper = new Set(tags.filter((t) => t.pos === 'PROPN').map((t) => t.start));
  return {
    analysis: a,
    background,
    act,
    verb: verb?.lemma,
    verbStart: verb?.start,
    negated,
    future,
    names: properNames(a, known, roles),
    proper,
    reference,
    skip,
  };
}
