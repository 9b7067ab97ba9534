// A worker thread starts without its parent's module hooks, so it could not load our
// TypeScript: this registers tsx in the worker, then loads the module named in workerData.
import { register } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

register();
await import(workerData.module);
