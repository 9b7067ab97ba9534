// An in-memory index of what event search filters and counts on, as compressed bitmaps
// (roaring): for each type, area, actor, year and common word, the set of events that have it.
// A search is then a few bitmap intersections and a facet count is one intersection's
// cardinality per value: well under a millisecond for 1M events, where a pass over every
// event took 10-40 ms and held the event loop as long. The page's rows still come from the
// database; this answers which events match, in what order, and how many of each facet value.
//
// Events live in slots. A build gives slots in page order (date desc, id desc), so a page is
// the first slots of the answer. Catching up from the change log never moves a slot: a
// written event's old slot is dropped from `alive` and its new state takes a new slot at the
// end, kept in page order in a short list (`extras`) that pages merge in. Bitmaps keep dead
// slots, which never count: every answer is intersected with `alive`.
import roaring from 'roaring';
import { dateSpan } from '../domain/partial-date.ts';
import { AREAS, EVENT_TYPES } from '../domain/vocabulary.ts';
import type { FacetField, Facets } from './record-store.ts';

const { RoaringBitmap32 } = roaring;
export type Bitmap = InstanceType<typeof RoaringBitmap32>;

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
  /** Slots of the events matching the full-text query, when there is one (see slotsOf). */
  matching?: Bitmap;
  from?: string;
  to?: string;
  types?: string[];
  areas?: string[];
  /** One list per actor filter: an event must name one of each list's names. */
  actors?: string[][];
  /** The last event of the previous page. */
  after?: { date: string; id: string };
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
const dateKey = (date: string) => partsKey(Number(date.slice(0, 4)), Number(date.slice(5, 7) || 0), Number(date.slice(8, 10) || 0));

/** dateKey of a year, month (0 for none) and day (0 for none). */
const partsKey = (year: number, month: number, day: number) => (year * 13 + month) * 32 + day;

/** Page order: newest first, then the greater id first, as SQL's ORDER BY date DESC, id DESC. */
const comesBefore = (keyA: number, idA: string, keyB: number, idB: string) => keyA > keyB || (keyA === keyB && idA > idB);

/**
 * Page order as a sort comparator. Ids and dates are ASCII (kebab-case ids, ISO dates), so
 * JavaScript's string order is the database's.
 */
export const inPageOrder = (a: { date: string; id: string }, b: { date: string; id: string }): number =>
  comesBefore(dateKey(a.date), a.id, dateKey(b.date), b.id) ? -1 : comesBefore(dateKey(b.date), b.id, dateKey(a.date), a.id) ? 1 : 0;

// Areas and types index fixed arrays of bitmaps; checked so a longer vocabulary fails loudly.
if (AREAS.length > 64 || EVENT_TYPES.length > 64) throw new Error('event-index expects short vocabularies');

/** A copy of `column` with room for `size` entries. */
function grown<T extends Int32Array>(column: T, size: number): T {
  if (size <= column.length) return column;
  const bigger = new (column.constructor as new (n: number) => T)(Math.max(size, column.length * 2, 1024));
  bigger.set(column);
  return bigger;
}

const EMPTY = new RoaringBitmap32();

export class EventIndex {
  /** Slots given so far; slots [0, ordered) are in page order. */
  private slots = 0;
  private ordered = 0;
  /** Live slots from catching up (>= ordered), in page order. */
  private extras: number[] = [];
  private ids: string[] = [];
  private dateKeys = new Int32Array(0);
  private starts = new Int32Array(0);
  private ends = new Int32Array(0);
  /** The live slot of each event id. */
  private readonly slotOf = new Map<string, number>();
  /** The live slot of each SQLite rowid, or -1 (an array: rowids are dense). */
  private slotOfRowid = new Int32Array(0);
  /** Each slot's SQLite rowid, by which a page's rows are read (quicker than by id). */
  private rowids = new Int32Array(0);
  private readonly alive = new RoaringBitmap32();
  private readonly byType = EVENT_TYPES.map(() => new RoaringBitmap32());
  private readonly byArea = AREAS.map(() => new RoaringBitmap32());
  private readonly byActor: Bitmap[] = [];
  private readonly actorNames: string[] = [];
  private readonly actorCode = new Map<string, number>();
  private readonly byYear = new Map<number, Bitmap>();
  /** Postings of common words and prefixes (see word-postings-plan.ts), by normalised query string. */
  private readonly postings = new Map<string, Bitmap>();
  private filled = 0;

  constructor(
    public version: string,
    /** True when rows come with SQLite rowids, so full-text matches can be given as rowids. */
    readonly byRowid: boolean,
  ) {}

  /** An index of these rows alone (any order), for a query's few matches. */
  static of(rows: IndexedEventRow[], version: string): EventIndex {
    const index = new EventIndex(version, false);
    for (const row of [...rows].sort(inPageOrder)) index.order(row.id);
    for (const row of rows) index.fill(row);
    return index;
  }

  get size(): number {
    return this.alive.size;
  }

  /** Writes since the build: each left a dead slot and maybe an extra one. */
  get changedSinceBuild(): number {
    return this.slots - this.alive.size + this.extras.length;
  }

  /** Build, pass 1: the next id in page order. */
  order(id: string): void {
    const slot = this.slots++;
    this.ordered = this.slots;
    this.ids[slot] = id;
    this.slotOf.set(id, slot);
  }

  /** Build, pass 2: one row's columns, in any order; false when pass 1 did not see it (a write came between). */
  fill(row: IndexedEventRow): boolean {
    const slot = this.slotOf.get(row.id);
    if (slot === undefined) return false;
    this.filled++;
    this.place(slot, row);
    return true;
  }

  /** False when pass 2 missed some event of pass 1 (deleted between the passes): the build is void. */
  complete(): boolean {
    return this.filled === this.slots;
  }

  private place(slot: number, row: IndexedEventRow): void {
    const size = slot + 1;
    this.dateKeys = grown(this.dateKeys, size);
    this.starts = grown(this.starts, size);
    this.ends = grown(this.ends, size);
    this.dateKeys[slot] = dateKey(row.date);
    const year = Number(row.date.slice(0, 4));
    this.starts[slot] = dayNumber(row.date_start);
    this.ends[slot] = dayNumber(row.date_end);
    this.alive.add(slot);
    this.byType[EVENT_TYPES.indexOf(row.type as (typeof EVENT_TYPES)[number])]?.add(slot);
    for (const area of JSON.parse(row.areas) as string[]) this.byArea[AREAS.indexOf(area as (typeof AREAS)[number])]?.add(slot);
    for (const actor of JSON.parse(row.actors) as string[]) {
      let code = this.actorCode.get(actor);
      if (code === undefined) {
        code = this.actorNames.push(actor) - 1;
        this.actorCode.set(actor, code);
        this.byActor.push(new RoaringBitmap32());
      }
      this.byActor[code]!.add(slot);
    }
    let inYear = this.byYear.get(year);
    if (!inYear) this.byYear.set(year, (inYear = new RoaringBitmap32()));
    inYear.add(slot);
    if (row.rowid !== undefined) {
      if (row.rowid >= this.slotOfRowid.length) {
        const bigger = new Int32Array(Math.max(row.rowid + 1, this.slotOfRowid.length * 2)).fill(-1);
        bigger.set(this.slotOfRowid);
        this.slotOfRowid = bigger;
      }
      this.slotOfRowid[row.rowid] = slot;
      this.rowids = grown(this.rowids, size);
      this.rowids[slot] = row.rowid;
    }
  }

  /**
   * Catching up: `changed` are the ids written since (created, updated or deleted), `rows` what
   * those that still exist hold now, and `matches` the ids among them that each common word
   * matches now. A common word not in `matches` loses its postings (they were learnt after the
   * caller asked), to be learnt again.
   */
  applyChanges(changed: Set<string>, rows: IndexedEventRow[], matches: Map<string, string[]>, version: string): void {
    for (const id of changed) {
      const slot = this.slotOf.get(id);
      if (slot === undefined) continue;
      this.alive.remove(slot);
      this.slotOf.delete(id);
      if (slot >= this.ordered) this.extras.splice(this.extras.indexOf(slot), 1);
    }
    for (const row of rows) {
      const slot = this.slots++;
      this.ids[slot] = row.id;
      this.slotOf.set(row.id, slot);
      this.place(slot, row);
      const key = this.dateKeys[slot]!;
      let at = 0;
      while (at < this.extras.length && this.before(this.extras[at]!, key, row.id)) at++;
      this.extras.splice(at, 0, slot);
    }
    // Words may share one bitmap (prefixes covering the same terms): a write can set them apart,
    // so a shared bitmap is copied before it changes.
    const holders = new Map<Bitmap, number>();
    for (const slots of this.postings.values()) holders.set(slots, (holders.get(slots) ?? 0) + 1);
    for (const [word, slots] of [...this.postings]) {
      const ids = matches.get(word);
      if (!ids) this.postings.delete(word);
      else if (ids.length) {
        const own = holders.get(slots)! > 1 ? slots.clone() : slots;
        for (const id of ids) own.add(this.slotOf.get(id)!);
        this.postings.set(word, own);
      }
    }
    this.version = version;
  }

  /** True when the event in `slot` comes before (key, id) in page order. */
  private before(slot: number, key: number, id: string): boolean {
    return comesBefore(this.dateKeys[slot]!, this.ids[slot]!, key, id);
  }

  /** The slots of these events (rowids or ids), skipping any this version does not hold. */
  slotsOf(events: { rowids: number[] } | { ids: string[] }): Bitmap {
    const slots: number[] = [];
    if ('rowids' in events) {
      for (const rowid of events.rowids) {
        const slot = this.slotOfRowid[rowid] ?? -1;
        if (slot >= 0) slots.push(slot);
      }
      // A deleted event's rowid still names its dead slot.
      return RoaringBitmap32.and(new RoaringBitmap32(slots), this.alive);
    } else {
      for (const id of events.ids) {
        const slot = this.slotOf.get(id);
        if (slot !== undefined) slots.push(slot);
      }
    }
    return new RoaringBitmap32(slots);
  }

  /** The SQLite rowid of each of these events, by their live slots (byRowid indexes only). */
  rowidsOf(ids: string[]): number[] {
    return ids.map((id) => this.rowids[this.slotOf.get(id)!]!);
  }

  /** Postings learnt for a common word or prefix (see word-postings-plan.ts). */
  postingsOf(word: string): Bitmap | undefined {
    return this.postings.get(word);
  }

  learn(word: string, slots: Bitmap): void {
    this.postings.set(word, slots);
  }

  /** The words whose postings are kept, and their total size in bytes (a shared bitmap counted once). */
  learnt(): { words: string[]; bytes: number } {
    let bytes = 0;
    for (const slots of new Set(this.postings.values())) bytes += slots.getSerializationSizeInBytes('croaring');
    return { words: [...this.postings.keys()], bytes };
  }

  search(q: IndexQuery): IndexAnswer {
    const filters: Bitmap[] = [];
    if (q.matching) filters.push(q.matching);
    if (q.from || q.to)
      filters.push(this.withinDates(q.from ? dayNumber(dateSpan(q.from).start) : 0, q.to ? dayNumber(dateSpan(q.to).end) : 1e8));
    if (q.types?.length)
      filters.push(
        RoaringBitmap32.orMany(q.types.map((t) => this.byType[EVENT_TYPES.indexOf(t as (typeof EVENT_TYPES)[number])] ?? EMPTY)),
      );
    // An area no event can have matches nothing, as in SQL.
    for (const area of q.areas ?? []) filters.push(this.byArea[AREAS.indexOf(area as (typeof AREAS)[number])] ?? EMPTY);
    for (const names of q.actors ?? [])
      filters.push(RoaringBitmap32.orMany(names.flatMap((name) => this.byActor[this.actorCode.get(name) ?? -1] ?? [])));
    // Smallest first: each intersection then costs at most the smaller side.
    filters.sort((a, b) => a.size - b.size);
    let answer: Bitmap = this.alive;
    for (const filter of filters) answer = RoaringBitmap32.and(answer, filter);

    const facets: Facets = {};
    for (const field of q.facets) facets[field] = this.facetCounts(answer, field, q.facetLimit);
    return { ids: this.page(answer, q.after, q.limit + 1), total: answer.size, facets };
  }

  /**
   * Slots whose span meets [from, to] (day numbers; 0 and 1e8 when unbounded), without looking
   * at events one by one (that took a sixth of a search's time): ordered slots are in
   * descending date key, a month alone sorting just before its days and a year alone before
   * its months, so each bound keeps a few runs of them.
   * - A span ends on or after `from` (day d of month m of year y) when its key is at least
   *   (y, m, d), or it is month m or year y alone: those end after `from`, earlier ones before.
   * - A span starts on or before `to` when its key is at most to's: a month or a year alone
   *   starts on its first day, so it sorts no later than its start.
   * The extras (written since the build, outside page order) are checked one by one.
   */
  private withinDates(from: number, to: number): Bitmap {
    const result = new RoaringBitmap32();
    if (from > 0) {
      const [year, month, day] = [Math.floor(from / 10_000), Math.floor(from / 100) % 100, from % 100];
      result.addRange(
        0,
        this.firstOrdered((slot) => this.dateKeys[slot]! < partsKey(year, month, day)),
      );
      for (const alone of [partsKey(year, month, 0), partsKey(year, 0, 0)])
        result.addRange(
          this.firstOrdered((slot) => this.dateKeys[slot]! <= alone),
          this.firstOrdered((slot) => this.dateKeys[slot]! < alone),
        );
    } else result.addRange(0, this.ordered);
    if (to < 1e8) {
      const last = partsKey(Math.floor(to / 10_000), Math.floor(to / 100) % 100, to % 100);
      result.removeRange(
        0,
        this.firstOrdered((slot) => this.dateKeys[slot]! <= last),
      );
    }
    result.addMany(this.extras.filter((slot) => this.ends[slot]! >= from && this.starts[slot]! <= to));
    return result;
  }

  /** The first ordered slot for which `holds` is true, given it holds for every slot after it. */
  private firstOrdered(holds: (slot: number) => boolean): number {
    let lo = 0;
    let hi = this.ordered;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (holds(mid)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Up to `count` ids of the answer after the cursor, in page order: ordered slots merged with extras. */
  private page(answer: Bitmap, after: IndexQuery['after'], count: number): string[] {
    let start = 0;
    let extras = this.extras.filter((slot) => answer.has(slot));
    if (after) {
      const key = dateKey(after.date);
      start = this.firstOrdered((slot) => comesBefore(key, after.id, this.dateKeys[slot]!, this.ids[slot]!));
      extras = extras.filter((slot) => comesBefore(key, after.id, this.dateKeys[slot]!, this.ids[slot]!));
    }
    const skip = start === 0 ? 0 : answer.rank(start - 1);
    const ordered = [...answer.rangeUint32Array(skip, count)].filter((slot) => slot < this.ordered);
    const ids: string[] = [];
    for (let i = 0, j = 0; ids.length < count && (i < ordered.length || j < extras.length);) {
      const takeExtra =
        i === ordered.length || (j < extras.length && this.before(extras[j]!, this.dateKeys[ordered[i]!]!, this.ids[ordered[i]!]!));
      ids.push(this.ids[takeExtra ? extras[j++]! : ordered[i++]!]!);
    }
    return ids;
  }

  private facetCounts(answer: Bitmap, field: FacetField, limit: number): { value: string; count: number }[] {
    const count = (bitmaps: Iterable<[string, Bitmap]>) => {
      const counts: { value: string; count: number }[] = [];
      for (const [value, bitmap] of bitmaps) {
        const n = answer.andCardinality(bitmap);
        if (n > 0) counts.push({ value, count: n });
      }
      return counts.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, limit);
    };
    if (field === 'type') return count(EVENT_TYPES.map((t, i) => [t, this.byType[i]!]));
    if (field === 'area') return count(AREAS.map((a, i) => [a, this.byArea[i]!]));
    if (field === 'actor') return count(this.actorNames.map((name, i) => [name, this.byActor[i]!]));
    return count([...this.byYear].map(([year, bitmap]) => [String(year).padStart(4, '0'), bitmap]));
  }
}
