// How each kind of record maps to CSV columns (CONTRACT.md: a header row, list fields joined
// with "|", `sources` as URLs joined with "|"). Nested values that a flat cell cannot hold
// losslessly also travel as JSON (`sources_json`, `provision`, `schedule`, `withdrawn`, `breach`,
// `offices`, `memberships`), so a CSV export
// imports back identical; a hand-written CSV may leave those columns out.
import type { RecordKind } from '../domain/vocabulary.ts';

type Cell = string;
type Raw = Record<string, unknown>;

interface Column {
  name: string;
  /** Needed in the header of a hand-written file. */
  required: boolean;
  write(record: Raw): Cell;
  /** Sets the record's field from the cell; a blank cell means absent. */
  read(cell: Cell, record: Raw): void;
}

// A search for the first non-space stops at once on most cells, where trim() copies each one.
const blank = (cell: Cell) => !/\S/.test(cell);

function text(name: string, required = false): Column {
  return {
    name,
    required,
    write: (r) => (r[name] == null ? '' : String(r[name])),
    read: (cell, r) => {
      if (!blank(cell)) r[name] = cell;
    },
  };
}

function number(name: string): Column {
  return {
    name,
    required: false,
    write: (r) => (r[name] == null ? '' : String(r[name])),
    read: (cell, r) => {
      // Left as text when not a number, so validation names the field and shows the value.
      if (!blank(cell)) r[name] = /^\s*-?\d+(\.\d+)?([eE][+-]?\d+)?\s*$/.test(cell) ? Number(cell) : cell;
    },
  };
}

/** "true" or "false"; anything else is kept as text so validation names the field. */
function boolean(name: string): Column {
  return {
    name,
    required: false,
    write: (r) => (r[name] == null ? '' : String(r[name])),
    read: (cell, r) => {
      if (!blank(cell)) r[name] = cell.trim() === 'true' ? true : cell.trim() === 'false' ? false : cell;
    },
  };
}

function list(name: string, required = false): Column {
  return {
    name,
    required,
    write: (r) => ((r[name] as string[] | undefined) ?? []).join('|'),
    read: (cell, r) => {
      r[name] = blank(cell) ? [] : cell.split('|').map((v) => v.trim());
    },
  };
}

function json(name: string): Column {
  return {
    name,
    required: false,
    write: (r) => (r[name] == null ? '' : JSON.stringify(r[name])),
    read: (cell, r) => {
      if (blank(cell)) return;
      try {
        r[name] = JSON.parse(cell);
      } catch {
        r[name] = cell; // validation reports it as the wrong type for the field
      }
    },
  };
}

/** `sources` holds the URLs; `sources_json`, when present, the full {url, quote, title} list. */
const sourceColumns: Column[] = [
  {
    name: 'sources',
    required: true,
    write: (r) => ((r.sources as { url: string }[] | undefined) ?? []).map((s) => s.url).join('|'),
    read: (cell, r) => {
      if (r.sources === undefined) r.sources = blank(cell) ? [] : cell.split('|').map((url) => ({ url: url.trim() }));
    },
  },
  {
    name: 'sources_json',
    required: false,
    write: (r) => JSON.stringify(r.sources ?? []),
    read: (cell, r) => {
      if (blank(cell)) return;
      try {
        r.sources = JSON.parse(cell);
      } catch {
        r.sources = cell;
      }
    },
  },
];

export const CSV_COLUMNS: Record<RecordKind, Column[]> = {
  events: [
    text('id', true),
    text('date', true),
    text('title', true),
    text('title_uk'),
    text('summary', true),
    text('summary_uk'),
    list('aliases'),
    list('aliases_uk'),
    text('type', true),
    list('actors', true),
    list('areas', true),
    ...sourceColumns,
  ],
  parties: [
    text('id', true),
    text('name', true),
    text('name_uk'),
    text('kind', true),
    text('iso2'),
    list('aliases'),
    json('offices'),
    json('memberships'),
    ...sourceColumns.map((c) => ({ ...c, required: false })),
  ],
  agreements: [
    text('id', true),
    text('title', true),
    text('title_uk'),
    list('aliases'),
    list('aliases_uk'),
    text('kind', true),
    list('parties', true),
    text('signed', true),
    text('place'),
    list('signatories'),
    text('in_force'),
    number('duration_years'),
    text('status', true),
    list('areas'),
    text('text_url'),
    list('event_ids'),
    ...sourceColumns,
  ],
  commitments: [
    text('id', true),
    text('agreement_id', true),
    json('provision'),
    text('obligor', true),
    text('beneficiary', true),
    text('area', true),
    text('description', true),
    number('amount'),
    text('currency'),
    number('quantity'),
    text('unit'),
    text('period_start'),
    text('due'),
    json('schedule'),
    json('withdrawn'),
    json('breach'),
    ...sourceColumns,
  ],
  deliveries: [
    text('id', true),
    text('commitment_id', true),
    text('date', true),
    number('amount'),
    text('currency'),
    number('quantity'),
    text('unit'),
    text('description', true),
    boolean('fulfils'),
    text('stage'),
    ...sourceColumns,
  ],
};

export function csvHeader(kind: RecordKind): string[] {
  return CSV_COLUMNS[kind].map((c) => c.name);
}

export function recordToCsvRow(kind: RecordKind, record: object): string[] {
  return CSV_COLUMNS[kind].map((c) => c.write(record as Raw));
}

/** The required columns a header lacks. */
export function missingColumns(kind: RecordKind, header: string[]): string[] {
  return CSV_COLUMNS[kind].filter((c) => c.required && !header.includes(c.name)).map((c) => c.name);
}

/**
 * Compiles, once per file, the function that builds an unvalidated record from a row's cells
 * in the order `header` names the columns.
 */
export function csvRecordReader(kind: RecordKind, header: string[]): (cells: string[]) => Raw {
  // sources_json first, so that a full list wins over the bare URLs.
  const readers = CSV_COLUMNS[kind]
    .map((column) => ({ column, index: header.indexOf(column.name) }))
    .filter((r) => r.index !== -1)
    .sort((a, b) => Number(b.column.name === 'sources_json') - Number(a.column.name === 'sources_json'));
  return (cells) => {
    const record: Raw = {};
    for (const { column, index } of readers) column.read(cells[index]!, record);
    return record;
  };
}
