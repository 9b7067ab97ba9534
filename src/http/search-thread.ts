// Event searches run in a thread of their own (search-worker.ts), with its own connection to
// the database and its own in-memory event index, so the server's event loop only parses
// requests and sends answers: /api/health and every other request are answered while searches
// queue in the thread, and a search uses the second core. The thread hands over each answer as
// UTF-8 JSON (event-search.ts), its memory moved rather than copied, and the main thread
// sends it as it is.
//
// The thread reads the record as any second server would (two-servers.test.ts): each search
// first reads the record's version and catches its index up from the change log, so a write
// made through the main thread is found by the next search. An index rebuild after an import,
// and the SQL that answers until it is ready, run in the thread too.
//
// A thread that stops once it has started (a crash, an out-of-memory kill) fails the searches
// it held with 503 and is replaced; the searches after wait for the new one's index.
import type { Worker } from 'node:worker_threads';
import { PactwatchError, type FieldProblem } from '../domain/errors.ts';
import type { SourceTierTable } from '../domain/source-tiers.ts';
import type { StoreOptions } from '../store/open-store.ts';
import type { EventQuery, FacetField } from '../store/record-store.ts';
import { startWorker } from '../worker-thread.ts';
import type { EventSearch } from './event-search.ts';

export interface SearchWorkerData {
  /** The database the server opened: a SQLite file or a PostgreSQL URL. */
  store: Pick<StoreOptions, 'sqlitePath' | 'databaseUrl'>;
  tiers: SourceTierTable;
  /** Events a record needs before the thread keeps an event index (RecordStore.enableEventIndex). */
  eventIndexMinEvents?: number;
}

/** An error as it crosses between threads: a PactwatchError keeps its code, status, details and headers. */
export interface WireError {
  message: string;
  code?: PactwatchError['code'];
  status?: number;
  details?: FieldProblem[];
  headers?: Record<string, string>;
}

export type ToSearchWorker = { type: 'search'; id: number; query: EventQuery; facets: FacetField[] } | { type: 'close' };

export type FromSearchWorker =
  | { type: 'ready' }
  | { type: 'answer'; id: number; json: Uint8Array }
  | { type: 'failed'; id: number; error: WireError }
  | { type: 'start-failed'; error: WireError };

export const toWire = (error: unknown): WireError =>
  error instanceof PactwatchError
    ? { message: error.message, code: error.code, status: error.status, details: error.details, headers: error.headers }
    : { message: error instanceof Error ? error.message : String(error) };

const fromWire = (error: WireError): Error =>
  error.code && error.status
    ? new PactwatchError(error.code, error.message, error.status, error.details, error.headers)
    : new Error(error.message);

/** How long a closing thread may take to close its database before it is ended. */
const CLOSE_GRACE_MS = 5_000;

interface Pending {
  resolve(json: Buffer): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  /** Resolves when the thread's index is built; rejects when it could not open the database. */
  ready: Promise<void>;
  exited: Promise<void>;
}

export class SearchThread implements EventSearch {
  private thread: Thread;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly data: SearchWorkerData) {
    this.thread = this.start();
  }

  /** Resolves when the thread answers searches from its index (or knows the record too small for one). */
  ready(): Promise<void> {
    return this.thread.ready;
  }

  async search(query: EventQuery, facets: FacetField[]): Promise<Buffer> {
    if (this.closed) throw unavailable('the server is shutting down');
    const thread = this.thread;
    await thread.ready;
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ type: 'search', id, query, facets } satisfies ToSearchWorker);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const { worker, exited } = this.thread;
    worker.postMessage({ type: 'close' } satisfies ToSearchWorker);
    const timer = setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  private start(): Thread {
    const worker = startWorker('search-worker', import.meta.url, { workerData: this.data });
    // A thread nobody closed must not keep the process alive.
    worker.unref();
    let started = false;
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromSearchWorker) => {
        if (message.type === 'ready') {
          started = true;
          resolve();
        } else if (message.type === 'start-failed') reject(fromWire(message.error));
        else this.settle(message);
      });
      worker.once('exit', (code) => {
        reject(new Error(`the search thread stopped (exit code ${code}) before its index was ready`));
        // One that never started (the database would not open) is not started again and again.
        if (started) this.stopped(worker);
      });
    });
    // Nobody may be waiting for it yet: a failed start is reported to the next search.
    ready.catch(() => {});
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    return { worker, ready, exited };
  }

  private settle(message: Extract<FromSearchWorker, { id: number }>): void {
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.type === 'answer') pending.resolve(Buffer.from(message.json.buffer, message.json.byteOffset, message.json.byteLength));
    else pending.reject(fromWire(message.error));
  }

  /** The thread is gone: what it held fails, and a new one starts unless the server is closing. */
  private stopped(worker: Worker): void {
    if (this.thread.worker !== worker) return;
    for (const pending of this.pending.values()) pending.reject(unavailable('the search thread stopped'));
    this.pending.clear();
    if (!this.closed) this.thread = this.start();
  }
}

const unavailable = (why: string) =>
  new PactwatchError('unavailable', `Search is unavailable (${why}); try again in 1 s.`, 503, undefined, { 'retry-after': '1' });
