// Checks run in a pool of worker threads, so the server's event loop stays free for every other
// request however long a text takes: the main thread only queues texts and answers the workers'
// questions about the record. Each worker reads the record through the server's own evidence
// source (check-worker.ts asks; this thread answers), so its checker context is rebuilt exactly
// when the source's version() changes, as in process, and candidate events are always read fresh.
//
// Three bounds keep it honest under load:
// - the checker's time budget, which each worker applies (413, "check it in parts"), and a hard
//   stop a little after it, for a worker stuck inside one step: it is ended and replaced. The
//   budget counts from when the worker has the record in hand, not from its start-up;
// - a bounded queue: when it is full a check gets 503 with Retry-After, not an endless wait;
// - a text still waiting when its client goes away is dropped from the queue.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { PactwatchError } from '../domain/errors.ts';
import type { SourceTierTable } from '../domain/source-tiers.ts';
import { startWorker } from '../worker-thread.ts';
import { CHECK_BUDGET_MS, overBudget } from './check-budget.ts';
import type { EvidenceSource } from './evidence-source.ts';

/** What a worker may ask of the evidence source. */
export const SOURCE_METHODS = [
  'parties',
  'agreements',
  'commitments',
  'deliveries',
  'candidateEvents',
  'lexiconSeed',
  'version',
] as const satisfies readonly (keyof EvidenceSource)[];
export type SourceMethod = (typeof SOURCE_METHODS)[number];

export interface CheckWorkerData {
  budgetMs: number;
  tiers: SourceTierTable;
}

export interface WireError {
  message: string;
  code?: string;
  status?: number;
}

export type ToCheckWorker =
  | { type: 'check'; id: number; text: string; includeSkipped: boolean }
  | { type: 'answer'; call: number; value?: unknown; error?: WireError };

export type FromCheckWorker =
  | { type: 'call'; call: number; method: SourceMethod; args: unknown[] }
  | { type: 'started'; id: number }
  | { type: 'done'; id: number; json: string }
  | { type: 'failed'; id: number; error: WireError };

export interface CheckPoolOptions {
  /** Worker threads; min(2, cores) by default. */
  size?: number;
  /** Texts that may wait for a worker; past it a check gets 503. */
  queue?: number;
  /** How long one check may take (CHECK_BUDGET_MS by default). */
  budgetMs?: number;
  /** Start the workers at once (a server) rather than at the first check (tests, tools). */
  warm?: boolean;
  tiers: SourceTierTable;
}

export const DEFAULT_POOL_SIZE = Math.min(2, os.availableParallelism());
export const DEFAULT_QUEUE = 16;
/** How long after the budget a worker that has not answered is ended. */
const HARD_STOP_GRACE_MS = 2_000;
/**
 * How long a worker may take to start on a check: to start up and read the record (seconds
 * on a busy machine), which the budget does not count.
 */
const START_LIMIT_MS = 60_000;

interface Job {
  id: number;
  text: string;
  includeSkipped: boolean;
  resolve(json: string): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job?: Job;
  started?: number;
  hardStop?: NodeJS.Timeout;
}

export const wireError = (error: unknown): WireError =>
  error instanceof PactwatchError
    ? { message: error.message, code: error.code, status: error.status }
    : { message: error instanceof Error ? error.message : String(error) };

export const fromWire = (error: WireError): Error =>
  error.code && error.status
    ? new PactwatchError(error.code as PactwatchError['code'], error.message, error.status)
    : new Error(error.message);

export class CheckPool {
  private readonly size: number;
  private readonly queueLimit: number;
  private readonly budgetMs: number;
  private readonly slots = new Set<Slot>();
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** A running mean of how long a check takes, for Retry-After. */
  private meanMs = 1_000;

  constructor(
    private readonly source: EvidenceSource,
    private readonly options: CheckPoolOptions,
  ) {
    this.size = Math.max(1, options.size ?? DEFAULT_POOL_SIZE);
    this.queueLimit = Math.max(0, options.queue ?? DEFAULT_QUEUE);
    this.budgetMs = options.budgetMs ?? CHECK_BUDGET_MS;
    if (options.warm) this.warm();
  }

  /**
   * Checks a text in a worker, answering with the check result (rankedCheckResultSchema) as JSON
   * text; `signal` drops the text while it still waits for a worker.
   */
  check(text: string, options: { includeSkipped?: boolean; signal?: AbortSignal } = {}): Promise<string> {
    if (this.closed) return Promise.reject(this.busy('the server is shutting down'));
    if (this.waiting.length >= this.queueLimit && !this.idleSlotOrRoom())
      return Promise.reject(this.busy(`${this.waiting.length} texts are waiting to be checked`));
    return new Promise((resolve, reject) => {
      const job: Job = { id: this.nextId++, text, includeSkipped: options.includeSkipped ?? false, resolve, reject };
      this.waiting.push(job);
      options.signal?.addEventListener('abort', () => this.drop(job), { once: true });
      this.dispatch();
    });
  }

  /** Starts the workers now and has each read the record, so the first check does not wait for it. */
  warm(): void {
    while (!this.closed && this.slots.size < this.size) this.spawn();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(this.busy('the server is shutting down'));
    await Promise.all([...this.slots].map((slot) => this.end(slot, this.busy('the server is shutting down'))));
  }

  private idleSlotOrRoom(): boolean {
    return this.slots.size < this.size || [...this.slots].some((s) => !s.job);
  }

  private busy(why: string): PactwatchError {
    const seconds = Math.max(1, Math.ceil((this.meanMs * (this.waiting.length + this.size)) / this.size / 1000));
    return new PactwatchError('unavailable', `The checker is busy (${why}); try again in ${seconds} s.`, 503, undefined, {
      'retry-after': String(seconds),
    });
  }

  private drop(job: Job): void {
    const at = this.waiting.indexOf(job);
    if (at >= 0) this.waiting.splice(at, 1);
  }

  private dispatch(): void {
    while (this.waiting.length > 0) {
      const slot = [...this.slots].find((s) => !s.job) ?? (this.slots.size < this.size ? this.spawn() : undefined);
      if (!slot) return;
      const job = this.waiting.shift()!;
      slot.job = job;
      slot.started = Date.now();
      slot.hardStop = setTimeout(() => void this.end(slot, this.busy('a checker thread did not start')), START_LIMIT_MS);
      slot.worker.postMessage({ type: 'check', id: job.id, text: job.text, includeSkipped: job.includeSkipped } satisfies ToCheckWorker);
    }
  }

  private spawn(): Slot {
    const data: CheckWorkerData = { budgetMs: this.budgetMs, tiers: this.options.tiers };
    const slot: Slot = { worker: startWorker('check-worker', import.meta.url, { workerData: data }) };
    // A pool nobody closed must not keep the process alive.
    slot.worker.unref();
    slot.worker.on('message', (message: FromCheckWorker) => this.onMessage(slot, message));
    slot.worker.on('error', (error) => void this.end(slot, error));
    slot.worker.on('exit', () => void this.end(slot, new Error('a checker thread stopped')));
    this.slots.add(slot);
    return slot;
  }

  private onMessage(slot: Slot, message: FromCheckWorker): void {
    if (message.type === 'call') return void this.answer(slot, message);
    const job = slot.job;
    if (!job || job.id !== message.id) return;
    clearTimeout(slot.hardStop);
    if (message.type === 'started') {
      slot.hardStop = setTimeout(() => void this.end(slot, overBudget(this.budgetMs)), this.budgetMs + HARD_STOP_GRACE_MS);
      return;
    }
    this.meanMs = 0.8 * this.meanMs + 0.2 * (Date.now() - slot.started!);
    slot.job = undefined;
    if (message.type === 'done') job.resolve(message.json);
    else job.reject(fromWire(message.error));
    this.dispatch();
  }

  private async answer(slot: Slot, message: Extract<FromCheckWorker, { type: 'call' }>): Promise<void> {
    let reply: ToCheckWorker;
    try {
      if (!SOURCE_METHODS.includes(message.method)) throw new Error(`no such source method: ${message.method}`);
      const method = this.source[message.method] as (...args: unknown[]) => Promise<unknown>;
      reply = { type: 'answer', call: message.call, value: await method(...message.args) };
    } catch (error) {
      reply = { type: 'answer', call: message.call, error: wireError(error) };
    }
    if (this.slots.has(slot)) slot.worker.postMessage(reply);
  }

  /** Ends a worker, failing its check with `error`; the next check starts a new one. */
  private async end(slot: Slot, error: Error): Promise<void> {
    if (!this.slots.delete(slot)) return;
    clearTimeout(slot.hardStop);
    slot.job?.reject(error);
    slot.job = undefined;
    await slot.worker.terminate();
    if (!this.closed) this.dispatch();
  }
}
