// The RecordStore over Kysely, shared by both dialects; what differs lives in the adapter.
import { Migrator, sql, type Kysely, type SelectQueryBuilder, type Transaction } from 'kysely';
import { canonicalJson } from '../changelog/canonical-json.ts';
import {
  recordsWrittenSince,
  recordVersionKey,
  SAMPLE_IDS,
  startImportLog,
  type ImportedRecord,
  type KindOutcome,
} from '../changelog/change-log.ts';
import { PactwatchError, type FieldProblem } from '../domain/errors.ts';
import { dateSpan } from '../domain/partial-date.ts';
import { nestedPartyReferences, type EventRecord, type Party, type RecordSet, type RecordTypes } from '../domain/schemas.ts';
import { RECORD_KINDS, type RecordKind } from '../domain/vocabulary.ts';
import type { Database } from './database.ts';
import { fullTextWords, type DialectAdapter, type EventBulkWriter } from './dialects/dialect-adapter.ts';
import { migrationProvider } from './migrations/index.ts';
import roaring from 'roaring';
import { decodeCursor, encodeCursor, type EventCursor } from './event-cursor.ts';
import { yieldToEventLoop } from './event-loop.ts';
import { planWordPostings, prefixCandidates } from './word-postings-plan.ts';
import { EventIndex, inPageOrder, type Bitmap, type IndexedEventRow, type IndexQuery } from './event-index.ts';
import { DATA_ROWS, EVENT_RECORD_COLUMNS, eventToRow, rowToEvent, type DataKind } from './record-rows.ts';
import type {
  EventPage,
  EventIndexTuning,
  EventQuery,
  FacetField,
  Facets,
  ImportOptions,
  ImportSummary,
  ListFilter,
  RecordBatch,
  RecordStore,
} from './record-store.ts';

/** Rows per INSERT statement: well under SQLite's 32,766 bound parameters at 12 columns. */
const ROWS_PER_INSERT = 500;
const FACET_LIMIT = 100;
export const MAX_PAGE_SIZE = 500;
/** Below this many events every word is worth ranking by. */
const COMMON_WORD_MIN_EVENTS = 10_000;
const COMMON_WORD_SHARE = 0.05;
const WORD_CACHE_SIZE = 10_000;
/** Below this many events SQL answers any search in milliseconds; an index would only cost memory. */
const EVENT_INDEX_MIN_EVENTS = 20_000;
/** Up to this many full-text matches, reading them all beats consulting the record's index. */
const FEW_MATCHES = 200;
/** Past this many writes at once, or since the index was built, a new build beats catching up. */
const EVENT_INDEX_MAX_CATCH_UP = 1000;
const EVENT_INDEX_MAX_CHANGED = 50_000;
/** Rows read per statement while building the index; the event loop serves requests between them. */
const EVENT_INDEX_CHUNK = 10_000;
/**
 * A word matching more events than this has its postings kept in the index: reading 100k
 * matches from the full-text index takes 13 ms on SQLite, 5,000 well under one.
 */
const COMMON_WORD_MATCHES = 5000;
/** Full-text matches read at once when learning a common word's postings. */
const MATCH_CHUNK = 50_000;
/** Events whose words are counted to find the common ones when the index is built. */
const WORD_SAMPLE = 20_000;
/** The most memory word postings may take. */
const MAX_POSTINGS_BYTES = 128 << 20;
/** Words asked of the full-text tokenizer at once while learning a build's postings. */
const QUERY_TERMS_CHUNK = 2000;
/** See VocabularyFacts.rarePerPrefix: reading this many matches takes a few ms. */
const RARE_EVENTS_PER_PREFIX = 20_000;

interface EventIndexState {
  minEvents: number;
  /** A full-text query with at most this many matches is answered from its matches alone. */
  fewMatches: number;
  commonWordMatches: number;
  current?: EventIndex;
  /** A version found too small to index, so it is not counted again. */
  small?: string;
  /** A catch-up or a build under way, and which. */
  building?: Promise<void>;
  rebuilding?: boolean;
}

const { RoaringBitmap32 } = roaring;

type EventsQuery = SelectQueryBuilder<Database, 'events', object>;

export class KyselyRecordStore implements RecordStore {
  readonly dialect;
  private eventCount = { value: 0, at: 0 };
  /** How many events each word matches, up to the cap; cleared whenever the count is refreshed. */
  private readonly wordMatches = new Map<string, number>();
  private eventIndex?: EventIndexState;
  /** Words being read from the full-text index now, by index version and word. */
  private readonly wordReads = new Map<string, Promise<Bitmap>>();

  constructor(
    readonly db: Kysely<Database>,
    private readonly adapter: DialectAdapter,
    private readonly onClose: () => Promise<void> = async () => {},
  ) {
    this.dialect = adapter.name;
  }

  async migrate(): Promise<string[]> {
    const migrator = new Migrator({ db: this.db, provider: migrationProvider(this.adapter) });
    const { error, results = [] } = await migrator.migrateToLatest();
    if (error) throw error;
    return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  async close(): Promise<void> {
    await this.eventIndex?.building;
    await this.db.destroy();
    await this.onClose();
  }

  async isEmpty(): Promise<boolean> {
    for (const kind of RECORD_KINDS) {
      const row = await this.db.selectFrom(kind).select('id').limit(1).executeTakeFirst();
      if (row) return false;
    }
    return true;
  }

  async importRecords(records: Partial<RecordSet>): Promise<ImportSummary> {
    return this.importBatches(batchesOf(records));
  }

  async importBatches(
    batches: AsyncIterable<RecordBatch> | Iterable<RecordBatch>,
    onProgress?: (rows: number) => void,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    const counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
    const outcome = Object.fromEntries(
      RECORD_KINDS.map((k): [RecordKind, KindOutcome] => [k, { created: 0, changed: 0, unchanged: 0, created_ids: [], changed_ids: [] }]),
    ) as Record<RecordKind, KindOutcome>;
    const load = () =>
      this.db.transaction().execute(async (trx) => {
        const log = await startImportLog(trx);
        // A kind that holds nothing yet needs no reading back: every record is new.
        const wasEmpty = {} as Record<RecordKind, boolean>;
        for (const kind of RECORD_KINDS) wasEmpty[kind] = !(await trx.selectFrom(kind).select('id').limit(1).executeTakeFirst());
        let eventWriter: EventBulkWriter | undefined;
        for await (const batch of batches) {
          log.add(batch);
          await log.records(batch.kind, await importedRecords(trx, batch, wasEmpty[batch.kind], outcome[batch.kind]));
          if (batch.kind === 'events' && this.adapter.openEventBulkWriter) {
            eventWriter ??= await this.adapter.openEventBulkWriter(trx);
            await eventWriter.write(batch as RecordBatch<'events'>);
          } else {
            for (let i = 0; i < batch.records.length; i += ROWS_PER_INSERT) {
              await upsert(trx, batch.kind, batch.records.slice(i, i + ROWS_PER_INSERT));
            }
          }
          counts[batch.kind] += batchSize(batch);
          onProgress?.(batchSize(batch));
        }
        await eventWriter?.finish();
        await assertReferencesResolve(trx);
        await log.finish(counts, outcome);
        if (options.dryRun) throw new DryRunDone();
      });
    try {
      await (this.adapter.aroundImport ? this.adapter.aroundImport(load) : load());
    } catch (error) {
      if (!(error instanceof DryRunDone)) throw error;
    }
    return { counts, outcome };
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordTypes[K] | undefined> {
    const [record] = await this.list(kind, { ids: [id] });
    return record;
  }

  async list<K extends RecordKind>(kind: K, filter: ListFilter = {}): Promise<RecordTypes[K][]> {
    if (filter.ids?.length === 0) return [];
    if (kind === 'events') {
      let query = this.db.selectFrom('events').selectAll().orderBy('date', 'desc').orderBy('id', 'desc');
      if (filter.ids) query = query.where('id', 'in', filter.ids);
      return (await query.execute()).map(rowToEvent) as RecordTypes[K][];
    }
    const table = kind as DataKind;
    let query = this.db.selectFrom(table).select(['id', 'data']).orderBy('id');
    if (filter.ids) query = query.where('id', 'in', filter.ids);
    if (table === 'commitments') {
      const q = query as unknown as SelectQueryBuilder<Database, 'commitments', { id: string; data: string }>;
      let c = q;
      if (filter.party) c = c.where((eb) => eb.or([eb('obligor', '=', filter.party!), eb('beneficiary', '=', filter.party!)]));
      if (filter.area) c = c.where('area', '=', filter.area);
      if (filter.agreement_id) c = c.where('agreement_id', '=', filter.agreement_id);
      query = c as unknown as typeof query;
    }
    if (table === 'deliveries' && filter.commitment_id) {
      const q = query as unknown as SelectQueryBuilder<Database, 'deliveries', { id: string; data: string }>;
      query = q.where('commitment_id', '=', filter.commitment_id) as unknown as typeof query;
    }
    return (await query.execute()).map((r) => JSON.parse(r.data));
  }

  async *iterate<K extends RecordKind>(kind: K, pageSize = 1000): AsyncIterable<RecordTypes[K]> {
    let after = '';
    for (;;) {
      const rows = await this.db
        .selectFrom(kind as RecordKind)
        .selectAll()
        .where('id', '>', after)
        .orderBy('id')
        .limit(pageSize)
        .execute();
      for (const row of rows) {
        yield (kind === 'events' ? rowToEvent(row as Database['events']) : JSON.parse((row as { data: string }).data)) as RecordTypes[K];
      }
      if (rows.length < pageSize) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  async count(kind: RecordKind): Promise<number> {
    const row = await this.db
      .selectFrom(kind)
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async rankEvents(words: string[], limit: number): Promise<EventRecord[]> {
    const usable = await this.distinctiveWords([...new Set(words.flatMap(fullTextWords))]);
    if (usable.length === 0) return [];
    const ids = await this.adapter.rankedEventIds(this.db, usable, Math.min(Math.max(limit, 1), MAX_PAGE_SIZE));
    const byId = new Map((await this.list('events', { ids })).map((e) => [e.id, e]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Drops words found in more than COMMON_WORD_SHARE of a large record: they match most events,
   * so ranking by them costs a scan of the record and tells nothing apart. Counting stops at
   * that share, so deciding costs at most that many index entries per word, once per word.
   */
  private async distinctiveWords(words: string[]): Promise<string[]> {
    const events = await this.cachedEventCount();
    if (events < COMMON_WORD_MIN_EVENTS) return words;
    const cap = Math.ceil(events * COMMON_WORD_SHARE);
    const kept: string[] = [];
    for (const word of words) {
      let matches = this.wordMatches.get(word);
      if (matches === undefined) {
        if (this.wordMatches.size >= WORD_CACHE_SIZE) this.wordMatches.clear();
        const row = await this.db
          .selectFrom((eb) =>
            eb
              .selectFrom('events')
              .select(sql`1`.as('one'))
              .where(this.adapter.matchEvents([word], 'any').where)
              .limit(cap)
              .as('m'),
          )
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow();
        matches = Number(row.n);
        this.wordMatches.set(word, matches);
      }
      if (matches < cap) kept.push(word);
    }
    return kept;
  }

  /** The number of events, re-counted at most once a minute: only its order of magnitude matters. */
  private async cachedEventCount(): Promise<number> {
    if (Date.now() - this.eventCount.at > 60_000) {
      this.eventCount = { value: await this.count('events'), at: Date.now() };
      this.wordMatches.clear();
    }
    return this.eventCount.value;
  }

  async searchEvents(query: EventQuery, facets: FacetField[] = []): Promise<EventPage> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), MAX_PAGE_SIZE);
    const cursor = query.cursor ? decodeCursor(query.cursor) : undefined;
    const words = query.q ? fullTextWords(query.q) : [];
    let index = await this.freshEventIndex();
    // A word the index keeps postings for is common: it has no few matches to read.
    const common = index !== undefined && words.some((word) => index!.postingsOf(wordKey(word)));
    const few = this.eventIndex && words.length && !common ? await this.searchFewMatches(words, query, facets, limit, cursor) : undefined;
    if (few) return few;
    // A write between reading the version and reading the matches: once more, at the new version.
    for (let tries = 0; tries < 2; tries++, index = await this.freshEventIndex()) {
      const indexed = index && (await this.searchIndex(index, words, query, facets, limit, cursor));
      if (indexed) return indexed;
    }

    const filtered = await this.filteredEvents(query);
    let page = filtered.select(EVENT_RECORD_COLUMNS.map((c) => `events.${c}` as const));
    if (cursor) {
      page = page.where((eb) =>
        eb.or([eb('events.date', '<', cursor.date), eb.and([eb('events.date', '=', cursor.date), eb('events.id', '<', cursor.id)])]),
      );
    }
    const rows = await page
      .orderBy('events.date', 'desc')
      .orderBy('events.id', 'desc')
      .limit(limit + 1)
      .execute();
    const totalRow = await filtered.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirstOrThrow();
    const facetCounts: Facets = {};
    for (const field of facets) facetCounts[field] = await this.facet(filtered, field);
    return pageOf(rows.map(rowToEvent), limit, Number(totalRow.n), facetCounts);
  }

  async enableEventIndex(minEvents = EVENT_INDEX_MIN_EVENTS, tuning: EventIndexTuning = {}): Promise<void> {
    this.eventIndex ??= {
      minEvents,
      fewMatches: tuning.fewMatches ?? FEW_MATCHES,
      commonWordMatches: tuning.commonWordMatches ?? COMMON_WORD_MATCHES,
    };
    await this.freshEventIndex();
    await this.eventIndex.building;
  }

  async eventIndexReady(): Promise<boolean> {
    const state = this.eventIndex;
    return state?.current !== undefined && state.current.version === (await recordVersionKey(this.db));
  }

  /**
   * The index of the record as it is now. A few writes behind, it catches up first (a few ms:
   * no server answers from an older version than the database's); when a new build is needed,
   * that starts and SQL answers until it is ready.
   */
  private async freshEventIndex(): Promise<EventIndex | undefined> {
    const state = this.eventIndex;
    if (!state) return undefined;
    for (let tries = 0; tries < 3; tries++) {
      const version = await recordVersionKey(this.db);
      if (state.current?.version === version) return state.current;
      if (state.small === version) return undefined;
      state.building ??= this.updateEventIndex(state, version)
        // A failed build (the database closed under it, say) leaves searches on SQL.
        .catch(() => {})
        .finally(() => {
          state.building = undefined;
          state.rebuilding = false;
        });
      if (state.rebuilding) return undefined;
      await state.building;
    }
    return undefined;
  }

  /** The current index brought up to `version` from the change log, or else a new build. */
  private async updateEventIndex(state: EventIndexState, version: string): Promise<void> {
    const index = state.current;
    const from = index?.version;
    const changed =
      index &&
      index.changedSinceBuild < EVENT_INDEX_MAX_CHANGED &&
      (await recordsWrittenSince(this.db, from!, 'events', EVENT_INDEX_MAX_CATCH_UP));
    if (!index || !changed) {
      state.rebuilding = true;
      return this.buildEventIndex(state, version);
    }
    const rows: IndexedEventRow[] = changed.size
      ? await this.db
          .selectFrom('events')
          .select(['id', 'date', 'date_start', 'date_end', 'type', 'areas', 'actors'])
          .$if(index.byRowid, (q) => q.select(sql<number>`rowid`.as('rowid')))
          .where('id', 'in', [...changed])
          .execute()
      : [];
    const { words } = index.learnt();
    const matches = await this.matchesAmong(
      words,
      rows.map((r) => r.id),
    );
    // As for a build: the reads above must all have seen `version`.
    if ((await recordVersionKey(this.db)) === version && index.version === from) index.applyChanges(changed, rows, matches, version);
  }

  /** For each word, the ids among `ids` whose events it matches. */
  private async matchesAmong(words: string[], ids: string[]): Promise<Map<string, string[]>> {
    if (ids.length === 0 || words.length === 0) return new Map(words.map((word) => [word, []]));
    if (this.adapter.matchesAmong) return this.adapter.matchesAmong(this.db, words, ids);
    const matches = new Map<string, string[]>();
    for (const word of words) {
      const rows = await this.db
        .selectFrom('events')
        .select('id')
        .where('id', 'in', ids)
        .where(this.adapter.matchEvents([word], 'all').where)
        .execute();
      matches.set(
        word,
        rows.map((r) => r.id),
      );
    }
    return matches;
  }

  private async buildEventIndex(state: EventIndexState, version: string): Promise<void> {
    if ((await this.count('events')) < state.minEvents) {
      state.small = version;
      state.current = undefined;
      return;
    }
    await this.adapter.tuneForSearch?.(this.db);
    const index = new EventIndex(version, this.adapter.matchedRowids !== undefined);
    // Pass 1, the page order, from the (date, id) index alone; pass 2, the columns, by id.
    // Between chunks the event loop serves requests: better-sqlite3 reads are synchronous.
    const ids: string[] = [];
    for (let last: { date: string; id: string } | undefined; ;) {
      let chunk = this.db
        .selectFrom('events')
        .select(['id', 'date'])
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .limit(EVENT_INDEX_CHUNK);
      if (last) chunk = chunk.where(sql<boolean>`(date, id) < (${last.date}, ${last.id})`);
      const rows = await chunk.execute();
      for (const row of rows) {
        index.order(row.id);
        ids.push(row.id);
      }
      await yieldToEventLoop();
      if (rows.length < EVENT_INDEX_CHUNK) break;
      last = rows[rows.length - 1];
    }
    for (let last: string | undefined; ;) {
      let chunk = this.db
        .selectFrom('events')
        .select(['id', 'date', 'date_start', 'date_end', 'type', 'areas', 'actors'])
        .$if(index.byRowid, (q) => q.select(sql<number>`rowid`.as('rowid')))
        .orderBy('id')
        .limit(EVENT_INDEX_CHUNK);
      if (last !== undefined) chunk = chunk.where('id', '>', last);
      const rows: IndexedEventRow[] = await chunk.execute();
      for (const row of rows) index.fill(row);
      await yieldToEventLoop();
      if (rows.length < EVENT_INDEX_CHUNK) break;
      last = rows[rows.length - 1]!.id;
    }
    // The chunks are separate reads: a write between them would mix versions, so such a
    // build is dropped and the next search starts another.
    if (!index.complete()) return;
    await this.learnWordPostings(index, await this.sampledCommonWords(ids, state.commonWordMatches), state.commonWordMatches);
    if ((await recordVersionKey(this.db)) === version) state.current = index;
  }

  /**
   * Learns the postings of the common words and prefixes (word-postings-plan.ts) from the
   * full-text index's vocabulary; a dialect that cannot list it learns the sampled words alone.
   * The build's closing version check covers these reads as it covers the rows'.
   */
  private async learnWordPostings(index: EventIndex, sampled: string[], common: number): Promise<void> {
    const { indexTerms, queryTerms } = this.adapter;
    if (!indexTerms || !queryTerms) {
      for (const word of sampled) {
        if (index.learnt().bytes > MAX_POSTINGS_BYTES) break;
        await this.wordSlots(index, word);
      }
      return;
    }
    const terms = await indexTerms.call(this.adapter, this.db);
    const asked = [...new Set([...terms.keys(), ...sampled, ...prefixCandidates(terms, common)])];
    const forms = new Map<string, string>();
    for (let i = 0; i < asked.length; i += QUERY_TERMS_CHUNK) {
      for (const [word, term] of await queryTerms.call(this.adapter, this.db, asked.slice(i, i + QUERY_TERMS_CHUNK))) forms.set(word, term);
      await yieldToEventLoop();
    }
    const plan = planWordPostings({ terms, forms, sampledWords: sampled, common, rarePerPrefix: RARE_EVENTS_PER_PREFIX });
    const slotsOfTerm = new Map<string, Bitmap>();
    for (const { term, via } of plan.reads) slotsOfTerm.set(term, await this.allWordSlots(index, via));
    // Query strings over the same terms share one bitmap.
    const unions = new Map<string, Bitmap>();
    let bytes = 0;
    for (const { key, terms: covered } of plan.learn) {
      const id = covered.join(' ');
      let slots = unions.get(id);
      if (!slots) {
        slots = RoaringBitmap32.orMany(covered.map((term) => slotsOfTerm.get(term)!));
        bytes += slots.getSerializationSizeInBytes('croaring');
        if (bytes > MAX_POSTINGS_BYTES) break;
        unions.set(id, slots);
      }
      index.learn(key, slots);
    }
  }

  /**
   * Words likely to be common (see COMMON_WORD_MATCHES), from the text of events spread evenly
   * over the record, so that the index learns their postings while it is built rather than on
   * a reader's first search for them.
   */
  private async sampledCommonWords(ids: string[], common: number): Promise<string[]> {
    const step = Math.max(1, Math.floor(ids.length / WORD_SAMPLE));
    const sample = ids.filter((_, i) => i % step === 0);
    const counts = new Map<string, number>();
    for (let i = 0; i < sample.length; i += ROWS_PER_INSERT) {
      const rows = await this.db
        .selectFrom('events')
        .select(['title', 'summary', 'aliases'])
        .where('id', 'in', sample.slice(i, i + ROWS_PER_INSERT))
        .execute();
      for (const row of rows)
        for (const word of new Set(fullTextWords(`${row.title} ${row.summary} ${row.aliases}`).map(wordKey)))
          counts.set(word, (counts.get(word) ?? 0) + 1);
      await yieldToEventLoop();
    }
    // Half the share that makes a word common: a sample's count is only an estimate.
    const least = (common / ids.length) * sample.length * 0.5;
    return [...counts].filter(([, n]) => n >= least).map(([word]) => word);
  }

  /**
   * A full-text query that matches few events needs neither the record's index nor its
   * version: one statement reads every match, and a small index of just those answers the
   * filters, page and facets. Undefined when there are more than `fewMatches`.
   */
  private async searchFewMatches(
    words: string[],
    query: EventQuery,
    facets: FacetField[],
    limit: number,
    after: EventCursor | undefined,
  ): Promise<EventPage | undefined> {
    const most = this.eventIndex!.fewMatches;
    const rows = this.adapter.matchedEventRows
      ? await this.adapter.matchedEventRows(this.db, words, most + 1)
      : await this.db
          .selectFrom('events')
          .selectAll()
          .where(this.adapter.matchEvents(words, 'all').where)
          .limit(most + 1)
          .execute();
    if (rows.length > most) return undefined;
    rows.sort(inPageOrder);
    // The search box's query, words alone, is the page itself.
    const filtered = query.from || query.to || query.types?.length || query.areas?.length || query.actors?.length;
    if (!filtered && !facets.length && after === undefined) return pageOf(rows.slice(0, limit + 1).map(rowToEvent), limit, rows.length, {});
    const answer = EventIndex.of(rows, 'matches').search(await this.indexQuery(query, facets, limit, after));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return pageOf(
      answer.ids.map((id) => rowToEvent(byId.get(id)!)),
      limit,
      answer.total,
      answer.facets,
    );
  }

  /** A query in the index's terms: actor names expanded to every name the party goes by. */
  private async indexQuery(
    query: EventQuery,
    facets: FacetField[],
    limit: number,
    after: EventCursor | undefined,
    matching?: Bitmap,
  ): Promise<IndexQuery> {
    const actors = await Promise.all([...new Set(query.actors ?? [])].map((actor) => this.actorKeys(actor)));
    return {
      matching,
      from: query.from,
      to: query.to,
      types: query.types,
      areas: [...new Set(query.areas ?? [])],
      actors,
      after,
      limit,
      facets,
      facetLimit: FACET_LIMIT,
    };
  }

  /** Undefined when the index moved on while the matches were read: the caller asks again. */
  private async searchIndex(
    index: EventIndex,
    words: string[],
    query: EventQuery,
    facets: FacetField[],
    limit: number,
    after: EventCursor | undefined,
  ): Promise<EventPage | undefined> {
    const version = index.version;
    const matching = words.length ? await this.matchingSlots(index, words) : undefined;
    const indexQuery = await this.indexQuery(query, facets, limit, after, matching);
    if (index.version !== version) return undefined;
    const answer = index.search(indexQuery);
    const byId = await this.eventsById(index, answer.ids);
    // An event deleted since the index was read: the caller asks again.
    const items = answer.ids.map((id) => byId.get(id));
    if (items.some((e) => e === undefined)) return undefined;
    return pageOf(items as EventRecord[], limit, answer.total, answer.facets);
  }

  /**
   * These events, read by rowid where the index knows them. A rowid freed by a delete may
   * name another event by now: a row is taken only under the id it was asked for.
   */
  private async eventsById(index: EventIndex, ids: string[]): Promise<Map<string, EventRecord>> {
    if (!index.byRowid || !this.adapter.eventRowsByRowid || ids.length === 0)
      return new Map((await this.list('events', { ids })).map((e) => [e.id, e]));
    const wanted = new Set(ids);
    const rows = await this.adapter.eventRowsByRowid(this.db, index.rowidsOf(ids));
    return new Map(rows.filter((row) => wanted.has(row.id)).map((row) => [row.id, rowToEvent(row)]));
  }

  /** The slots of the events matching every word: common words' from the index, others' from the full-text index. */
  private async matchingSlots(index: EventIndex, words: string[]): Promise<Bitmap> {
    const sets: Bitmap[] = [];
    for (const word of new Set(words.map(wordKey))) sets.push(index.postingsOf(word) ?? (await this.sharedWordSlots(index, word)));
    sets.sort((a, b) => a.size - b.size);
    return sets.reduce((a, b) => RoaringBitmap32.and(a, b));
  }

  /** As wordSlots, read once for every search that asks for the same word meanwhile. */
  private sharedWordSlots(index: EventIndex, word: string): Promise<Bitmap> {
    const key = `${index.version}\n${word}`;
    let read = this.wordReads.get(key);
    if (!read) {
      read = this.wordSlots(index, word).finally(() => this.wordReads.delete(key));
      this.wordReads.set(key, read);
    }
    return read;
  }

  /**
   * The slots one word matches. A common word's postings are kept in the index, when the reads
   * saw the index's version and nothing moved it since (catching up keeps them current).
   */
  private async wordSlots(index: EventIndex, word: string): Promise<Bitmap> {
    const version = index.version;
    const common = this.eventIndex!.commonWordMatches;
    const some = await this.fullTextMatches(index, word, common + 1);
    if (('rowids' in some ? some.rowids : some.ids).length <= common) return index.slotsOf(some);
    const slots = await this.allWordSlots(index, word);
    if (index.learnt().bytes <= MAX_POSTINGS_BYTES && (await recordVersionKey(this.db)) === version && index.version === version)
      index.learn(word, slots);
    return slots;
  }

  /**
   * Every slot one word matches. On SQLite, read in rowid order a chunk at a time with the
   * event loop free between chunks: a word or prefix in half of 1M events takes 120-200 ms to
   * read, and better-sqlite3 would hold the loop for all of it. Ids (PostgreSQL) arrive without
   * holding it, and are looked up a chunk at a time (464k took 100 ms at once).
   */
  private async allWordSlots(index: EventIndex, word: string): Promise<Bitmap> {
    const slots = new RoaringBitmap32();
    if (!this.adapter.matchedRowids || !index.byRowid) {
      const { ids } = (await this.fullTextMatches(index, word)) as { ids: string[] };
      for (let i = 0; i < ids.length; i += MATCH_CHUNK) {
        slots.orInPlace(index.slotsOf({ ids: ids.slice(i, i + MATCH_CHUNK) }));
        await yieldToEventLoop();
      }
      return slots;
    }
    for (let after = 0; ;) {
      const rowids = await this.adapter.matchedRowids(this.db, [word], MATCH_CHUNK, after);
      slots.orInPlace(index.slotsOf({ rowids }));
      if (rowids.length < MATCH_CHUNK) return slots;
      after = rowids[rowids.length - 1]!;
      await yieldToEventLoop();
    }
  }

  /** Events one word matches, as rowids where the index maps them, up to `limit`. */
  private async fullTextMatches(index: EventIndex, word: string, limit?: number): Promise<{ rowids: number[] } | { ids: string[] }> {
    if (this.adapter.matchedRowids && index.byRowid) return { rowids: await this.adapter.matchedRowids(this.db, [word], limit) };
    const rows = await this.db
      .selectFrom('events')
      .select('events.id')
      .where(this.adapter.matchEvents([word], 'all').where)
      .$if(limit !== undefined, (q) => q.limit(limit!))
      .execute();
    return { ids: rows.map((r) => r.id) };
  }

  private async facet(filtered: EventsQuery, field: FacetField): Promise<{ value: string; count: number }[]> {
    const ids = filtered.select('events.id');
    const grouped =
      field === 'area'
        ? this.db.selectFrom('event_areas').where('event_id', 'in', ids).select('area as value').groupBy('area')
        : field === 'actor'
          ? this.db.selectFrom('event_actors').where('event_id', 'in', ids).select('actor as value').groupBy('actor')
          : field === 'type'
            ? filtered.select('events.type as value').groupBy('events.type')
            : filtered.select(sql<string>`substr(events.date, 1, 4)`.as('value')).groupBy(sql`substr(events.date, 1, 4)`);
    const rows = await (grouped as EventsQuery)
      .select((eb) => eb.fn.countAll<string | number>().as('count'))
      .orderBy(sql`count`, 'desc')
      .orderBy(sql`value`)
      .limit(FACET_LIMIT)
      .execute();
    return (rows as unknown as { value: string; count: string | number }[]).map((r) => ({ value: r.value, count: Number(r.count) }));
  }

  private async filteredEvents(query: EventQuery): Promise<EventsQuery> {
    let q: EventsQuery = this.db.selectFrom('events');
    const words = query.q ? fullTextWords(query.q) : [];
    if (words.length) q = q.where(this.adapter.matchEvents(words, 'all').where);
    if (query.from) q = q.where('events.date_end', '>=', dateSpan(query.from).start);
    if (query.to) q = q.where('events.date_start', '<=', dateSpan(query.to).end);
    if (query.types?.length) q = q.where('events.type', 'in', query.types);
    for (const area of new Set(query.areas ?? [])) {
      q = q.where('events.id', 'in', this.db.selectFrom('event_areas').select('event_id').where('area', '=', area));
    }
    for (const actor of new Set(query.actors ?? [])) {
      const names = await this.actorKeys(actor);
      q = q.where('events.id', 'in', this.db.selectFrom('event_actors').select('event_id').where('actor', 'in', names));
    }
    return q;
  }

  /** An actor filter matches the party id and every name the party goes by. */
  private async actorKeys(actor: string): Promise<string[]> {
    const wanted = actor.trim().toLowerCase();
    const parties = await this.list('parties');
    const party = parties.find((p) => p.id === wanted || partyNames(p).some((n) => n.toLowerCase() === wanted));
    return party ? [party.id, ...partyNames(party)] : [actor.trim()];
  }
}

/**
 * A query word as the index keeps its postings: ASCII letters in lower case, as both
 * full-text indexes fold them (so the word is asked of the database in this form too).
 */
const wordKey = (word: string) => (/^[\x00-\x7f]*$/.test(word) ? word.toLowerCase() : word);

/** Thrown at the end of a dry run's transaction, so that it rolls back. */
class DryRunDone extends Error {}

/**
 * The records of a batch that the import creates or changes, each with what it replaces; the
 * others are counted as unchanged. Records are compared in canonical form.
 */
async function importedRecords(
  trx: Transaction<Database>,
  batch: RecordBatch,
  kindWasEmpty: boolean,
  outcome: KindOutcome,
): Promise<ImportedRecord[]> {
  if (kindWasEmpty && batch.ids && batch.texts) return createdRecords(batch.ids, batch.texts, outcome);
  const current = kindWasEmpty
    ? undefined
    : await readRecords(
        trx,
        batch.kind,
        batch.records.map((r) => r.id),
      );
  const logged: ImportedRecord[] = [];
  const records = batch.records as RecordTypes[RecordKind][];
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const before = current?.get(record.id);
    if (before && canonicalJson(before) === canonicalJson(record)) {
      outcome.unchanged++;
      continue;
    }
    const [count, ids] = before ? (['changed', outcome.changed_ids] as const) : (['created', outcome.created_ids] as const);
    outcome[count]++;
    if (ids.length < SAMPLE_IDS) ids.push(record.id);
    logged.push({ id: record.id, before: before ?? null, afterText: batch.texts?.[i] ?? JSON.stringify(record) });
  }
  return logged;
}

/** importedRecords for a batch into a kind that held nothing, from the reader's texts: every record is new. */
function createdRecords(ids: string[], texts: string[], outcome: KindOutcome): ImportedRecord[] {
  outcome.created += ids.length;
  outcome.created_ids.push(...ids.slice(0, Math.max(0, SAMPLE_IDS - outcome.created_ids.length)));
  return ids.map((id, i) => ({ id, before: null, afterText: texts[i]! }));
}

/** The number of records in a batch, without parsing a batch that came as JSON text. */
const batchSize = (batch: RecordBatch) => batch.ids?.length ?? batch.records.length;

/** The stored records of `kind` with these ids, read inside a transaction. */
export async function readRecords<K extends RecordKind>(
  trx: Kysely<Database>,
  kind: K,
  ids: string[],
): Promise<Map<string, RecordTypes[K]>> {
  const found = new Map<string, RecordTypes[K]>();
  for (let i = 0; i < ids.length; i += ROWS_PER_INSERT) {
    const slice = ids.slice(i, i + ROWS_PER_INSERT);
    if (kind === 'events') {
      for (const row of await trx.selectFrom('events').selectAll().where('id', 'in', slice).execute())
        found.set(row.id, rowToEvent(row) as RecordTypes[K]);
    } else {
      for (const row of await trx
        .selectFrom(kind as DataKind)
        .select(['id', 'data'])
        .where('id', 'in', slice)
        .execute())
        found.set(row.id, JSON.parse(row.data));
    }
  }
  return found;
}

/** A page of `limit` items from up to `limit + 1` (the extra one says a next page exists). */
function pageOf(events: EventRecord[], limit: number, total: number, facets: Facets): EventPage {
  const items = events.slice(0, limit);
  const last = items[items.length - 1];
  const next = events.length > limit && last ? encodeCursor({ date: last.date, id: last.id }) : null;
  return { items, total, facets, next };
}

function partyNames(p: Party): string[] {
  return [p.name, ...p.aliases];
}

function* batchesOf(records: Partial<RecordSet>): Iterable<RecordBatch> {
  for (const kind of RECORD_KINDS) {
    const list = records[kind];
    if (list?.length) yield { kind, records: list } as RecordBatch;
  }
}

export async function upsert(trx: Transaction<Database>, kind: RecordKind, records: RecordTypes[RecordKind][]): Promise<void> {
  if (records.length === 0) return;
  if (kind === 'events') return upsertEvents(trx, records as EventRecord[]);
  const table = kind as DataKind;
  const toRow = DATA_ROWS[table] as unknown as (r: unknown) => Record<string, unknown>;
  const rows = records.map(toRow);
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'id');
  await trx
    .insertInto(table)
    .values(rows as never)
    .onConflict((oc) => oc.column('id').doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never))
    .execute();
}

async function upsertEvents(trx: Transaction<Database>, events: EventRecord[]): Promise<void> {
  const rows = events.map(eventToRow);
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'id');
  await trx
    .insertInto('events')
    .values(rows)
    .onConflict((oc) => oc.column('id').doUpdateSet(Object.fromEntries(columns.map((c) => [c, sql.ref(`excluded.${c}`)])) as never))
    .execute();
  const ids = events.map((e) => e.id);
  await trx.deleteFrom('event_areas').where('event_id', 'in', ids).execute();
  await trx.deleteFrom('event_actors').where('event_id', 'in', ids).execute();
  const areas = events.flatMap((e) => [...new Set(e.areas)].map((area) => ({ event_id: e.id, area })));
  const actors = events.flatMap((e) => [...new Set(e.actors)].map((actor) => ({ event_id: e.id, actor })));
  for (let i = 0; i < areas.length; i += ROWS_PER_INSERT)
    await trx
      .insertInto('event_areas')
      .values(areas.slice(i, i + ROWS_PER_INSERT))
      .execute();
  for (let i = 0; i < actors.length; i += ROWS_PER_INSERT)
    await trx
      .insertInto('event_actors')
      .values(actors.slice(i, i + ROWS_PER_INSERT))
      .execute();
}

/**
 * Every reference must name a stored record once the whole import is written (so a file may
 * list commitments before their agreement). Runs inside the import's transaction.
 */
export async function assertReferencesResolve(trx: Kysely<Database>): Promise<void> {
  const problems: FieldProblem[] = [];
  const missing = async (
    table: 'commitments' | 'deliveries',
    column: 'agreement_id' | 'obligor' | 'beneficiary' | 'commitment_id',
    target: 'agreements' | 'parties' | 'commitments',
  ) => {
    const rows = await sql<{ id: string; ref: string }>`
      SELECT t.id AS id, t.${sql.ref(column)} AS ref FROM ${sql.table(table)} t
      WHERE NOT EXISTS (SELECT 1 FROM ${sql.table(target)} r WHERE r.id = t.${sql.ref(column)})
      ORDER BY t.id LIMIT 20`.execute(trx);
    for (const r of rows.rows)
      problems.push({ record: r.id, field: column, message: `no ${target.replace(/s$/, '').replace(/ie$/, 'y')} with id "${r.ref}"` });
  };
  await missing('commitments', 'agreement_id', 'agreements');
  await missing('commitments', 'obligor', 'parties');
  await missing('commitments', 'beneficiary', 'parties');
  await missing('deliveries', 'commitment_id', 'commitments');

  const partyIds = new Set((await trx.selectFrom('parties').select('id').execute()).map((r) => r.id));
  for (const row of await trx.selectFrom('agreements').select(['id', 'data']).execute()) {
    const agreement = JSON.parse(row.data) as RecordTypes['agreements'];
    agreement.parties.forEach((p, i) => {
      if (!partyIds.has(p)) problems.push({ record: row.id, field: `parties.${i}`, message: `no party with id "${p}"` });
    });
  }
  // Offices, memberships and breaches name parties inside `data`; a LIKE finds the few that do.
  for (const [table, marker] of [
    ['parties', '%"of":%'],
    ['commitments', '%"by":"%'],
  ] as const) {
    for (const row of await trx.selectFrom(table).select(['id', 'data']).where('data', 'like', marker).execute()) {
      for (const ref of nestedPartyReferences(table, JSON.parse(row.data))) {
        if (!partyIds.has(ref.id)) problems.push({ record: row.id, field: ref.field, message: `no party with id "${ref.id}"` });
      }
    }
  }
  if (problems.length) {
    throw new PactwatchError('validation_failed', `${problems.length} reference(s) name records that do not exist`, 400, problems);
  }
}
