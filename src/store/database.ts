// Table types for Kysely. Events keep their searchable and filterable fields in columns;
// the small kinds keep the whole record as canonical JSON in `data`, next to the columns
// their filters use. List fields of events are JSON text too, with join tables
// (event_areas, event_actors) for indexed filtering and facets.

export interface EventsTable {
  id: string;
  date: string;
  date_start: string;
  date_end: string;
  type: string;
  title: string;
  title_uk: string | null;
  summary: string;
  summary_uk: string | null;
  /** JSON lists of strings, in the full-text index with title and summary (migration 004). */
  aliases: string;
  aliases_uk: string;
  actors: string;
  areas: string;
  sources: string;
}

export interface EventAreasTable {
  event_id: string;
  area: string;
}

export interface EventActorsTable {
  event_id: string;
  actor: string;
}

export interface PartiesTable {
  id: string;
  name: string;
  data: string;
}

export interface AgreementsTable {
  id: string;
  signed: string;
  data: string;
}

export interface CommitmentsTable {
  id: string;
  agreement_id: string;
  obligor: string;
  beneficiary: string;
  area: string;
  due_end: string | null;
  data: string;
}

export interface DeliveriesTable {
  id: string;
  commitment_id: string;
  date: string;
  data: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  events: EventsTable;
  event_areas: EventAreasTable;
  event_actors: EventActorsTable;
  parties: PartiesTable;
  agreements: AgreementsTable;
  commitments: CommitmentsTable;
  deliveries: DeliveriesTable;
  meta: MetaTable;
}
