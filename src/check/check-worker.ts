// The worker side of check-pool.ts: checks the texts it is sent, one at a time, reading the record
// through an evidence source whose every call is answered by the main thread. The checker
// context is cached per source and version (checker-context.ts) as in process, so it is read
// once, when the worker starts, and again only when the record's version moves on.
import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { checkerContext } from './checker-context.ts';
import {
  SOURCE_METHODS,
  fromWire,
  wireError,
  type CheckWorkerData,
  type FromCheckWorker,
  type SourceMethod,
  type ToCheckWorker,
} from './check-pool.ts';
import { checkText } from './check-text.ts';
import type { EvidenceSource } from './evidence-source.ts';
import { rankedCheckResultSchema, rankEvidenceSources } from './evidence-tiers.ts';

// Checking is background work next to the server's own thread, which answers every other
// request: on a busy machine it should get the CPU first. On Linux a nice value belongs to a
// thread, so this lowers this thread only (elsewhere it would lower the whole server).
if (process.platform === 'linux') os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);

const port = parentPort!;
const { budgetMs, tiers } = workerData as CheckWorkerData;
const post = (message: FromCheckWorker) => port.postMessage(message);

const calls = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
let lastCall = 0;

const ask = (method: SourceMethod, args: unknown[]) =>
  new Promise((resolve, reject) => {
    const call = ++lastCall;
    calls.set(call, { resolve, reject });
    post({ type: 'call', call, method, args });
  });

/**
 * Candidate events found during the current check, by query. Every question is work on the main
 * thread (a ranked search, about 1 ms on SQLite), and a text that repeats itself asks the same
 * ones again; within one check the record is read as it was when the check began.
 */
const candidates = new Map<string, Promise<unknown>>();
const MAX_CANDIDATE_QUERIES = 5_000;

const source = Object.fromEntries(
  SOURCE_METHODS.map((method) => [
    method,
    (...args: unknown[]) => {
      if (method !== 'candidateEvents') return ask(method, args);
      const key = JSON.stringify(args);
      let found = candidates.get(key);
      if (!found) {
        found = ask(method, args);
        if (candidates.size < MAX_CANDIDATE_QUERIES) candidates.set(key, found);
      }
      return found;
    },
  ]),
) as unknown as EvidenceSource;

async function check(id: number, text: string, includeSkipped: boolean): Promise<void> {
  candidates.clear();
  try {
    // The record is read (or re-read, when it changed) before the clock starts.
    await checkerContext(source);
    post({ type: 'started', id });
    const result = await checkText(text, source, { includeSkipped, budgetMs });
    // Validated and serialised here: for a long text that is tens of milliseconds the server's
    // event loop would otherwise spend on it.
    post({ type: 'done', id, json: JSON.stringify(rankedCheckResultSchema.parse(rankEvidenceSources(result, tiers))) });
  } catch (error) {
    post({ type: 'failed', id, error: wireError(error) });
  }
}

port.on('message', (message: ToCheckWorker) => {
  if (message.type === 'check') return void check(message.id, message.text, message.includeSkipped);
  const call = calls.get(message.call);
  calls.delete(message.call);
  if (message.error) call?.reject(fromWire(message.error));
  else call?.resolve(message.value);
});

// Read the record now: the first check should not wait for it. A failure here is met again,
// and reported, by the first check.
checkerContext(source).catch(() => {});
