// Formatting for the evaluation script.
import type { Outcome } from '../src/check/evaluate-texts.ts';

export const pct = (n: number, d: number) => (d === 0 ? 'n/a (none)' : `${(n / d).toFixed(2)} (${n}/${d})`);

/** The dev set's mistakes, one line each: what was expected, what came out, and why. */
export function evaluateOutcomeLines(outcomes: Outcome[]): string[] {
  return outcomes
    .filter(
      (o) =>
        (o.verdict !== 'unverifiable' && o.verdict !== o.sentence.expected) || (o.sentence.settled && o.verdict !== o.sentence.expected),
    )
    .map(
      (o) =>
        `  [${o.text}] expected ${o.sentence.expected} (${o.sentence.truth}), got ${o.verdict}: ${o.sentence.text}\n      ${o.explanation ?? ''}`,
    );
}
