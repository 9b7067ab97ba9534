// An in-memory, column-wise copy of what event search filters and counts on: for each event,
// in newest-first order, its date span, type, areas and actors. Counting facets over a large
// record is then one pass over typed arrays (a few ms for 1M events) instead of SQL joins over
// the link tables (seconds for a broad query on SQLite). Full-text matching and the page's
// rows still come from the database; this answers only which positions match, in what order,
// and how many of each facet value.
//
// An index describes one version of the record (the change log's head); the store builds a
// new one when the version moves on and answers from SQL until it is ready.
import { dateSpan } from '../domain/partial-date.ts';
import { AREAS, EVENT_TYPES } from '../domain/vocabulary.ts';
import type { FacetField, Facets } from './record-store.ts';

/** What the index needs of one event, as stored (areas and actors as JSON lists). */
export interface IndexedEventRow {
  id: string;
  date: string;
  date_start: string;
  date_end: string;
  type: string;
  areas: string;
  actors: string;
  /** SQLite's rowid, which its full-text index returns without touching the events table. */
  rowid?: number;
}

export interface IndexQuery {
  /** Events matching the full-text query, when there is one: by id, or by rowid (SQLite). */
  matching?: { ids: string[] } | { rowids: number[] };
  from?: string;
  to?: string;
  types?: string[];
  areas?: string[];
  /** One list per actor filter: an event must name one of each list's names. */
  actors?: string[][];
  /** The id of the last event of the previous page. */
  after?: string;
  limit: number;
  facets: FacetField[];
  facetLimit: number;
}

export interface IndexAnswer {
  /** Ids of the page, newest first, with one more than `limit` when there is a next page. */
  ids: string[];
  total: number;
  facets: Facets;
}

/** A date as a number that orders like the date: 2008-04-03 -> 20080403. */
const dayNumber = (isoDay: string) => Number(isoDay.slice(0, 4) + isoDay.slice(5, 7) + isoDay.slice(8, 10));

/** A partial date as a number that orders as its text does: "2008" < "2008-01" < "2008-01-01". */
const dateKey = (date: string) => (Number(date.slice(0, 4)) * 13 + Number(date.slice(5, 7) || 0)) * 32 + Number(date.slice(8, 10) || 0);

/** Page order: newest first, then the greater id first, as SQL's ORDER BY date DESC, id DESC. */
const comesBefore = (keyA: number, idA: string, keyB: number, idB: string) => keyA > keyB || (keyA === keyB && idA > idB);

/**
 * Page order as a sort comparator. Ids and dates are ASCII (kebab-case ids, ISO dates), so
 * JavaScript's string order is the database's.
 */
export const inPageOrder = (a: { date: string; id: string }, b: { date: string; id: string }): number =>
  comesBefore(dateKey(a.date), a.id, dateKey(b.date), b.id) ? -1 : comesBefore(dateKey(b.date), b.id, dateKey(a.date), a.id) ? 1 : 0;

// Areas fit one 32-bit mask per event; checked here so a longer vocabulary fails loudly.
if (AREAS.length > 32) throw new Error('event-index keeps areas in a 32-bit mask');

/**
 * Built in two passes: first the ids in the order search pages them (date desc, id desc, as
 * the database orders them), then every row's columns, in any order, from a row or copied from
 * an earlier index (whose actor codes it then keeps).
 */
export class EventIndexBuilder {
  private readonly ids: string[] = [];
  private positionOf?: Map<string, number>;
  private c?: BuildColumns;
  private filled = 0;
  private maxRowid = 0;

  constructor(private readonly earlier?: EventIndex) {}

  /** Pass 1: ids, newest first. Returns the id's position. */
  order(id: string): number {
    return this.ids.push(id) - 1;
  }

  /** Pass 2: the columns of one row; false when the row was not in pass 1 (a write came between). */
  fill(row: IndexedEventRow): boolean {
    this.positionOf ??= positionsOf(this.ids);
    const p = this.positionOf.get(row.id);
    if (p === undefined) return false;
    this.fillAt(row, p);
    return true;
  }

  /** Pass 2 for a row whose position the caller knows. */
  fillAt(row: IndexedEventRow, p: number): void {
    const c = this.columns();
    this.filled++;
    c.dateKeys[p] = dateKey(row.date);
    c.years[p] = Number(row.date.slice(0, 4));
    c.starts[p] = dayNumber(row.date_start);
    c.ends[p] = dayNumber(row.date_end);
    c.types[p] = EVENT_TYPES.indexOf(row.type as (typeof EVENT_TYPES)[number]);
    let mask = 0;
    for (const area of JSON.parse(row.areas) as string[]) {
      const bit = AREAS.indexOf(area as (typeof AREAS)[number]);
      if (bit >= 0) mask |= 1 << bit;
    }
    c.areaMasks[p] = mask >>> 0;
    for (const actor of new Set(JSON.parse(row.actors) as string[])) {
      let code = c.actorCode.get(actor);
      if (code === undefined) {
        code = c.actorNames.push(actor) - 1;
        c.actorCode.set(actor, code);
      }
      c.actorPairs.push(p, code);
    }
    if (row.rowid !== undefined) this.setRowid(p, row.rowid);
  }

  /** Pass 2 for an event unchanged since `earlier`: its columns there, at `from`, copied to `p`. */
  copy(from: number, p: number): void {
    const e = this.earlier!.columns;
    const c = this.columns();
    this.filled++;
    c.dateKeys[p] = e.dateKeys[from]!;
    c.years[p] = e.years[from]!;
    c.starts[p] = e.starts[from]!;
    c.ends[p] = e.ends[from]!;
    c.types[p] = e.types[from]!;
    c.areaMasks[p] = e.areaMasks[from]!;
    for (let i = e.actorOffsets[from]!; i < e.actorOffsets[from + 1]!; i++) c.actorPairs.push(p, e.actorCodes[i]!);
    if (e.rowids[from]) this.setRowid(p, e.rowids[from]!);
  }

  private setRowid(p: number, rowid: number): void {
    this.columns().rowids[p] = rowid;
    this.maxRowid = Math.max(this.maxRowid, rowid);
  }

  /** Undefined when pass 2 did not fill every position (rows deleted between the passes). */
  finish(version: string): EventIndex | undefined {
    const n = this.ids.length;
    if (this.filled !== n) return undefined;
    const c = this.columns();
    // (position, actor) pairs came in id order; a counting sort lays them out by position.
    const pairs = c.actorPairs.view();
    const actorOffsets = new Uint32Array(n + 1);
    for (let i = 0; i < pairs.length; i += 2) actorOffsets[pairs[i]! + 1]!++;
    for (let p = 0; p < n; p++) actorOffsets[p + 1]! += actorOffsets[p]!;
    const actorCodes = new Uint32Array(pairs.length / 2);
    const cursor = actorOffsets.slice(0, n);
    for (let i = 0; i < pairs.length; i += 2) actorCodes[cursor[pairs[i]!]!++] = pairs[i + 1]!;
    // Rowids index an array when they are dense enough; with sparse ones, matches come by id.
    let positionOfRowid: Int32Array | undefined;
    if (this.maxRowid > 0 && this.maxRowid <= 4 * n + 1024) {
      positionOfRowid = new Int32Array(this.maxRowid + 1).fill(-1);
      for (let p = 0; p < n; p++) positionOfRowid[c.rowids[p]!] = p;
    }
    const { actorPairs: _, ...columns } = c;
    return new EventIndex(version, { ...columns, ids: this.ids, actorOffsets, actorCodes, positionOfRowid }, this.positionOf);
  }

  /** Sized once pass 1 is over. */
  private columns(): BuildColumns {
    if (this.c) return this.c;
    const n = this.ids.length;
    const actorNames = [...(this.earlier?.columns.actorNames ?? [])];
    return (this.c = {
      dateKeys: new Int32Array(n),
      years: new Uint16Array(n),
      starts: new Int32Array(n),
      ends: new Int32Array(n),
      types: new Int8Array(n),
      areaMasks: new Uint32Array(n),
      actorPairs: new GrowingUint32Array(),
      actorNames,
      actorCode: new Map(actorNames.map((name, code) => [name, code])),
      rowids: new Int32Array(n),
    });
  }
}

/** Pairs in a Uint32Array that doubles as it fills: a million events' actor links without a million arrays. */
class GrowingUint32Array {
  private data = new Uint32Array(64);
  private length = 0;
  push(a: number, b: number): void {
    if (this.length + 2 > this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = a;
    this.data[this.length++] = b;
  }
  view(): Uint32Array {
    return this.data.subarray(0, this.length);
  }
}

type BuildColumns = Omit<Columns, 'ids' | 'positionOfRowid' | 'actorOffsets' | 'actorCodes'> & {
  actorPairs: GrowingUint32Array;
};

interface Columns {
  ids: string[];
  /** Where each SQLite rowid is, when rowids are dense enough to index an array. */
  positionOfRowid?: Int32Array;
  rowids: Int32Array;
  dateKeys: Int32Array;
  years: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  types: Int8Array;
  areaMasks: Uint32Array;
  actorOffsets: Uint32Array;
  actorCodes: Uint32Array;
  actorNames: string[];
  actorCode: Map<string, number>;
}

function positionsOf(ids: string[]): Map<string, number> {
  const positions = new Map<string, number>();
  ids.forEach((id, p) => positions.set(id, p));
  return positions;
}

export class EventIndex {
  constructor(
    readonly version: string,
    readonly columns: Columns,
    /** Where each id is; made on first need (a cursor, or matches given by id), as it is large. */
    private positionOf?: Map<string, number>,
  ) {}

  private position(id: string): number | undefined {
    this.positionOf ??= positionsOf(this.columns.ids);
    return this.positionOf.get(id);
  }

  get size(): number {
    return this.columns.ids.length;
  }

  /** True when full-text matches can be given as SQLite rowids. */
  get byRowid(): boolean {
    return this.columns.positionOfRowid !== undefined;
  }

  /**
   * This index with some events changed: `changed` are the ids written since (created, updated
   * or deleted) and `rows` what those that still exist hold now. One merge pass, where a new
   * build reads the whole table.
   */
  withChanges(changed: Set<string>, rows: IndexedEventRow[], version: string): EventIndex | undefined {
    const { ids, dateKeys } = this.columns;
    const added = rows.map((row) => ({ row, key: dateKey(row.date), at: -1 }));
    added.sort((a, b) => inPageOrder(a.row, b.row));
    const builder = new EventIndexBuilder(this);
    const kept = new Int32Array(ids.length).fill(-1);
    let next = 0;
    for (let p = 0; p < ids.length; p++) {
      if (changed.has(ids[p]!)) continue;
      for (; next < added.length && comesBefore(added[next]!.key, added[next]!.row.id, dateKeys[p]!, ids[p]!); next++)
        builder.order(added[next]!.row.id);
      kept[p] = builder.order(ids[p]!);
    }
    for (; next < added.length; next++) builder.order(added[next]!.row.id);
    for (let p = 0; p < ids.length; p++) if (kept[p]! >= 0) builder.copy(p, kept[p]!);
    for (const { row } of added) builder.fill(row);
    return builder.finish(version);
  }

  /** Undefined when `after` names an event this version does not hold: the caller asks SQL. */
  search(q: IndexQuery): IndexAnswer | undefined {
    const c = this.columns;
    const n = c.ids.length;
    let first = 0;
    if (q.after !== undefined) {
      const at = this.position(q.after);
      if (at === undefined) return undefined;
      first = at + 1;
    }
    // With a full-text query only its matches are visited, in page order; otherwise every event.
    let visit: Int32Array | undefined;
    if (q.matching) {
      const found: number[] = [];
      if ('rowids' in q.matching) {
        for (const rowid of q.matching.rowids) {
          const p = c.positionOfRowid![rowid] ?? -1;
          if (p >= 0) found.push(p);
        }
      } else {
        for (const id of q.matching.ids) {
          const p = this.position(id);
          if (p !== undefined) found.push(p);
        }
      }
      visit = Int32Array.from(found).sort();
    }
    const from = q.from ? dayNumber(dateSpan(q.from).start) : -Infinity;
    const to = q.to ? dayNumber(dateSpan(q.to).end) : Infinity;
    let typeSet: Uint8Array | undefined;
    if (q.types?.length) {
      typeSet = new Uint8Array(EVENT_TYPES.length);
      for (const t of q.types) {
        const code = EVENT_TYPES.indexOf(t as (typeof EVENT_TYPES)[number]);
        if (code >= 0) typeSet[code] = 1;
      }
    }
    let areaNeed = 0;
    for (const area of q.areas ?? []) {
      const bit = AREAS.indexOf(area as (typeof AREAS)[number]);
      // An area no event can have matches nothing, as in SQL.
      if (bit < 0) return { ids: [], total: 0, facets: Object.fromEntries(q.facets.map((f) => [f, []])) };
      areaNeed = (areaNeed | (1 << bit)) >>> 0;
    }
    const actorSets = (q.actors ?? []).map((names) => new Set(names.flatMap((name) => c.actorCode.get(name) ?? [])));

    const counting = new Set(q.facets);
    const typeCounts = new Uint32Array(EVENT_TYPES.length);
    const areaCounts = new Uint32Array(AREAS.length);
    const actorCounts = new Uint32Array(c.actorNames.length);
    const yearCounts = new Map<number, number>();
    const page: string[] = [];
    let total = 0;

    const visits = visit ? visit.length : n;
    for (let v = 0; v < visits; v++) {
      const p = visit ? visit[v]! : v;
      if (c.ends[p]! < from || c.starts[p]! > to) continue;
      if (typeSet && typeSet[c.types[p]!] !== 1) continue;
      if (areaNeed && (c.areaMasks[p]! & areaNeed) >>> 0 !== areaNeed) continue;
      if (actorSets.length && !actorSets.every((set) => this.namesOne(p, set))) continue;
      total++;
      if (p >= first && page.length <= q.limit) page.push(c.ids[p]!);
      if (counting.has('type')) typeCounts[c.types[p]!]!++;
      if (counting.has('year')) yearCounts.set(c.years[p]!, (yearCounts.get(c.years[p]!) ?? 0) + 1);
      if (counting.has('area')) for (let m = c.areaMasks[p]!, bit = 0; m !== 0; m >>>= 1, bit++) if (m & 1) areaCounts[bit]!++;
      if (counting.has('actor')) for (let i = c.actorOffsets[p]!; i < c.actorOffsets[p + 1]!; i++) actorCounts[c.actorCodes[i]!]!++;
    }

    const facets: Facets = {};
    const ranked = (counts: [string, number][]) =>
      counts
        .filter(([, count]) => count > 0)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
        .slice(0, q.facetLimit)
        .map(([value, count]) => ({ value, count }));
    for (const field of q.facets) {
      facets[field] =
        field === 'type'
          ? ranked(EVENT_TYPES.map((t, i) => [t, typeCounts[i]!]))
          : field === 'area'
            ? ranked(AREAS.map((a, i) => [a, areaCounts[i]!]))
            : field === 'actor'
              ? ranked(c.actorNames.map((name, i) => [name, actorCounts[i]!]))
              : ranked([...yearCounts].map(([year, count]) => [String(year).padStart(4, '0'), count]));
    }
    return { ids: page, total, facets };
  }

  private namesOne(p: number, codes: Set<number>): boolean {
    const { actorOffsets, actorCodes } = this.columns;
    for (let i = actorOffsets[p]!; i < actorOffsets[p + 1]!; i++) if (codes.has(actorCodes[i]!)) return true;
    return false;
  }
}
