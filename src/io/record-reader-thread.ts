// readRecordBatches in a worker thread. Parsing and validating a large file costs about as
// much as writing it, so on a second core the two overlap instead of taking turns. The batches,
// problems and progress that arrive are those the in-process reader gives for the same files.
import { PactwatchError, type ErrorCode, type FieldProblem } from '../domain/errors.ts';
import type { RecordKind } from '../domain/vocabulary.ts';
import type { RecordBatch } from '../store/record-store.ts';
import { totalBytes, type ReadOptions } from './record-reader.ts';
import { startWorker } from '../worker-thread.ts';

/** Batches read ahead of the writer: enough to keep both threads busy, few enough to bound memory. */
const WINDOW = 16;
/**
 * The reader thread's heap limit, in MB. Left to itself V8 grows a busy heap long before it
 * collects (1M events: the process peaked at 582 MB; about 400 MB with this limit). What the
 * reader keeps is the ids it has seen, to refuse duplicates: 53 bytes for an id like
 * ev-0000000, under a sixth of a CSV's size, so half the input's size leaves room at any size.
 */
const heapLimitMb = (inputBytes: number) => Math.max(256, Math.ceil(inputBytes / 2 / 2 ** 20));

export type FromReader =
  | { type: 'bytes'; bytes: number }
  | { type: 'batch'; kind: RecordKind; json: string; lengths: Uint32Array<ArrayBuffer>; ids: string[] }
  | { type: 'end'; problems: FieldProblem[] }
  | { type: 'failed'; error: { message: string; code?: string; status?: number; details?: FieldProblem[] } };
export type ToReader = { type: 'taken' };

/** A batch as it came from the thread; its records are parsed only if a writer asks for them. */
function receivedBatch(message: Extract<FromReader, { type: 'batch' }>): RecordBatch {
  const { kind, json, ids } = message;
  let records: RecordBatch['records'] | undefined;
  return {
    kind,
    json,
    ids,
    texts: recordTexts(message),
    get records() {
      return (records ??= JSON.parse(json));
    },
  };
}

/** Each record's text in a batch's JSON array, cut out by the lengths the thread sent (slices share the array's text). */
function recordTexts({ json, lengths }: { json: string; lengths: Uint32Array<ArrayBuffer> }): string[] {
  const texts: string[] = [];
  let start = 1;
  for (const length of lengths) {
    texts.push(json.slice(start, start + length));
    start += length + 1;
  }
  return texts;
}

export async function* readRecordBatchesInThread(
  files: string[],
  problems: FieldProblem[],
  options: ReadOptions = {},
): AsyncIterable<RecordBatch> {
  const worker = startWorker('record-reader-worker', import.meta.url, {
    resourceLimits: { maxOldGenerationSizeMb: heapLimitMb(totalBytes(files)) },
    // The tier table crosses as a structured clone (its patterns are RegExps, which clone).
    workerData: { files, window: WINDOW, encoding: options.encoding, sourceTiers: options.sourceTiers },
  });
  const arrived: Exclude<FromReader, { type: 'bytes' }>[] = [];
  let wake: (() => void) | undefined;
  let crashed: Error | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on('message', (message: FromReader) => {
    if (message.type === 'bytes') options.onBytes?.(message.bytes);
    else arrived.push(message);
    notify();
  });
  worker.on('error', (error) => {
    crashed = error;
    notify();
  });
  worker.on('exit', (code) => {
    crashed ??= new Error(`the reader thread exited with code ${code} before it finished`);
    notify();
  });
  try {
    for (;;) {
      const message = arrived.shift();
      if (!message) {
        if (crashed) throw crashed;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (message.type === 'batch') {
        worker.postMessage({ type: 'taken' } satisfies ToReader);
        yield receivedBatch(message);
      } else if (message.type === 'end') {
        problems.push(...message.problems);
        return;
      } else {
        const { message: text, code, status, details } = message.error;
        throw code ? new PactwatchError(code as ErrorCode, text, status, details) : new Error(text);
      }
    }
  } finally {
    // Also when the writer stops early (a failed write): the rest of the input is not wanted.
    await worker.terminate();
  }
}
