// The thread side of search-thread.ts: opens the server's database, builds the event index,
// then answers each search with the page as JSON text. Searches are answered as they come:
// one waiting on PostgreSQL lets the next begin.
import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../store/open-store.ts';
import { uncachedEventSearch } from './event-search.ts';
import { toWire, type FromSearchWorker, type SearchWorkerData, type ToSearchWorker } from './search-thread.ts';

const port = parentPort!;
const data = workerData as SearchWorkerData;
const post = (message: FromSearchWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

try {
  const store = await openStore(data.store);
  await store.enableEventIndex(data.eventIndexMinEvents);
  const search = uncachedEventSearch(store, data.tiers);
  port.on('message', (message: ToSearchWorker) => {
    if (message.type === 'close') return void store.close().finally(() => port.close());
    search.search(message.query, message.facets).then(
      // The answer's memory is its own (event-search.ts): moved to the main thread, not copied.
      (json) => post({ type: 'answer', id: message.id, json }, [json.buffer as ArrayBuffer]),
      (error: unknown) => post({ type: 'failed', id: message.id, error: toWire(error) }),
    );
  });
  post({ type: 'ready' });
} catch (error) {
  post({ type: 'start-failed', error: toWire(error) });
  port.close();
}
