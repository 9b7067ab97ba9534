// Which words and prefixes an event index learns postings for when it is built, worked out from
// the full-text index's own vocabulary (its terms, as stemmed, with how many events hold each).
//
// A search must never be the first to ask for a common word or prefix: reading 464k matches
// of one takes 130-770 ms, and a prefix query cannot be read in chunks (each chunk merges the
// prefix's terms afresh). So every query string that matches many events is learnt up front:
// - each common term, read through a query string the tokenizer turns into that term (the
//   term itself, or a word of the record that stems to it: "exercis" stems to "exerci");
// - each sampled word of the record, sharing its term's postings;
// - each prefix of a common term, as the union of the terms it covers: FTS5 and PostgreSQL
//   both answer "p*" with every term that begins with the stemmed p. Terms are exact, so the
//   union is too; prefixes covering the same terms share one bitmap.
// A query string's postings are kept under the string itself, so a search looks them up as
// it is typed, and catching up after a write asks the full-text index about that string.

export interface WordPostingsPlan {
  /** Terms to read, each through a query string that the tokenizer turns into exactly that term. */
  reads: { term: string; via: string }[];
  /** Query strings (words, and prefixes ending in *) and the terms whose union each matches. */
  learn: { key: string; terms: string[] }[];
}

export interface VocabularyFacts {
  /** Every term of the full-text index and the number of events that hold it. */
  terms: Map<string, number>;
  /** The term each query string (prefix without its *) stands for, when it is one term. */
  forms: Map<string, string>;
  /** Words seen in the record's text, in the form a reader types them. */
  sampledWords: string[];
  /** More events than this make a term or prefix common. */
  common: number;
  /** The most events the rare terms under one prefix may hold together: each is read at the build. */
  rarePerPrefix: number;
}

/** Every prefix of the common terms, shortest first: the query strings worth learning. */
export function prefixCandidates(terms: Map<string, number>, common: number): string[] {
  const prefixes = new Set<string>();
  for (const [term, events] of terms) if (events > common) for (let i = 1; i <= term.length; i++) prefixes.add(term.slice(0, i));
  return [...prefixes].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
}

export function planWordPostings(facts: VocabularyFacts): WordPostingsPlan {
  const sorted = [...facts.terms.keys()].sort();
  // A term is readable when some query string stems to exactly it: the term itself first.
  const via = new Map<string, string>();
  for (const candidate of [...sorted, ...facts.sampledWords]) {
    const term = facts.forms.get(candidate);
    if (term !== undefined && facts.terms.has(term) && !via.has(term)) via.set(term, candidate);
  }
  const reads = new Map<string, string>();
  const read = (term: string) => {
    const through = via.get(term);
    if (through !== undefined) reads.set(term, through);
    return through !== undefined;
  };
  const learn: WordPostingsPlan['learn'] = [];
  // Kept under the term only when typing the term finds it (see "exercis" above).
  for (const term of sorted)
    if (facts.terms.get(term)! > facts.common && read(term) && via.get(term) === term) learn.push({ key: term, terms: [term] });
  for (const word of facts.sampledWords) {
    const term = facts.forms.get(word);
    if (term !== undefined && word !== term && reads.has(term) && facts.terms.get(term)! > facts.common)
      learn.push({ key: word, terms: [term] });
  }
  for (const prefix of prefixCandidates(facts.terms, facts.common)) {
    const stem = facts.forms.get(prefix);
    if (stem === undefined) continue;
    const covered = termsWithPrefix(sorted, stem);
    const events = covered.reduce((sum, term) => sum + facts.terms.get(term)!, 0);
    const rare = covered.filter((term) => facts.terms.get(term)! <= facts.common);
    const rareEvents = rare.reduce((sum, term) => sum + facts.terms.get(term)!, 0);
    // A rare prefix is read when asked, quickly; one over too many rare terms is left to that too.
    if (events <= facts.common || rareEvents > facts.rarePerPrefix || !covered.every(read)) continue;
    learn.push({ key: `${prefix}*`, terms: covered });
  }
  return { reads: [...reads].map(([term, through]) => ({ term, via: through })), learn };
}

/** The terms of a sorted list that begin with `prefix`. */
function termsWithPrefix(sorted: string[], prefix: string): string[] {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < prefix) lo = mid + 1;
    else hi = mid;
  }
  const found: string[] = [];
  for (let i = lo; i < sorted.length && sorted[i]!.startsWith(prefix); i++) found.push(sorted[i]!);
  return found;
}
