// `pactwatch import`: reads, validates and writes in one transaction. On any problem the
// transaction rolls back, so the database is exactly as it was.
import { PactwatchError, type FieldProblem } from '../domain/errors.ts';
import type { ImportSummary, RecordBatch, RecordStore } from '../store/record-store.ts';
import { inputFiles, readRecordBatches, type ReadProgress } from './record-reader.ts';

export async function importPaths(store: RecordStore, paths: string[], progress: ReadProgress = {}): Promise<ImportSummary> {
  const files = inputFiles(paths);
  const problems: FieldProblem[] = [];
  async function* checked(): AsyncIterable<RecordBatch> {
    yield* readRecordBatches(files, problems, progress);
    if (problems.length) throw invalidInput(problems);
  }
  return store.importBatches(checked());
}

export function invalidInput(problems: FieldProblem[]): PactwatchError {
  return new PactwatchError('validation_failed', `the input has ${problems.length} problem(s); nothing was imported`, 400, problems);
}
