// `pactwatch import`: reads, validates and writes in one transaction. On any problem the
// transaction rolls back, so the database is exactly as it was.
import { PactwatchError, type FieldProblem } from '../domain/errors.ts';
import { withoutRedundantTiers, type SourceTierTable } from '../domain/source-tiers.ts';
import type { ImportSummary, RecordBatch, RecordStore } from '../store/record-store.ts';
import { inputFiles, readRecordBatches, totalBytes, type ReadProgress } from './record-reader.ts';
import { readRecordBatchesInThread } from './record-reader-thread.ts';
import { loadSourceTierTable } from './source-tier-table.ts';

/** Below this much input, starting a reader thread costs more than it saves. */
const THREAD_MIN_BYTES = 4 << 20;

export interface ImportOptions extends ReadProgress {
  /** Read in a worker thread; by default, when the input is large enough to gain from it. */
  thread?: boolean;
  /** Overrides equal to this table's tier are dropped (source-tiers.ts); the shipped table by default. */
  sourceTiers?: SourceTierTable;
  /** Check and compare everything, write nothing (RecordStore ImportOptions). */
  dryRun?: boolean;
}

export async function importPaths(store: RecordStore, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const files = inputFiles(paths);
  const thread = options.thread ?? totalBytes(files) >= THREAD_MIN_BYTES;
  const read = thread ? readRecordBatchesInThread : readRecordBatches;
  const problems: FieldProblem[] = [];
  const tiers = options.sourceTiers ?? loadSourceTierTable();
  async function* checked(): AsyncIterable<RecordBatch> {
    for await (const batch of read(files, problems, options)) {
      const records = withoutRedundantTiers(batch.records, tiers);
      // A changed batch loses the reader's JSON text, which the change log would otherwise hash.
      yield records === batch.records ? batch : ({ kind: batch.kind, records } as RecordBatch);
    }
    if (problems.length) throw invalidInput(problems);
  }
  return store.importBatches(checked(), undefined, { dryRun: options.dryRun });
}

export function invalidInput(problems: FieldProblem[]): PactwatchError {
  return new PactwatchError('validation_failed', `the input has ${problems.length} problem(s); nothing was imported`, 400, problems);
}
