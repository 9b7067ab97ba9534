import type { Command } from 'commander';
import type { EventRecord } from '../../domain/schemas.ts';
import { AREAS, EVENT_TYPES, type Area, type EventType } from '../../domain/vocabulary.ts';
import type { EventQuery, RecordStore } from '../../store/record-store.ts';
import { collectArg, oneOfArg, partialDateArg, positiveIntArg } from '../cli-values.ts';
import { withStore } from '../open-cli-store.ts';

interface EventsOptions {
  q?: string;
  from?: string;
  to?: string;
  area?: string[];
  type?: string[];
  actor?: string[];
  limit?: number;
  json?: boolean;
}

export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('list events, newest first')
    .option('--q <text>', 'full-text search over title, summary and aliases')
    .option('--from <date>', 'on or after (YYYY, YYYY-MM or YYYY-MM-DD)', partialDateArg)
    .option('--to <date>', 'on or before', partialDateArg)
    .option('--area <area>', 'area (repeat or comma-separate for several)', oneOfArg(AREAS, 'area'))
    .option('--type <type>', 'event type', oneOfArg(EVENT_TYPES, 'event type'))
    .option('--actor <name>', 'party id or name', collectArg)
    .option('--limit <n>', 'at most this many', positiveIntArg)
    .option('--json', 'print JSON')
    .action(async (options: EventsOptions, command: Command) => {
      const query: EventQuery = {
        q: options.q,
        from: options.from,
        to: options.to,
        areas: options.area as Area[] | undefined,
        types: options.type as EventType[] | undefined,
        actors: options.actor,
      };
      const events = await withStore(command, (store) => allEvents(store, query, options.limit));
      if (options.json) {
        process.stdout.write(JSON.stringify(events, null, 2) + '\n');
        return;
      }
      for (const e of events) process.stdout.write(`${e.date.padEnd(10)}  ${e.type.padEnd(11)}  ${e.title}  [${e.id}]\n`);
      process.stdout.write(`${events.length} event${events.length === 1 ? '' : 's'}\n`);
    });
}

async function allEvents(store: RecordStore, query: EventQuery, limit = Infinity): Promise<EventRecord[]> {
  const events: EventRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.searchEvents({ ...query, cursor, limit: Math.min(500, limit - events.length) });
    events.push(...page.items);
    cursor = page.next ?? undefined;
  } while (cursor && events.length < limit);
  return events;
}
