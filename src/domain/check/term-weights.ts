// How telling a word is: rare words in the pool of candidate records weigh more, and a word no
// record has weighs most, because a claim that hinges on it cannot be confirmed.
import type { EvidenceDoc } from './evidence-doc.ts';
import type { Term } from './analyze-text.ts';

export type Weigh = (term: Term) => number;

const frequencies = new WeakMap<EvidenceDoc[], Map<string, number>>();

/** Document frequencies of a group of records; a group that is reused (agreements) is counted once. */
function frequencyOf(group: EvidenceDoc[]): Map<string, number> {
  let df = frequencies.get(group);
  if (!df) {
    df = new Map();
    for (const d of group) for (const k of d.keys) df.set(k, (df.get(k) ?? 0) + 1);
    frequencies.set(group, df);
  }
  return df;
}

/** Weights over the union of the groups of candidate records. */
export function termWeights(groups: EvidenceDoc[][]): Weigh {
  const counts = groups.map(frequencyOf);
  const df = { get: (k: string) => counts.reduce((n, c) => n + (c.get(k) ?? 0), 0) };
  const n = groups.reduce((sum, g) => sum + g.length, 0);
  // A claim is weighed against every candidate, so each key's weight is worked out once.
  const weights = new Map<string, number>();
  const weight = (k: string) => {
    let w = weights.get(k);
    if (w === undefined) {
      w = Math.log(1 + (n + 1) / (1 + df.get(k)));
      weights.set(k, w);
    }
    return w;
  };
  return (term) => (term.keys.length === 1 ? weight(term.keys[0]!) : Math.max(...term.keys.map(weight)));
}

/** Share of the claim's topic weight that a set of keys covers. */
export function coverage(terms: Term[], keys: Set<string>, weigh: Weigh): number {
  let total = 0;
  let matched = 0;
  for (const t of terms) {
    const w = weigh(t);
    total += w;
    if (t.keys.some((k) => keys.has(k))) matched += w;
  }
  return total === 0 ? 0 : matched / total;
}
