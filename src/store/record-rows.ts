// Converting between canonical records and table rows, one mapping per kind.
import { dateSpan } from '../domain/partial-date.ts';
import type { Agreement, Commitment, Delivery, EventRecord, Party, RecordTypes } from '../domain/schemas.ts';
import type { RecordKind } from '../domain/vocabulary.ts';
import type { Database, EventsTable } from './database.ts';

type Row<K extends RecordKind> = Database[K];

export function eventToRow(e: EventRecord): EventsTable {
  const span = dateSpan(e.date);
  return {
    id: e.id,
    date: e.date,
    date_start: span.start,
    date_end: span.end,
    type: e.type,
    title: e.title,
    title_uk: e.title_uk,
    summary: e.summary,
    summary_uk: e.summary_uk,
    aliases: JSON.stringify(e.aliases),
    aliases_uk: JSON.stringify(e.aliases_uk),
    actors: JSON.stringify(e.actors),
    areas: JSON.stringify(e.areas),
    sources: JSON.stringify(e.sources),
  };
}

/** The columns a whole event is read back from. */
export const EVENT_RECORD_COLUMNS = [
  'id',
  'date',
  'type',
  'title',
  'title_uk',
  'summary',
  'summary_uk',
  'aliases',
  'aliases_uk',
  'actors',
  'areas',
  'sources',
] as const;

export function rowToEvent(r: Pick<EventsTable, (typeof EVENT_RECORD_COLUMNS)[number]>): EventRecord {
  return {
    id: r.id,
    date: r.date,
    title: r.title,
    title_uk: r.title_uk,
    summary: r.summary,
    summary_uk: r.summary_uk,
    aliases: JSON.parse(r.aliases),
    aliases_uk: JSON.parse(r.aliases_uk),
    type: r.type as EventRecord['type'],
    actors: JSON.parse(r.actors),
    areas: JSON.parse(r.areas),
    sources: JSON.parse(r.sources),
  };
}

/** Row builders for the kinds stored as JSON `data` plus their filter columns. */
export const DATA_ROWS = {
  parties: (p: Party): Row<'parties'> => ({ id: p.id, name: p.name, data: JSON.stringify(p) }),
  agreements: (a: Agreement): Row<'agreements'> => ({ id: a.id, signed: a.signed, data: JSON.stringify(a) }),
  commitments: (c: Commitment): Row<'commitments'> => ({
    id: c.id,
    agreement_id: c.agreement_id,
    obligor: c.obligor,
    beneficiary: c.beneficiary,
    area: c.area,
    due_end: c.due ? dateSpan(c.due).end : null,
    data: JSON.stringify(c),
  }),
  deliveries: (d: Delivery): Row<'deliveries'> => ({ id: d.id, commitment_id: d.commitment_id, date: d.date, data: JSON.stringify(d) }),
} satisfies { [K in Exclude<RecordKind, 'events'>]: (record: RecordTypes[K]) => Row<K> };

export type DataKind = keyof typeof DATA_ROWS;
