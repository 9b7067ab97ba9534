// Dates with precision (EDTF level 0 subset): "2008", "2008-04" or "2008-04-03".
// A partial date stands for the whole span it names, so "2008-04" is inside April 2008
// and inside 2008. Spans are closed intervals of calendar days, compared as ISO strings.

export type DatePrecision = 'year' | 'month' | 'day';

export interface DateSpan {
  /** First day of the span, YYYY-MM-DD. */
  start: string;
  /** Last day of the span, YYYY-MM-DD. */
  end: string;
  precision: DatePrecision;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

// Arithmetic, not a Date: every imported event's date comes through here twice (validation,
// then its span for storage), and a Date per call was 3% of a large import's reading.
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Parses a partial date, or returns an error message naming what is wrong. */
export function parsePartialDate(text: string): DateSpan | { error: string } {
  const match = PARTIAL_DATE.exec(text);
  if (!match) return { error: `"${text}" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD` };
  const year = Number(match[1]);
  if (match[2] === undefined) {
    return { start: `${match[1]}-01-01`, end: `${match[1]}-12-31`, precision: 'year' };
  }
  const month = Number(match[2]);
  if (month < 1 || month > 12) return { error: `"${text}" has no month ${match[2]}` };
  const last = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { start: `${match[1]}-${match[2]}-01`, end: `${match[1]}-${match[2]}-${pad(last)}`, precision: 'month' };
  }
  const day = Number(match[3]);
  if (day < 1 || day > last) return { error: `"${text}" has no day ${match[3]} in that month` };
  return { start: text, end: text, precision: 'day' };
}

export function isPartialDate(text: string): boolean {
  return !('error' in parsePartialDate(text));
}

/** The span of a date known to be valid; throws on an invalid one (a programming error). */
export function dateSpan(text: string): DateSpan {
  const span = parsePartialDate(text);
  if ('error' in span) throw new Error(span.error);
  return span;
}

export function datePrecision(text: string): DatePrecision {
  return dateSpan(text).precision;
}

/**
 * Orders partial dates chronologically by their start; at the same start the coarser date
 * comes first ("2008" < "2008-01" < "2008-01-01"), which plain string order already gives.
 */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the span of `inner` lies inside the span of `outer`. */
export function dateWithin(inner: string, outer: string): boolean {
  const i = dateSpan(inner);
  const o = dateSpan(outer);
  return i.start >= o.start && i.end <= o.end;
}

/**
 * True when a record dated `date` may fall in the range [from, to] (either bound optional):
 * the spans overlap. A year-precision record overlaps every month of its year.
 */
export function dateInRange(date: string, from?: string, to?: string): boolean {
  const span = dateSpan(date);
  if (from !== undefined && span.end < dateSpan(from).start) return false;
  if (to !== undefined && span.start > dateSpan(to).end) return false;
  return true;
}

/** Coarsens a date to a precision ("2008-04-03" at 'year' is "2008"). */
export function truncateDate(date: string, precision: DatePrecision): string {
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}

/** Today's date as YYYY-MM-DD in UTC. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
