// How telling a word is: rare words in the pool of candidate records weigh more, and a word no
// record has weighs most, because a claim that hinges on it cannot be confirmed.
import type { EvidenceDoc } from './evidence-doc.ts';
import type { Term } from './analyze-text.ts';

export type Weigh = (term: Term) => number;

export function termWeights(docs: EvidenceDoc[]): Weigh {
  const df = new Map<string, number>();
  for (const d of docs) for (const k of d.keys) df.set(k, (df.get(k) ?? 0) + 1);
  const n = docs.length;
  const weight = (k: string) => Math.log(1 + (n + 1) / (1 + (df.get(k) ?? 0)));
  return (term) => Math.max(...term.keys.map(weight));
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
