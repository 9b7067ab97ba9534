// GET /api/feed.atom: an Atom feed of what changes in the record: each entry of the change log
// (newest first), and each commitment that turned overdue, dated the day after its deadline.
// Feed readers poll it; the calendar feed (/api/deadlines.ics) lists deadlines ahead instead.
import type { FastifyInstance } from 'fastify';
import { Feed } from 'feed';
import { changeFromRow, type Change } from '../../changelog/change-log.ts';
import { auditDb } from '../../changelog/change-tables.ts';
import type { RecordStore } from '../../store/record-store.ts';
import type { Tracking } from '../tracking.ts';

const CHANGES = 50;
const ENTRIES = 100;
const DAY = 86_400_000;

const PAGE_OF: Record<string, (id: string) => string> = {
  events: (id) => `/?event=${encodeURIComponent(id)}`,
  agreements: (id) => `/agreements/${encodeURIComponent(id)}`,
  commitments: (id) => `/commitments/${encodeURIComponent(id)}`,
};

interface Entry {
  id: string;
  title: string;
  link: string;
  date: Date;
  description: string;
}

function titleOf(change: Change): string {
  const record = (change.after ?? change.before) as { title?: unknown; name?: unknown; description?: unknown } | null;
  const name = record?.title ?? record?.name ?? record?.description;
  return typeof name === 'string' ? name : (change.record_id ?? change.action);
}

function changeEntry(change: Change, origin: string): Entry {
  const page = change.kind && change.record_id ? PAGE_OF[change.kind]?.(change.record_id) : undefined;
  const what = change.kind && change.record_id ? `${change.kind}/${change.record_id}` : 'the record';
  return {
    id: `${origin}/api/changes#${change.seq}`,
    title: `${change.action}: ${titleOf(change)}`,
    link: origin + (page ?? `/api/changes?since=${change.seq - 1}&limit=1`),
    date: new Date(change.at),
    description: `${what} ${change.action === 'import' ? 'imported' : `${change.action}d`} by ${change.actor} (change ${change.seq}).`,
  };
}

export function registerFeedRoutes(app: FastifyInstance, store: RecordStore, tracking: Tracking): void {
  app.get(
    '/api/feed.atom',
    { schema: { tags: ['commitments'], summary: 'Record changes and commitments turning overdue, as an Atom feed' } },
    async (request, reply) => {
      const origin = `${request.protocol}://${request.host}`;
      const [rows, overdue] = await Promise.all([
        auditDb(store.db).selectFrom('changes').selectAll().orderBy('seq', 'desc').limit(CHANGES).execute(),
        tracking.commitments({ status: 'overdue' }),
      ]);
      const entries: Entry[] = rows.map((row) => changeEntry(changeFromRow(row), origin));
      for (const c of overdue) {
        if (!c.deadline) continue;
        entries.push({
          id: `${origin}/commitments/${encodeURIComponent(c.id)}#overdue`,
          title: `Overdue: ${c.description}`,
          link: `${origin}/commitments/${encodeURIComponent(c.id)}`,
          date: new Date(Date.parse(`${c.deadline}T00:00:00Z`) + DAY),
          description: `Due ${c.due}; ${c.obligor} to ${c.beneficiary}. No delivery recorded reaches what was promised.`,
        });
      }
      entries.sort((a, b) => b.date.getTime() - a.date.getTime());
      const shown = entries.slice(0, ENTRIES);
      const feed = new Feed({
        id: `${origin}/`,
        title: 'Pactwatch: record changes and overdue commitments',
        link: `${origin}/`,
        language: 'en',
        updated: shown[0]?.date ?? new Date(0),
        feedLinks: { atom: `${origin}/api/feed.atom` },
        copyright: 'Quotes belong to their sources.',
        generator: 'Pactwatch',
      });
      for (const entry of shown) feed.addItem({ ...entry, guid: entry.id });
      return reply.type('application/atom+xml; charset=utf-8').send(feed.atom1());
    },
  );
}
