// Which records a claim is about. A claim links to a record by something distinctive: one of
// the record's names (its title or an alias) that few records share, or, failing that, by
// the conjunction of a specific participant, the act and the date. Common words never link
// alone: a name is distinctive by how few records use it, measured over the record itself,
// so nothing here knows which words are common in one particular record.
import { subjectIds, type ClaimFrame } from './claim-frame.ts';
import type { EvidenceDoc } from './evidence-doc.ts';
import { findActions, holdsAction } from './find-actions.ts';
import { findDates, onYearlessDay, spansOverlap } from './find-dates.ts';
import type { Lexicon, TextAnalysis } from './analyze-text.ts';
import { rankedAct, rankedSpan } from './find-ordinals.ts';
import { isContentToken, stem, STOPWORDS, tokenize, type Token } from './tokenize.ts';

/** How many records may share a name for it to still single out the thing. */
export const DISTINCTIVE = 3;
/** Share of records a participant may appear in and still single out an act with its date. */
const SPECIFIC_SHARE = 0.08;
const MAX_WORDS = 5;

/** name: the record goes by the name; mention: its title only mentions it ('Patriots'). */
export type LinkStrength = 'name' | 'mention' | 'reference' | 'conjunction';

export interface Link {
  strength: LinkStrength;
  /** The records the link found: the thing itself and its chain (an agreement's events, ...). */
  docs: EvidenceDoc[];
  /** The thing itself, without its chain: only its acts can refute a claim. */
  core: EvidenceDoc[];
  /** Every record that goes by the name (the thing and those named after it), without the chain. */
  named: EvidenceDoc[];
  /** What linked them: the name the claim used, or the participants, act and date. */
  by: string;
  /** Offsets of the name in the claim, when a name linked. */
  span?: { start: number; end: number };
  /** Set when the record linked is the one that ranks the claim's act first: the order is what linked it. */
  rankedFirst?: boolean;
  /** Set on a conjunction of a specific participant and a day: sure enough for the act's polarity to refute the claim. */
  sure?: boolean;
  /** Set when the claim uses every word of the record's title: it states the record's act, whatever its verb. */
  titled?: boolean;
}

export interface NameKey {
  key: string;
  words: number;
  /** Set for an acronym the text spells out: another form of the same name. */
  acronym?: boolean;
  /** Set when the name is one body's whole name ("NATO-Ukraine Commission"): the body's ids. */
  body?: string[];
  start: number;
  end: number;
}

const ORDINALS = /^(?:first|second|third|last|only|inaugural|new)$/;

/**
 * The word sequences of a text that could name a thing: no sequence starts or ends with a
 * stopword, none is only numbers, parties or places, and a single word counts only when it
 * is written as a name (a capital or an acronym) and is not a party, place or month.
 */
export function nameKeys(text: string, lexicon: Lexicon, tokens: Token[] = tokenize(text), written = true): NameKey[] {
  const mentions = lexicon.gazetteer.find(tokens);
  const entityAt = new Set(mentions.flatMap((m) => Array.from({ length: m.to - m.from }, (_, k) => m.from + k)));
  const dates = findDates(text);
  const actions = findActions(text);
  const within = (t: Token, spans: { start: number; end: number }[]) => spans.some((s) => t.start >= s.start && t.end <= s.end);
  const content = tokens.map((t) => isContentToken(t) && !ORDINALS.test(t.lower) && !within(t, dates));
  // A word of its own: not a party, a place, a number, or the act ("signed in Moscow" names nothing).
  // A body or organisation's name ("CCDCOE") may name the thing; a state or a person never
  // does alone. How many records use it decides whether it is distinctive.
  const kindAt = new Map<number, string | undefined>();
  for (const m of mentions) for (let k = m.from; k < m.to; k++) kindAt.set(k, lexicon.gazetteer.entities.get(m.ids[0]!)?.kind);
  const namedEntity = (i: number) => !entityAt.has(i) || kindAt.get(i) === 'body' || kindAt.get(i) === 'organisation';
  const own = tokens.map(
    (t, i) => content[i] && namedEntity(i) && !/^\d+$/.test(t.lower) && !lexicon.knowledge.places.has(t.lower) && !within(t, actions),
  );
  // Parties, people and bodies strung together ("NATO Secretary General Javier Solana") name
  // no thing: a name needs a word of its own outside them, or is one body's whole name.
  const bodyAt = new Map(
    mentions.filter((m) => kindAt.get(m.from) === 'body' || kindAt.get(m.from) === 'organisation').map((m) => [m.from, m]),
  );
  const wholeBody = (i: number, j: number) => (bodyAt.get(i)?.to === j + 1 ? bodyAt.get(i)!.ids : undefined);
  const namesAThing = (i: number, j: number) =>
    wholeBody(i, j) !== undefined || tokens.slice(i, j + 1).some((_, k) => own[i + k] && !entityAt.has(i + k));
  // A record's title or alias is a name however it is written; a claim's words must look like one.
  const capital = tokens.map((t) => !written || /^\p{Lu}/u.test(t.text));
  const keys: NameKey[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!content[i]) continue;
    for (let n = 1; n <= MAX_WORDS && i + n <= tokens.length; n++) {
      const j = i + n - 1;
      // A name does not run across a sentence's punctuation.
      if (n > 1 && /[.;:,()]/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
      if (!content[j]) continue;
      let named = false;
      for (let k = i; k <= j; k++) if (own[k] && capital[k]) named = true;
      if (!named || !namesAThing(i, j)) continue;
      keys.push({
        key: tokens
          .slice(i, j + 1)
          .map((t) => t.stem)
          .join(' '),
        words: n,
        ...(wholeBody(i, j) && { body: wholeBody(i, j) }),
        start: tokens[i]!.start,
        end: tokens[j]!.end,
      });
    }
  }
  // "The cyber defence centre" spelt out also names what its acronym names: at least three
  // words of its expansion, in its order, with nothing but joiners between them.
  for (const [acronym, expansion] of lexicon.acronyms) {
    const run = expansionRun(tokens, expansion);
    if (run && (run.words >= 3 || run.words === expansion.length))
      keys.push({ key: stem(acronym), words: run.words, start: run.start, end: run.end, acronym: true });
  }
  return keys;
}

/** The longest stretch of the text that spells out consecutive words of an expansion. */
function expansionRun(tokens: Token[], expansion: string[]): { start: number; end: number; words: number } | undefined {
  let best: { start: number; end: number; words: number } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    let e = expansion.indexOf(tokens[i]!.stem);
    if (e < 0) continue;
    let j = i;
    let words = 1;
    for (let k = i + 1; k < tokens.length && e + 1 < expansion.length; k++) {
      if (tokens[k]!.stem === expansion[e + 1]) {
        e++;
        words++;
        j = k;
      } else if (!NAME_JOINERS.has(tokens[k]!.lower)) break;
    }
    if (!best || words > best.words) best = { start: tokens[i]!.start, end: tokens[j]!.end, words };
  }
  return best;
}

const GATHERINGS = new Set(['summit', 'conference', 'ministerial', 'communique', 'communiqué', 'declaration', 'memorandum']);

/** Lower-case words that may stand inside a name ("Partnership for Peace", "Charter on a ..."). */
const NAME_JOINERS = new Set(['of', 'for', 'on', 'the', 'a', 'and', 'in', 'to', 'de', 'between']);
const isWritten = (t: Token) => /^[\p{Lu}\p{N}]/u.test(t.text);

/**
 * The names a claim uses: runs of capitalised words (with joiners such as "of" inside), and the
 * acronyms it spells out. Only the keys inside such a run, starting at its first word, count:
 * "Union" in "the Soviet Union" or "NATO member" name nothing; a one-word run counts only when
 * it is not the sentence's first word.
 */
export function claimNameKeys(text: string, tokens: Token[], lexicon: Lexicon, proper?: Set<number>): NameKey[] {
  const all = nameKeys(text, lexicon, tokens);
  const runs: { start: number; end: number; words: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isWritten(tokens[i]!) || STOPWORDS.has(tokens[i]!.lower)) continue;
    let j = i;
    for (;;) {
      const gap = (k: number) => text.slice(tokens[k]!.end, tokens[k + 1]!.start);
      if (j + 1 < tokens.length && isWritten(tokens[j + 1]!) && /^[\s'’-]+$/.test(gap(j))) j++;
      else {
        // Up to two joiners between capitalised words: "Charter on a Distinctive Partnership".
        let k = j + 1;
        while (k < tokens.length && k <= j + 2 && NAME_JOINERS.has(tokens[k]!.text) && /^\s+$/.test(gap(k - 1))) k++;
        if (k > j + 1 && k < tokens.length && isWritten(tokens[k]!) && /^\s+$/.test(gap(k - 1))) j = k;
        else break;
      }
    }
    const sentenceStart = i === 0 || /[.!?:"“]\s*$/.test(text.slice(0, tokens[i]!.start));
    // A lone capitalised word is a name when the tagger reads it as one or it is an acronym:
    // "Constitutional" in mid-sentence is not.
    const lone = j === i && !sentenceStart && (/^[\p{Lu}\d]{2,}$/u.test(tokens[i]!.text) || !proper || proper.has(tokens[i]!.start));
    if (j > i || lone) runs.push({ start: tokens[i]!.start, end: tokens[j]!.end, words: j - i + 1 });
    i = j;
  }
  // "The Bucharest summit", "the Hague summit", "a summit in Bucharest", "the NATO summit in
  // Bucharest": a place and a gathering name the gathering.
  const gatherings: NameKey[] = [];
  const place = (t: Token | undefined) => t !== undefined && isWritten(t) && lexicon.knowledge.places.has(t.lower);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (place(tokens[i]) && GATHERINGS.has(tokens[i + 1]!.lower))
      gatherings.push({ key: `${tokens[i]!.stem} ${tokens[i + 1]!.stem}`, words: 2, start: tokens[i]!.start, end: tokens[i + 1]!.end });
    if (GATHERINGS.has(tokens[i]!.lower) && tokens[i + 1]!.lower === 'in' && place(tokens[i + 2]))
      gatherings.push({ key: `${tokens[i + 2]!.stem} ${tokens[i]!.stem}`, words: 2, start: tokens[i]!.start, end: tokens[i + 2]!.end });
  }
  const kept = all.filter((k) => k.acronym || runs.some((r) => k.start >= r.start && k.end <= r.end && (k.words > 1 || r.words === 1)));
  return [...kept, ...gatherings];
}

/** Longest alias the checker looks for, in words ("Charter on a Distinctive Partnership ..."). */
const MAX_ALIAS_WORDS = 8;

/**
 * Every stretch of the claim that could be an alias, longest first: it starts with a word
 * written as a name ("100-Year Partnership", "the Charter", "Ramstein") and does not run across
 * a sentence's punctuation. Aliases match exactly, so nothing here needs to be distinctive.
 */
export function aliasCandidates(text: string, tokens: Token[]): NameKey[] {
  const keys: NameKey[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isWritten(tokens[i]!) || STOPWORDS.has(tokens[i]!.lower)) continue;
    for (let j = i; j < tokens.length && j < i + MAX_ALIAS_WORDS; j++) {
      if (j > i && /[.;:,()"“”]/.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start))) break;
      keys.push({
        key: tokens
          .slice(i, j + 1)
          .map((t) => t.stem)
          .join(' '),
        words: j - i + 1,
        start: tokens[i]!.start,
        end: tokens[j]!.end,
      });
    }
  }
  return keys.sort((a, b) => b.words - a.words || a.start - b.start);
}

/** How many records use each name key: the measure of what is distinctive. */
export class NameIndex {
  private readonly uses = new Map<string, Set<string>>();
  constructor(private readonly lexicon: Lexicon) {}

  add(id: string, names: string[]): void {
    for (const name of names) {
      for (const k of nameKeys(name, this.lexicon, undefined, false)) {
        const set = this.uses.get(k.key) ?? new Set<string>();
        set.add(id);
        this.uses.set(k.key, set);
      }
    }
  }

  /** How many known records use the key (at least 1 for a key a candidate record uses). */
  count(key: string): number {
    return Math.max(1, this.uses.get(key)?.size ?? 0);
  }
}

function docKeys(doc: EvidenceDoc, lexicon: Lexicon, cache: WeakMap<EvidenceDoc, Set<string>>): Set<string> {
  let keys = cache.get(doc);
  if (!keys) {
    keys = new Set(doc.names.flatMap((n) => nameKeys(n, lexicon, undefined, false).map((k) => k.key)));
    cache.set(doc, keys);
  }
  return keys;
}

/** The name from its first word of its own on ("NATO Cooperative Cyber ..." -> "cooperat cyber ..."). */
function headKey(name: string, lexicon: Lexicon): string | undefined {
  const keys = nameKeys(name, lexicon, undefined, false);
  if (keys.length === 0) return undefined;
  const first = Math.min(...keys.map((k) => k.start));
  return keys.filter((k) => k.start === first).sort((a, b) => b.words - a.words)[0]!.key;
}

/** The records that belong with these: an agreement's events and commitments, an event's agreement. */
export function chainOf(docs: EvidenceDoc[], all: EvidenceDoc[]): EvidenceDoc[] {
  const ids = new Set(docs.map((d) => d.id));
  const out = [...docs];
  for (const d of all) {
    if (ids.has(d.id)) continue;
    const belongs = d.linked.some((id) => ids.has(id)) || docs.some((x) => x.linked.includes(d.id));
    if (belongs) {
      out.push(d);
      ids.add(d.id);
    }
  }
  return out;
}

/**
 * "Ukraine joined the Partnership for Peace" and the record "Ukraine joins Partnership for
 * Peace": a title that states the claim's act, done by the claim's subject, to the thing the
 * claim names, is the record of that act, as good as its name.
 */
function titleStatesClaim(frame: ClaimFrame, core: EvidenceDoc[]): boolean {
  const action = frame.act?.action;
  const subjects = subjectIds(frame);
  if (core.length !== 1 || !action || subjects.length === 0) return false;
  const [doc] = core;
  return findActions(doc!.title).some((x) => x.action === action) && subjects.every((id) => doc!.titleEntities.has(id));
}

/** Most records a name may bring in, counting every record that shares one of its forms. */
const MAX_NAMED = 2 * DISTINCTIVE;

/**
 * Links by name: the records whose names share the claim's longest distinctive name, and those
 * that share another form of the same name (its acronym, a shorter part) at the same place.
 */
export function linkByName(
  frame: ClaimFrame,
  docs: EvidenceDoc[],
  index: NameIndex,
  lexicon: Lexicon,
  cache: WeakMap<EvidenceDoc, Set<string>>,
  entityShare: (id: string) => number,
): Link | undefined {
  // A body's whole name is distinctive by how few records involve the body ("NATO" in any form is not).
  const claimKeys = claimNameKeys(frame.analysis.text, frame.analysis.tokens, lexicon, frame.proper).filter(
    (k) => index.count(k.key) <= (k.acronym ? MAX_NAMED : DISTINCTIVE) && !k.body?.some((id) => entityShare(id) > SPECIFIC_SHARE),
  );
  claimKeys.sort((a, b) => b.words - a.words || a.start - b.start);
  // An alias the record gives is a name whatever its words: "the Charter" names one record.
  const byAlias = new Map<string, EvidenceDoc[]>();
  for (const d of docs) for (const key of d.aliasKeys) byAlias.set(key, [...(byAlias.get(key) ?? []), d]);
  for (const k of aliasCandidates(frame.analysis.text, frame.analysis.tokens)) {
    const aliased = byAlias.get(k.key) ?? [];
    if (aliased.length === 0 || aliased.length > DISTINCTIVE) continue;
    const span = { start: k.start, end: k.end };
    return {
      strength: 'name',
      docs: chainOf(aliased, docs),
      core: aliased,
      named: aliased,
      by: frame.analysis.text.slice(k.start, k.end),
      span,
    };
  }
  const namedBy = (key: string) => docs.filter((d) => d.names.length && docKeys(d, lexicon, cache).has(key));
  for (const k of claimKeys) {
    const all = namedBy(k.key);
    if (all.length === 0) continue;
    // "The Charter on ..." is the Charter, not the Declaration to Complement the Charter: where
    // some records are called by the name (it heads their name), those are the thing itself.
    const headed = all.filter((d) => d.names.some((n) => headKey(n, lexicon)?.startsWith(k.key)));
    const core = headed.length ? headed : all;
    if (core.length > (k.acronym ? MAX_NAMED : DISTINCTIVE)) continue;
    const found = new Map(all.map((d) => [d.id + d.kind, d]));
    for (const other of claimKeys) {
      if (other === k || !other.acronym || other.end <= k.start || other.start >= k.end) continue;
      const more = namedBy(other.key);
      if (more.length <= MAX_NAMED) for (const d of more) found.set(d.id + d.kind, d);
    }
    if (found.size > MAX_NAMED) return undefined;
    return {
      strength: headed.length || titleStatesClaim(frame, core) ? 'name' : 'mention',
      docs: chainOf([...found.values()], docs),
      core,
      named: [...found.values()],
      by: frame.analysis.text.slice(k.start, k.end),
      span: { start: k.start, end: k.end },
    };
  }
  return undefined;
}

/**
 * Links by a common name and a date: "the Annual National Programme" names many records, but one
 * of them holds the claim's act at the claim's date. The date took part in the linking, so such a
 * link can support a claim but never contradict it.
 */
export function linkByNameAndDate(
  frame: ClaimFrame,
  docs: EvidenceDoc[],
  lexicon: Lexicon,
  cache: WeakMap<EvidenceDoc, Set<string>>,
  entityShare: (id: string) => number,
): Link | undefined {
  const act = frame.act?.action;
  const dates = frame.analysis.dates.filter(
    (d) => !d.bound && !d.attributive && !frame.background.some((b) => d.start >= b.start && d.end <= b.end),
  );
  if (!act || dates.length === 0) return undefined;
  // A common body's name ("NATO") is no name here either: it and a date are a conjunction, read below.
  const keys = claimNameKeys(frame.analysis.text, frame.analysis.tokens, lexicon, frame.proper)
    .filter((k) => !k.body?.some((id) => entityShare(id) > SPECIFIC_SHARE))
    .sort((a, b) => b.words - a.words || a.start - b.start);
  for (const k of keys) {
    const named = docs.filter((d) => d.names.length && docKeys(d, lexicon, cache).has(k.key));
    const hits = oneThing(
      named.filter((d) => d.acts.some((x) => holdsAction(x.actions, act) && dates.every((t) => spansOverlap(t, x.span)))),
    );
    if (hits.length !== 1) continue;
    return {
      strength: 'conjunction',
      docs: chainOf(hits, docs),
      core: hits,
      named: hits,
      by: `${frame.analysis.text.slice(k.start, k.end)} and the date`,
      span: { start: k.start, end: k.end },
    };
  }
  return undefined;
}

/**
 * The words that say which first it is: those between the ordinal and the act ("the first
 * wartime visit") and a level after it ("first met at summit level"). A place or a date after
 * the act is a detail of the act, not part of its rank.
 */
function rankedWords(a: TextAnalysis, at: number): string[] {
  const span = rankedSpan(a, at);
  const act = a.actions.find((x) => x.start >= span.start && x.end <= span.end);
  if (!act) return [];
  const level = /^\s+at\s+(?:the\s+)?([\p{L}-]+(?:\s+[\p{L}-]+)?\s+level)\b/iu.exec(a.text.slice(act.end));
  const end = level ? act.end + level[0].length : act.start;
  const taken = [...a.mentions, ...a.places, ...a.dates, act];
  return a.tokens
    .filter((t) => t.start >= span.start && t.end <= end && isContentToken(t) && !taken.some((x) => t.start >= x.start && t.end <= x.end))
    .map((t) => t.stem);
}

/** "The first meeting of the NATO-Ukraine Council": the party whose act is ranked, named inside the ranked words. */
function ownerInRank(a: TextAnalysis, at: number, ids: string[]): boolean {
  const span = rankedSpan(a, at);
  // "The first meeting held in Ukraine" ranks a meeting by its place, not Ukraine's act.
  const placed = (m: { start: number }) => /\b(?:in|at|to|from|near)\s+(?:the\s+)?$/i.test(a.text.slice(span.start, m.start));
  return a.mentions.some((m) => m.start >= span.start && m.start < span.end && m.ids.some((id) => ids.includes(id)) && !placed(m));
}

/**
 * "The NATO-Ukraine Council held its first meeting ...": a party's first act of a kind is one act.
 * The one record that ranks the same act of the same party first, with the same words saying
 * which first it is ("summit-level", "wartime"), is that act, as good as a name: its date and
 * place can refute the claim's.
 */
export function linkByFirstAct(frame: ClaimFrame, docs: EvidenceDoc[]): Link | undefined {
  const a = frame.analysis;
  const act = frame.act?.action;
  const o = a.ordinals.find(
    (x) =>
      x.kind === 'first' && x.subject && !frame.background.some((b) => x.start >= b.start && x.end <= b.end) && rankedAct(a, x.at) === act,
  );
  if (!act || !o) return undefined;
  const subject = o.subject!;
  const claimStems = new Set(a.tokens.map((t) => t.stem));
  const mine = rankedWords(a, o.at);
  const ranksSame = (d: EvidenceDoc) =>
    d.analysis.ordinals.some(
      (r) =>
        r.kind === 'first' &&
        (r.subject?.some((id) => subject.includes(id)) || ownerInRank(d.analysis, r.at, subject)) &&
        rankedAct(d.analysis, r.at) === act &&
        rankedWords(d.analysis, r.at).every((w) => claimStems.has(w)),
    );
  const hits = oneThing(
    docs.filter((d) => subject.every((id) => d.participants.has(id)) && ranksSame(d) && mine.every((w) => stemsOf(d).has(w))),
  );
  if (hits.length !== 1) return undefined;
  const ranked = rankedSpan(a, o.at);
  const end = a.actions.find((x) => x.start >= ranked.start && x.end <= ranked.end)!.end;
  const span = { start: o.start, end };
  return {
    strength: 'name',
    docs: chainOf(hits, docs),
    core: hits,
    named: hits,
    by: a.text.slice(span.start, span.end),
    span,
    rankedFirst: true,
  };
}

const REPEATED = /\b(?:again|once more|anew|for the (?:second|third|fourth) time)\b/i;

/** Fewest words of its own a record's title must have for a claim that uses them all to be about it. */
const TITLE_WORDS = 3;

/**
 * "Ukraine's parliament made NATO membership a foreign-policy priority in June 2016" and the
 * record "Rada makes NATO membership a foreign-policy priority": a claim whose main clause uses
 * every word and party of one record's title, and of no other's, states that record's act in its
 * own words, as good as a name.
 */
export function linkByTitle(frame: ClaimFrame, docs: EvidenceDoc[]): Link | undefined {
  const a = frame.analysis;
  // "... again in 2019" tells of another time the same was done.
  if (REPEATED.test(a.text)) return undefined;
  const outside = (x: { start: number; end: number }) => !frame.background.some((b) => x.start >= b.start && x.end <= b.end);
  const stems = new Set(a.tokens.filter(outside).map((t) => t.stem));
  const parties = new Set(a.mentions.filter(outside).flatMap((m) => m.ids));
  const told = (d: EvidenceDoc) => {
    const mentions = d.analysis.mentions.filter((m) => m.end <= d.title.length);
    const words = d.analysis.tokens.filter(
      (t) => t.end <= d.title.length && isContentToken(t) && !mentions.some((m) => t.start >= m.start && t.end <= m.end),
    );
    return (
      words.length >= TITLE_WORDS && words.every((t) => stems.has(t.stem)) && mentions.every((m) => m.ids.some((id) => parties.has(id)))
    );
  };
  const hits = oneThing(docs.filter((d) => (d.kind === 'event' || d.kind === 'agreement') && told(d)));
  if (hits.length !== 1) return undefined;
  return { strength: 'name', docs: chainOf(hits, docs), core: hits, named: hits, by: hits[0]!.title, titled: true };
}

/** Nouns for a gathering or an exercise, which a report says "took place" or "was held". */
const OCCURRENCES = new Set(['summit', 'conference', 'ministerial', 'forum', 'exercise', 'exercises']);
/** Verbs that say only that such a thing happened. */
const OCCURRED = new Set(['take', 'hold', 'happen', 'occur', 'conduct']);

const withoutArticle = (s: string) => s.toLowerCase().replace(/^the\s+/, '');

/** "Vilnius summit: ...": the record of the gathering itself, not of something done at it. */
function titledByGathering(d: EvidenceDoc, noun: string): boolean {
  return d.place !== undefined && withoutArticle(d.title).startsWith(`${withoutArticle(d.place.name)} ${noun}`);
}

/**
 * Links a claim that a gathering took place ("The summit was held in Vilnius on 11-12 July
 * 2023") to the one event of that kind at that place and date. Such a link can support a claim
 * but never contradict it.
 */
export function linkByOccurrence(frame: ClaimFrame, docs: EvidenceDoc[]): Link | undefined {
  if (frame.act || !frame.verb || !OCCURRED.has(frame.verb)) return undefined;
  const a = frame.analysis;
  const outside = (x: { start: number; end: number }) => !frame.background.some((b) => x.start >= b.start && x.end <= b.end);
  const noun = a.tokens.find((t) => OCCURRENCES.has(t.lower) && outside(t));
  const dates = a.dates.filter((d) => !d.bound && !d.attributive && outside(d));
  const places = a.places.filter((p) => !p.isCountry && outside(p));
  if (!noun || dates.length === 0 || (places.length === 0 && !dates.some((d) => d.precision === 'day' || d.precision === 'month')))
    return undefined;
  const hits = docs.filter(
    (d) =>
      d.kind === 'event' &&
      titledByGathering(d, noun.lower) &&
      places.every((p) => d.place?.name === p.name) &&
      d.acts.some((x) => dates.every((t) => spansOverlap(t, x.span))),
  );
  if (hits.length !== 1) return undefined;
  return { strength: 'conjunction', docs: chainOf(hits, docs), core: hits, named: hits, by: `${noun.text}, place and date` };
}

/** Nouns that say a thing is an agreement: "the UK-Ukraine security agreement". */
const AGREEMENT_NOUNS = new Set(['agreement', 'treaty', 'memorandum', 'charter', 'accord', 'pact', 'deal', 'declaration', 'partnership']);

/**
 * Links by parties: an agreement the claim names by its parties and kind ("the UK-Ukraine
 * security agreement", "Japan's accord with Ukraine"). The agreement's parties must be exactly
 * the states the claim names before the noun, and the words qualifying the noun ("security")
 * must be in its title. One such agreement is as good as a name.
 */
export function linkByParties(frame: ClaimFrame, docs: EvidenceDoc[], lexicon: Lexicon): Link | undefined {
  const a = frame.analysis;
  const noun = a.tokens.findIndex((t) => AGREEMENT_NOUNS.has(t.lower));
  if (noun < 0) return undefined;
  const states = (ids: string[]) => ids.filter((id) => lexicon.gazetteer.entities.get(id)?.kind === 'state');
  // The parties named in the noun phrase: up to four words before the noun, or "with X" after it.
  const before = a.mentions.filter((m) => m.to <= noun && m.from >= noun - 4);
  const after = a.mentions.filter(
    (m) => m.from > noun && m.from <= noun + 6 && /\b(?:with|between|and)\s*(?:the\s+)?$/i.test(a.text.slice(0, m.start)),
  );
  const named = new Set(states([...before, ...after].flatMap((m) => m.ids.slice(0, 1))));
  const sentenceStates = new Set(states(a.mentions.flatMap((m) => m.ids.slice(0, 1))));
  if (named.size === 0 || sentenceStates.size < 2) return undefined;
  const firstOwn = Math.max(0, ...before.map((m) => m.to));
  const qualifiers = a.tokens
    .slice(firstOwn, noun)
    .filter((t) => isContentToken(t))
    .map((t) => t.stem);
  const hits = docs.filter((d) => {
    if (d.kind !== 'agreement') return false;
    const parties = states([...d.participants]);
    const titleStems = new Set(d.analysis.tokens.filter((t) => t.end <= d.title.length).map((t) => t.stem));
    return (
      parties.length === sentenceStates.size &&
      parties.every((id) => sentenceStates.has(id)) &&
      (qualifiers.length === 0 || qualifiers.some((q) => titleStems.has(q) || d.kindWords.has(q)))
    );
  });
  if (hits.length !== 1) return undefined;
  const span = { start: a.tokens[Math.min(firstOwn, noun)]!.start, end: a.tokens[noun]!.end };
  return { strength: 'name', docs: chainOf(hits, docs), core: hits, named: hits, by: a.text.slice(span.start, span.end), span };
}

const stemCache = new WeakMap<EvidenceDoc, Set<string>>();
function stemsOf(d: EvidenceDoc): Set<string> {
  let stems = stemCache.get(d);
  if (!stems) stemCache.set(d, (stems = new Set(d.analysis.tokens.map((t) => t.stem))));
  return stems;
}

/** An agreement and the events of its own chain (its signing) are one thing: the agreement. */
function oneThing(hits: EvidenceDoc[]): EvidenceDoc[] {
  const agreements = hits.filter((d) => d.kind === 'agreement');
  if (hits.length < 2 || agreements.length !== 1) return hits;
  const [agreement] = agreements;
  const ofIt = (d: EvidenceDoc) => d === agreement || agreement!.linked.includes(d.id) || d.linked.includes(agreement!.id);
  return hits.every(ofIt) ? agreements : hits;
}

/** Stems of the words the main clause says its act with: not a party, place, date, amount or the act's verb. */
function mainWords(frame: ClaimFrame): string[] {
  const a = frame.analysis;
  const spans = [...frame.background, ...a.mentions, ...a.places, ...a.dates, ...a.yearless, ...a.amounts, ...a.actions];
  return [
    ...new Set(a.tokens.filter((t) => isContentToken(t) && !spans.some((x) => t.start >= x.start && t.end <= x.end)).map((t) => t.stem)),
  ];
}

/** How many words of its own an undated claim must tell its act with, every one of them in the record. */
const UNDATED_WORDS = 3;

/** Share of the main clause's own words a record must use for a conjunction to reach it. */
const TOLD_SHARE = 0.5;

/** Whether the record uses most of the words the claim's main clause tells its act with. */
function tells(d: EvidenceDoc, words: string[]): boolean {
  if (words.length === 0) return true;
  const stems = stemsOf(d);
  return words.filter((w) => stems.has(w)).length >= TOLD_SHARE * words.length;
}

/**
 * Several records of the participant's act at that time: the one that uses every word of the
 * claim, if one does; else the one whose title makes the claim's subject the protagonist (the
 * parliament's vote, not the president's signing of the law it passed).
 */
function narrowed(found: EvidenceDoc[], frame: ClaimFrame, words: string[]): EvidenceDoc[] {
  if (found.length < 2) return found;
  const worded = found.filter((d) => words.every((w) => stemsOf(d).has(w)));
  if (worded.length > 0) return worded;
  const subjects = subjectIds(frame);
  return subjects.length === 0 ? [] : found.filter((d) => subjects.every((id) => d.titleEntities.has(id)));
}

/**
 * Links by conjunction: a participant few records name, the claim's act and its date single
 * out one record (with its chain). Such a link can support a claim but never contradict it.
 */
export function linkByConjunction(frame: ClaimFrame, docs: EvidenceDoc[], entityShare: (id: string) => number): Link | undefined {
  const a = frame.analysis;
  const act = frame.act;
  const dates = a.dates.filter((d) => !d.bound && !d.attributive);
  // "On Thursday", "on October 1": a day without its year still picks the act out among several.
  const days = a.yearless.filter((d) => !frame.background.some((b) => d.start >= b.start && d.end <= b.end));
  const places = a.places.filter((p) => !p.isCountry);
  if (!act) return undefined;
  const undated = dates.length === 0 && places.length === 0 && days.length === 0;
  const entities = [...a.entities];
  // Without a specific participant, a date to the month or day can single out the act, but
  // then the record's title must name the act (an agreement's acts come from its fields, so they
  // stand) and the record must use every word the claim's main clause says it with.
  const specific = entities.some((id) => entityShare(id) <= SPECIFIC_SHARE);
  const datedClosely = dates.some((d) => d.precision === 'day' || d.precision === 'month');
  const datedToDay = dates.some((d) => d.precision === 'day' && !d.anchored);
  if (!specific && !datedClosely) return undefined;
  const words = mainWords(frame);
  if (undated && words.length < UNDATED_WORDS) return undefined;
  const found = docs.filter(
    (d) =>
      entities.every((id) => d.entities.has(id)) &&
      d.acts.some(
        (x) => x.actions.has(act.action) && dates.every((t) => spansOverlap(t, x.span)) && days.every((y) => onYearlessDay(y, x.date)),
      ) &&
      places.every((p) => d.place?.name === p.name) &&
      // What the claim says was done must be what the record tells: a law on the language is not the amendment.
      (undated ? words.every((w) => stemsOf(d).has(w)) : tells(d, words)) &&
      (specific ||
        ((d.kind !== 'event' || findActions(d.title).some((x) => x.action === act.action)) &&
          (datedToDay || words.every((w) => stemsOf(d).has(w))))),
  );
  const hits = oneThing(narrowed(found, frame, words));
  if (hits.length !== 1) return undefined;
  const sure = specific && datedToDay;
  return { strength: 'conjunction', docs: chainOf(hits, docs), core: hits, named: hits, by: 'participants, act and date', sure };
}
