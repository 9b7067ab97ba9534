// Starts one of our modules in a worker thread, from the compiled code (dist/) or the sources.
// The compiled module is plain JavaScript and runs as it is. From the sources (tests, tsx) it is
// TypeScript, and a worker starts without its parent's module hooks, so it starts through
// bin/typescript-worker.js, which registers tsx first and then loads workerData.module.
import { extname } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker running the module `name` (no extension) in the folder of `from`, an import.meta.url. */
export function startWorker(name: string, from: string, options: WorkerOptions = {}): Worker {
  const module = new URL(`./${name}${extname(from)}`, from);
  const entry = extname(from) === '.js' ? module : new URL('../bin/typescript-worker.js', import.meta.url);
  return new Worker(entry, { ...options, workerData: { ...options.workerData, module: module.href } });
}
