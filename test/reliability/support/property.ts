// fast-check's assert, but the failure message carries the failing assertion (node:test only
// prints the message) and the run count comes back for the suite's tally.
import fc from 'fast-check';

export async function holds<T>(property: fc.IAsyncProperty<T> | fc.IProperty<T>, numRuns: number): Promise<number> {
  const details = await fc.check(property as fc.IAsyncProperty<T>, { numRuns });
  if (details.failed) {
    const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    throw new Error(
      `property failed after ${details.numRuns} case(s) (seed ${details.seed}, path "${details.counterexamplePath}")\n` +
        `counterexample: ${fc.stringify(details.counterexample).slice(0, 2000)}\n${cause.slice(0, 3000)}`,
    );
  }
  return details.numRuns;
}
