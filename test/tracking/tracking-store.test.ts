// The tracking services against real stores loaded with the shipped record (SQLite always,
// PostgreSQL when DATABASE_URL is set).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ical from 'node-ical';
import { COMMITMENT_STATUSES } from '../../src/domain/vocabulary.ts';
import { measureKey } from '../../src/domain/progress.ts';
import { ROLL_UP_DIMENSIONS } from '../../src/domain/rollups.ts';
import { buildIcs } from '../../src/io/ics.ts';
import { buildTimelineJs } from '../../src/io/timelinejs.ts';
import { buildReport } from '../../src/tracking/commitment-report.ts';
import { addDays, deadlineLists } from '../../src/tracking/deadline-lists.ts';
import { loadExchangeRates } from '../../src/tracking/exchange-rates.ts';
import { formatReport } from '../../src/tracking/report-text.ts';
import { getCommitmentWithStatus, listCommitmentsWithStatus } from '../../src/tracking/tracked-commitments.ts';
import { DIALECTS, type TestStore } from '../support/test-stores.ts';
import { shippedRecord } from './fixtures.ts';

const TODAY = '2025-06-30';
const record = shippedRecord();

for (const dialect of DIALECTS) {
  describe(`tracking on ${dialect.name}`, { skip: dialect.skip }, () => {
    let db: TestStore;
    before(async () => {
      db = await dialect.open({ shipped: true });
    });
    after(async () => db?.close());

    test('every commitment comes back with a status and progress', async () => {
      const items = await listCommitmentsWithStatus(db.store, {}, TODAY);
      assert.equal(items.length, record.commitments.length);
      for (const item of items) {
        assert.ok(COMMITMENT_STATUSES.includes(item.status), item.id);
        assert.ok(Array.isArray(item.progress.targets) && Array.isArray(item.progress.delivered), item.id);
      }
      const single = await getCommitmentWithStatus(db.store, 'nato-40bn-baseline', TODAY);
      assert.equal(single?.status, 'fulfilled');
      assert.deepEqual(
        single,
        items.find((c) => c.id === 'nato-40bn-baseline'),
      );
      assert.equal(await getCommitmentWithStatus(db.store, 'no-such-commitment', TODAY), undefined);
    });

    test('filters by status, party and area', async () => {
      const overdue = await listCommitmentsWithStatus(db.store, { status: 'overdue' }, TODAY);
      assert.ok(overdue.length > 0);
      assert.ok(overdue.every((c) => c.status === 'overdue'));
      const france = await listCommitmentsWithStatus(db.store, { party: 'france', area: 'security-assistance' }, TODAY);
      assert.deepEqual(france.map((c) => c.id).sort(), [
        'france-2024-up-to-3bn',
        'france-2025-2bn-additional',
        'france-udcg-artillery-air-defence',
      ]);
    });

    test('report roll-ups add up to the records', async () => {
      const rates = loadExchangeRates();
      const report = await buildReport(db.store, TODAY, rates);
      const items = await listCommitmentsWithStatus(db.store, {}, TODAY);

      // Committed per currency and unit, straight from the commitment records.
      const committed = new Map<string, number>();
      for (const c of record.commitments) {
        // A recurring promise commits what its periods add up to.
        const scheduled = c.schedule?.length ? c.schedule.reduce((n, p) => n + (p.amount ?? 0), 0) : 0;
        const amount = scheduled > 0 ? scheduled : c.amount;
        if (amount !== null) committed.set(`amount:${c.currency}`, (committed.get(`amount:${c.currency}`) ?? 0) + amount);
        if (c.quantity !== null)
          committed.set(
            measureKey({ kind: 'quantity', unit: c.unit }),
            (committed.get(measureKey({ kind: 'quantity', unit: c.unit })) ?? 0) + c.quantity,
          );
      }
      const overallCommitted = new Map(report.overall.totals.filter((t) => t.committed > 0).map((t) => [measureKey(t), t.committed]));
      assert.deepEqual(overallCommitted, committed);
      assert.equal(report.overall.commitments, record.commitments.length);
      for (const status of COMMITMENT_STATUSES) {
        assert.equal(report.overall.by_status[status], items.filter((c) => c.status === status).length, status);
      }

      for (const dimension of ROLL_UP_DIMENSIONS) {
        const groups = report.by[dimension];
        assert.equal(
          groups.reduce((n, g) => n + g.commitments, 0),
          record.commitments.length,
          dimension,
        );
        for (const group of groups) {
          assert.equal(
            COMMITMENT_STATUSES.reduce((n, s) => n + group.by_status[s], 0),
            group.commitments,
            `${dimension} ${group.key}`,
          );
        }
        // Every currency/unit total of the overall roll-up is the sum of the groups' totals.
        for (const total of report.overall.totals) {
          const parts = groups.flatMap((g) => g.totals.filter((t) => measureKey(t) === measureKey(total)));
          for (const field of ['committed', 'delivered', 'delivered_without_target'] as const) {
            const sum = parts.reduce((n, t) => n + t[field], 0);
            assert.ok(Math.abs(sum - total[field]) < 1e-6, `${dimension} ${measureKey(total)} ${field}: ${sum} vs ${total[field]}`);
          }
        }
      }

      // EUR conversion: only with the table's rates, each named, nothing else added in.
      const converted = report.overall.converted!;
      assert.equal(converted.currency, 'EUR');
      let expected = 0;
      for (const total of report.overall.totals) {
        if (total.kind !== 'amount' || total.currency === null) continue;
        expected += total.currency === 'EUR' ? total.committed : total.committed / rates.rates[total.currency]!;
      }
      assert.ok(Math.abs(converted.committed - expected) < 1e-3);
      assert.deepEqual(converted.rates.map((r) => r.currency).sort(), ['CAD', 'EUR', 'GBP', 'ISK', 'NOK', 'SEK', 'USD']);
      assert.ok(converted.rates.every((r) => r.date === rates.date && r.source === rates.source.url));
      assert.deepEqual(report.exchange_rates, { base: 'EUR', date: '2024-06-28', source: rates.source.url });

      const text = formatReport(report);
      assert.match(text, /EUR rates of 2024-06-28/);
      assert.match(text, /By obligor/);
    });

    test('a currency without a rate stays unconverted and is named', async () => {
      const rates = { ...loadExchangeRates(), rates: { USD: 1.0705 } };
      const report = await buildReport(db.store, TODAY, rates);
      assert.deepEqual(report.overall.converted?.unconverted.sort(), ['CAD', 'GBP', 'ISK', 'NOK', 'SEK']);
      const withoutRates = await buildReport(db.store, TODAY, null);
      assert.equal(withoutRates.overall.converted, null);
      assert.equal(withoutRates.exchange_rates, null);
    });

    test('overdue and due-soon lists', async () => {
      const lists = await deadlineLists(db.store, TODAY, 30);
      assert.ok(lists.overdue.every((c) => c.status === 'overdue' && c.deadline! < TODAY));
      assert.ok(lists.overdue.some((c) => c.id === 'france-2024-up-to-3bn'));
      const horizon = addDays(TODAY, 30);
      assert.ok(lists.due_soon.every((c) => c.deadline! >= TODAY && c.deadline! <= horizon));
      // Nothing in the shipped record falls due in July 2025 (the Italian conference, due in 2025, was
      // held in July 2025); a window to 30 September 2026 finds the UK's long-range drones pledge.
      assert.deepEqual(lists.due_soon, []);
      const longer = await deadlineLists(db.store, TODAY, 457);
      assert.ok(longer.due_soon.some((c) => c.id === 'uk-long-range-drones-12-months-2025'));
      assert.ok(!longer.due_soon.some((c) => c.id === 'italy-recovery-conference-2025'));
      assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    });

    test('the .ics feed parses with node-ical: one event per deadline, on the right day', async () => {
      const text = await buildIcs(db.store, TODAY, new Date('2025-06-30T12:00:00Z'));
      // RFC 5545 3.1: CRLF line breaks, content lines folded at 75 octets.
      assert.ok(text.endsWith('\r\n') || text.endsWith('END:VCALENDAR'));
      for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75 && !line.includes('\n'), line);
      const parsed = ical.sync.parseICS(text);
      const events = Object.values(parsed).filter((c): c is ical.VEvent => c.type === 'VEVENT');
      const withDeadline = record.commitments.filter((c) => c.due !== null);
      assert.equal(events.length, withDeadline.length);
      const byUid = new Map(events.map((e) => [e.uid, e]));
      assert.equal(byUid.size, events.length, 'UIDs are unique');
      const items = new Map((await listCommitmentsWithStatus(db.store, {}, TODAY)).map((c) => [c.id, c]));
      for (const c of withDeadline) {
        const event = byUid.get(`${c.id}@pactwatch`);
        assert.ok(event, c.id);
        const start = event.start as Date & { dateOnly?: boolean };
        assert.equal(start.dateOnly, true, `${c.id} is an all-day event`);
        // node-ical builds date-only values in local time.
        const day = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
        assert.equal(day, items.get(c.id)!.deadline, c.id);
        assert.match(String(event.summary), new RegExp(`^\\[${items.get(c.id)!.status}\\]`));
      }
      // "2025" is due on the last day of 2025.
      const italy = byUid.get('italy-recovery-conference-2025@pactwatch')!;
      assert.equal((italy.start as Date).getDate(), 31);
      assert.equal((italy.start as Date).getMonth(), 11);
    });

    test('TimelineJS output follows the documented JSON format', async () => {
      const timeline = await buildTimelineJs(db.store, TODAY);
      const slideKeys = new Set([
        'start_date',
        'end_date',
        'text',
        'media',
        'group',
        'display_date',
        'background',
        'autolink',
        'unique_id',
      ]);
      const dateKeys = new Set(['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond', 'display_date', 'format']);
      assert.equal(typeof timeline.title.text.headline, 'string');
      const expectedCount = record.events.length + record.deliveries.length + record.commitments.filter((c) => c.due !== null).length;
      assert.equal(timeline.events.length, expectedCount);
      const ids = new Set<string>();
      for (const slide of timeline.events) {
        for (const key of Object.keys(slide)) assert.ok(slideKeys.has(key), `unknown slide key ${key}`);
        for (const key of Object.keys(slide.start_date)) assert.ok(dateKeys.has(key), `unknown date key ${key}`);
        const { year, month, day } = slide.start_date;
        assert.ok(Number.isInteger(year), slide.unique_id);
        if (month !== undefined) assert.ok(Number.isInteger(month) && month >= 1 && month <= 12, slide.unique_id);
        if (day !== undefined) {
          assert.ok(month !== undefined, 'a day needs a month');
          assert.ok(day >= 1 && day <= new Date(Date.UTC(year, month!, 0)).getUTCDate(), slide.unique_id);
        }
        assert.ok(slide.text.headline.length > 0);
        assert.doesNotMatch(slide.text.headline, /<|>/, 'headlines are escaped');
        assert.match(slide.unique_id, /^[a-z0-9-]+$/);
        assert.ok(!ids.has(slide.unique_id), `duplicate unique_id ${slide.unique_id}`);
        ids.add(slide.unique_id);
      }
      const pfp = timeline.events.find((s) => s.unique_id === 'deadline-italy-recovery-conference-2025');
      assert.deepEqual(pfp?.start_date, { year: 2025, month: 12, day: 31, display_date: 'Due 2025' });
      const yearOnly = record.events.find((e) => /^\d{4}$/.test(e.date));
      if (yearOnly)
        assert.deepEqual(timeline.events.find((s) => s.unique_id === `event-${yearOnly.id}`)?.start_date, { year: Number(yearOnly.date) });
      // Chronological.
      const keys = timeline.events.map((s) => [s.start_date.year, s.start_date.month ?? 0, s.start_date.day ?? 0]);
      for (let i = 1; i < keys.length; i++)
        assert.ok(keys[i - 1]!.join('-').localeCompare(keys[i]!.join('-'), 'en', { numeric: true }) <= 0);
    });
  });
}
