// Time on the timeline is milliseconds since the epoch (UTC); a partial date covers its whole
// span, so "2008" runs from 1 January 2008 to the start of 2009.
import { dateSpan } from '../../../src/domain/partial-date.ts';

export interface View {
  start: number;
  end: number;
}

export const DAY = 86_400_000;
const YEAR = 365.25 * DAY;

export const dayMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface Span {
  start: number;
  end: number;
  precision: 'year' | 'month' | 'day';
}

export function spanOf(date: string): Span {
  const span = dateSpan(date);
  return { start: dayMs(span.start), end: dayMs(span.end) + DAY, precision: span.precision };
}

/** The whole period the record covers: independence to a year from now. */
export function fullView(now = Date.now()): View {
  return { start: dayMs('1991-01-01'), end: now + YEAR / 2 };
}

const MIN_SPAN = 14 * DAY;

export function clampView(view: View, bounds = fullView()): View {
  const maxSpan = bounds.end - bounds.start;
  let span = Math.min(Math.max(view.end - view.start, MIN_SPAN), maxSpan);
  let start = view.start + (view.end - view.start - span) / 2;
  start = Math.min(Math.max(start, bounds.start), bounds.end - span);
  span = Math.min(span, bounds.end - start);
  return { start, end: start + span };
}

export function zoomView(view: View, factor: number, anchor: number): View {
  return clampView({ start: anchor - (anchor - view.start) * factor, end: anchor + (view.end - anchor) * factor });
}

export function panView(view: View, delta: number): View {
  return clampView({ start: view.start + delta, end: view.end + delta });
}

/** "2007-06-01..2009-02-01" in the URL; anything unreadable falls back to the whole period. */
export function parseView(text: string | null): View {
  const match = text ? /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(text) : null;
  if (!match) return fullView();
  const view = { start: dayMs(match[1]!), end: dayMs(match[2]!) };
  return Number.isFinite(view.start) && Number.isFinite(view.end) && view.end > view.start ? clampView(view) : fullView();
}

export const formatView = (view: View) => `${isoDay(view.start)}..${isoDay(view.end)}`;

export const yearView = (year: number): View =>
  clampView({ start: Date.UTC(year, 0, 1) - 30 * DAY, end: Date.UTC(year + 1, 0, 1) + 30 * DAY });

export interface Tick {
  at: number;
  /** Empty for a minor tick (a month too narrow to name). */
  label: string;
  major: boolean;
}

export interface Axis {
  ticks: Tick[];
  /** Years above month and day ticks: the view's first year at its left edge, then each 1 January. */
  context: Tick[];
}

const TICK_STEPS: { unit: 'year' | 'month' | 'day'; step: number; approx: number; gap?: number }[] = [
  { unit: 'day', step: 1, approx: DAY, gap: 22 },
  { unit: 'day', step: 7, approx: 7 * DAY },
  // Every month is a tick at month zoom (named by its short name, which needs little room).
  { unit: 'month', step: 1, approx: YEAR / 12, gap: 34 },
  { unit: 'year', step: 1, approx: YEAR },
  { unit: 'year', step: 2, approx: 2 * YEAR },
  { unit: 'year', step: 5, approx: 5 * YEAR },
  { unit: 'year', step: 10, approx: 10 * YEAR },
];

/** Calendar-aligned ticks at least `minGap` pixels apart (less for days and months). */
export function axis(view: View, width: number, minGap: number, monthName: (m: number) => string): Axis {
  const msPerPx = (view.end - view.start) / width;
  const choice = TICK_STEPS.find((s) => s.approx / msPerPx >= (s.gap ?? minGap)) ?? TICK_STEPS[TICK_STEPS.length - 1]!;
  const ticks: Tick[] = [];
  const context: Tick[] = [];
  const first = new Date(view.start);
  let y = first.getUTCFullYear();
  let m = choice.unit === 'year' ? 0 : first.getUTCMonth();
  let d = choice.unit === 'day' ? first.getUTCDate() : 1;
  if (choice.unit === 'year') y -= y % choice.step;
  if (choice.unit !== 'year') context.push({ at: view.start, label: String(y), major: true });
  // Unnamed month ticks between years while a month is still at least 6 px wide.
  const minorMonths = choice.unit === 'year' && choice.step === 1 && YEAR / 12 / msPerPx >= 6;
  for (let guard = 0; guard < 800; guard++) {
    const at = Date.UTC(y, m, d);
    if (at > view.end) break;
    if (at >= view.start) {
      const label =
        choice.unit === 'year' ? String(y) : choice.unit === 'month' ? monthName(m) : d === 1 ? `${d} ${monthName(m)}` : String(d);
      ticks.push({
        at,
        label,
        major: choice.unit === 'year' ? y % (choice.step * 5) === 0 || choice.step >= 5 : choice.unit === 'month' ? m === 0 : d === 1,
      });
      if (choice.unit !== 'year' && m === 0 && d === 1 && at > view.start) context.push({ at, label: String(y), major: true });
    }
    if (minorMonths) {
      for (let month = 1; month < 12; month++) {
        const minor = Date.UTC(y, month, 1);
        if (minor >= view.start && minor <= view.end) ticks.push({ at: minor, label: '', major: false });
      }
    }
    if (choice.unit === 'year') y += choice.step;
    else if (choice.unit === 'month') m += choice.step;
    else d += choice.step;
    // Date.UTC normalises overflowing months and days; re-read so labels stay calendar-true.
    const next = new Date(Date.UTC(y, m, d));
    y = next.getUTCFullYear();
    m = next.getUTCMonth();
    d = next.getUTCDate();
  }
  return { ticks, context };
}
