// `pactwatch import`: reads, validates and writes in one transaction. On any problem the
// transaction rolls back, so the database is exactly as it was.
import { PactwatchError, type FieldProblem } from '../domain/errors.ts';
import type { ImportSummary, RecordBatch, RecordStore } from '../store/record-store.ts';
import { inputFiles, readRecordBatches, totalBytes, type ReadOptions } from './record-reader.ts';
import { readRecordBatchesInThread } from './record-reader-thread.ts';
import { loadSourceTierTable } from './source-tier-table.ts';

/** Below this much input, starting a reader thread costs more than it saves. */
const THREAD_MIN_BYTES = 4 << 20;

export interface ImportOptions extends ReadOptions {
  /** Read in a worker thread; by default, when the input is large enough to gain from it. */
  thread?: boolean;
  /** Check and compare everything, write nothing (RecordStore ImportOptions). */
  dryRun?: boolean;
}

export async function importPaths(store: RecordStore, paths: string[], options: ImportOptions = {}): Promise<ImportSummary> {
  const files = inputFiles(paths);
  const thread = options.thread ?? totalBytes(files) >= THREAD_MIN_BYTES;
  const read = thread ? readRecordBatchesInThread : readRecordBatches;
  const problems: FieldProblem[] = [];
  // Dropped by the reader, so that in a thread it is not the writer's work.
  const sourceTiers = options.sourceTiers ?? loadSourceTierTable();
  async function* checked(): AsyncIterable<RecordBatch> {
    yield* read(files, problems, { ...options, sourceTiers });
    if (problems.length) throw invalidInput(problems);
  }
  return store.importBatches(checked(), undefined, { dryRun: options.dryRun });
}

export function invalidInput(problems: FieldProblem[]): PactwatchError {
  return new PactwatchError('validation_failed', `the input has ${problems.length} problem(s); nothing was imported`, 400, problems);
}
