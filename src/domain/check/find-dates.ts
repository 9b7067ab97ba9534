// Dates in running text, each as the span of days it names. chrono-node reads the
// day and month forms; the forms it misses ("in 2008", "spring of 2008", "mid-2010",
// "early 1990s", "the first half of 2024", "2024/25") are read by the rules below.
import * as chrono from 'chrono-node';
import { NUMBER_WORDS } from './find-amounts.ts';

export type TextDatePrecision = 'day' | 'month' | 'season' | 'year' | 'decade';

export interface TextDate {
  text: string;
  start: number;
  end: number;
  /** First and last day of the span the text names, YYYY-MM-DD. */
  from: string;
  to: string;
  precision: TextDatePrecision;
  /** Set when the date bounds something ("after 2014", "by 2035") rather than dating it. */
  bound?: string;
  /** Set when a bare year names which thing is meant ("the 2007 cyberattacks") rather than dating the act. */
  attributive?: boolean;
  /** Set when the text dates it only relative to a date it gave before ("later that year"): it may agree, never refute. */
  anchored?: boolean;
}

/** A day the text names without its year ("on January 16"): checkable only against a record's day. */
export interface YearlessDay {
  text: string;
  start: number;
  end: number;
  /** "MM-DD" for "on January 16"; undefined for a weekday alone. */
  monthDay?: string;
  /** 0 (Sunday) to 6 for "on Thursday". */
  weekday?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthSpan = (y: number, m1: number, m2: number) => ({
  from: `${y}-${pad(m1)}-01`,
  to: `${y}-${pad(m2)}-${pad(lastDay(y, m2))}`,
});
const yearSpan = (y1: number, y2 = y1) => ({ from: `${y1}-01-01`, to: `${y2}-12-31` });

const SEASONS: Record<string, [number, number]> = {
  spring: [3, 5],
  summer: [6, 8],
  autumn: [9, 11],
  fall: [9, 11],
};
const PARTS: Record<string, [number, number]> = { early: [1, 4], mid: [4, 9], late: [9, 12] };

const RULES: { re: RegExp; read: (m: RegExpExecArray) => Omit<TextDate, 'text' | 'start' | 'end'> }[] = [
  // An ISO month ("2024-02") names the month, not the year.
  {
    re: /\b(1[89]\d\d|20\d\d)-(0[1-9]|1[0-2])\b(?!-\d)/g,
    read: (m) => ({ ...monthSpan(Number(m[1]), Number(m[2]), Number(m[2])), precision: 'month' }),
  },
  {
    re: /\b(?:(early|mid|late)[- ]?)?(?:the\s+)?(1[89]\d|20\d)0['’]?s\b/gi,
    read: (m) => {
      const d = Number(m[2]) * 10;
      const part = m[1]?.toLowerCase();
      const [a, b] = part === 'early' ? [0, 3] : part === 'mid' ? [4, 6] : part === 'late' ? [7, 9] : [0, 9];
      return { ...yearSpan(d + a, d + b), precision: 'decade' };
    },
  },
  {
    re: /\b(spring|summer|autumn|fall|winter)\s+(?:of\s+)?((?:19|20)\d\d)\b/gi,
    read: (m) => {
      const y = Number(m[2]);
      const season = SEASONS[m[1]!.toLowerCase()];
      // Winter straddles two years; the year alone is the honest span.
      return season ? { ...monthSpan(y, season[0], season[1]), precision: 'season' } : { ...yearSpan(y), precision: 'year' };
    },
  },
  {
    re: /\b(first|second)\s+half\s+of\s+((?:19|20)\d\d)\b/gi,
    read: (m) => {
      const y = Number(m[2]);
      return { ...(m[1]!.toLowerCase() === 'first' ? monthSpan(y, 1, 6) : monthSpan(y, 7, 12)), precision: 'season' };
    },
  },
  {
    re: /\b(early|mid|late)[- ](?:in\s+)?((?:19|20)\d\d)\b/gi,
    read: (m) => {
      const [a, b] = PARTS[m[1]!.toLowerCase()]!;
      return { ...monthSpan(Number(m[2]), a, b), precision: 'season' };
    },
  },
  {
    re: /\b((?:19|20)\d\d)\s*[/–-]\s*((?:19|20)?\d\d)\b(?![-/]\d)/g,
    read: (m) => {
      const y1 = Number(m[1]);
      const y2 = m[2]!.length === 2 ? Math.floor(y1 / 100) * 100 + Number(m[2]) : Number(m[2]);
      return y2 > y1 && y2 - y1 < 50 ? { ...yearSpan(y1, y2), precision: 'year' } : { ...yearSpan(y1), precision: 'year' };
    },
  },
];

const BARE_YEAR = /(?<![\d.,/-]|No\.\s?)\b((?:19|20)\d\d)\b(?![.,]?\d|\s*(?:votes|personnel|troops|km|people|%))/g;
const CHRONO_HINT = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\d[-/.]\d|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const ATTRIBUTIVE_BEFORE = /(?:\bthe|\ban?|\bits|\btheir|\bhis|\bher|['’]s)\s+$/i;
const BOUND = /\b(before|after|since|until|till|by|from|through|prior to)\s+(?:the\s+(?:end|start|beginning)\s+of\s+)?$/i;

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }) {
  return a.start < b.end && b.start < a.end;
}

/** The dates of a text; days it names without a year go to `yearless` when given. */
/** Whether a record's date (to the day) falls on the day or weekday a yearless date gives. */
export function onYearlessDay(d: YearlessDay, date: string): boolean {
  if (date.length !== 10) return false;
  return d.monthDay ? date.slice(5) === d.monthDay : new Date(`${date}T00:00:00Z`).getUTCDay() === d.weekday;
}

export function findDates(text: string, yearless?: YearlessDay[]): TextDate[] {
  const found: TextDate[] = [];
  const add = (d: TextDate) => {
    if (found.some((f) => overlaps(f, d))) return;
    const before = text.slice(Math.max(0, d.start - 30), d.start);
    const bound = BOUND.exec(before)?.[1]?.toLowerCase();
    found.push(bound ? { ...d, bound } : d);
  };
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m; m = rule.re.exec(text)) {
      add({ text: m[0], start: m.index, end: m.index + m[0].length, ...rule.read(m) });
    }
  }
  // chrono is the dearest reader; without a month or a numeric date it finds nothing we keep.
  for (const r of CHRONO_HINT.test(text) ? chrono.parse(text) : []) {
    // Relative phrases ("the second after") come back 'certain' of today's year; only a
    // written year makes a date checkable.
    if (!r.start.isCertain('year') || !/\b(?:1[89]|20)\d\d\b/.test(r.text)) {
      const day = r.start.isCertain('day') && r.start.isCertain('month');
      // A weekday after a capitalised word is part of a name ("Good Friday Agreement"), not a date.
      const weekday =
        r.start.isCertain('weekday') &&
        !/\p{Lu}[\p{L}'’-]*\s+$/u.test(text.slice(Math.max(0, r.index - 30), r.index + (/^on\s+/i.exec(r.text)?.[0].length ?? 0)));
      if (yearless && (day || weekday) && !r.end && /\p{L}/u.test(r.text)) {
        const lead = /^(?:on|in|at)\s+/i.exec(r.text)?.[0].length ?? 0;
        const at = { text: r.text.slice(lead), start: r.index + lead, end: r.index + r.text.length };
        yearless.push(
          day
            ? { ...at, monthDay: `${pad(r.start.get('month')!)}-${pad(r.start.get('day')!)}` }
            : { ...at, weekday: r.start.get('weekday')! },
        );
      }
      continue;
    }
    const y = r.start.get('year')!;
    const m = r.start.get('month')!;
    // chrono keeps a leading "on"; the date itself is what the explanation quotes.
    const lead = /^(?:on|in|at)\s+/i.exec(r.text)?.[0].length ?? 0;
    const start = r.index + lead;
    const end = r.index + r.text.length;
    const written = r.text.slice(lead);
    if (r.start.isCertain('day')) {
      const from = `${y}-${pad(m)}-${pad(r.start.get('day')!)}`;
      const e = r.end;
      const to = e ? `${e.get('year')}-${pad(e.get('month')!)}-${pad(e.get('day')!)}` : from;
      add({ text: written, start, end, from, to: to < from ? from : to, precision: 'day' });
    } else if (r.start.isCertain('month')) {
      add({ text: written, start, end, ...monthSpan(y, m, m), precision: 'month' });
    }
  }
  BARE_YEAR.lastIndex = 0;
  for (let m = BARE_YEAR.exec(text); m; m = BARE_YEAR.exec(text)) {
    const end = m.index + m[1]!.length;
    const attributive = ATTRIBUTIVE_BEFORE.test(text.slice(Math.max(0, m.index - 8), m.index)) && /^\s+\p{L}/u.test(text.slice(end));
    add({ text: m[1]!, start: m.index, end, ...yearSpan(Number(m[1])), precision: 'year', ...(attributive && { attributive }) });
  }
  return found.sort((a, b) => a.start - b.start);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A record's partial date as people write it: "9 July 1997", "February 1994", "2014". */
export function formatPartialDate(date: string): string {
  const [y, m, d] = date.split('-');
  if (!m) return y!;
  const month = MONTHS[Number(m) - 1]!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** True when two spans of days share at least one day. */
export function spansOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * The date a page stamps on its text before the first sentence: "date 2024-01-12",
 * "Published: 2024-01-12", "11.07.2023 21:13". Returns how long the stamp is and the day (or
 * month) it gives, or undefined when the text does not open with one.
 */
export function pageStamp(text: string): { length: number; date: string } | undefined {
  const label = /^\s*(?:(?:date|published|posted|updated|last updated)\b\s*:?\s*)?/i.exec(text)![0];
  const rest = text.slice(label.length);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})\b/.exec(rest);
  // Without a label only a numeric date is a stamp: "July 1997 saw ..." opens a sentence.
  const date = dotted
    ? { end: dotted[0].length, day: `${dotted[3]}-${pad(Number(dotted[2]))}-${pad(Number(dotted[1]))}` }
    : stampDate(rest, label.trim() !== '');
  if (!date || Number.isNaN(Date.parse(date.day.length === 7 ? `${date.day}-01` : date.day))) return undefined;
  // A time, and the same date again in another form, may follow: "2023-07-11 11.07.2023 21:13".
  const tail = /^(?:\s+\d{1,2}:\d{2})?(?:\s+\d{1,2}\.\d{1,2}\.\d{4}(?:\s+\d{1,2}:\d{2})?)?\s*/.exec(rest.slice(date.end))![0];
  return { length: label.length + date.end + tail.length, date: date.day };
}

/** The day or month a stamp opens with: ISO always, other forms after a label ("Published: 12 January 2024"). */
function stampDate(rest: string, labelled: boolean): { end: number; day: string } | undefined {
  const iso = /^\d{4}-\d{2}(?:-\d{2})?\b/.exec(rest);
  if (iso) return { end: iso[0].length, day: iso[0] };
  if (!labelled) return undefined;
  const d = findDates(rest.slice(0, 40)).find((x) => x.start === 0 && (x.precision === 'day' || x.precision === 'month'));
  return d && { end: d.end, day: d.precision === 'day' ? d.from : d.from.slice(0, 7) };
}

/**
 * "On Friday", "on September 30" in a text the page dates: the last such day on or before the
 * page's date. Like other dates read from context, it may support a claim but never refute it.
 */
export function datedDays(days: YearlessDay[], pageDate: string | undefined): TextDate[] {
  if (pageDate?.length !== 10) return [];
  const page = new Date(`${pageDate}T00:00:00Z`);
  return days.map((d) => {
    const day = new Date(page);
    if (d.monthDay) {
      day.setUTCFullYear(page.getUTCFullYear(), Number(d.monthDay.slice(0, 2)) - 1, Number(d.monthDay.slice(3)));
      if (day > page) day.setUTCFullYear(day.getUTCFullYear() - 1);
    } else day.setUTCDate(page.getUTCDate() - ((page.getUTCDay() - d.weekday! + 7) % 7));
    const iso = day.toISOString().slice(0, 10);
    return { text: d.text, start: d.start, end: d.end, from: iso, to: iso, precision: 'day' as const, anchored: true };
  });
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const daysBefore = (page: Date, n: number) => isoDay(new Date(page.getTime() - n * 86_400_000));

/**
 * "Today", "yesterday", "this week", "last month", "this year" in a text the page dates: spans
 * counted back from the page's date. Like other dates read from context, they may support a
 * claim but never refute it.
 */
/** How fine a precision is: a day is finer than a month, a month than a season or a year. */
export function precisionRank(p: string): number {
  return p === 'day' ? 3 : p === 'month' ? 2 : p === 'season' ? 1.5 : p === 'year' ? 1 : 0;
}

export function pageRelativeDates(text: string, pageDate: string | undefined): TextDate[] {
  if (!pageDate || !/^\d{4}(?:-\d{2}){0,2}$/.test(pageDate)) return [];
  // A page dated to the month dates "last month" and "this year", not "yesterday".
  const precision: TextDatePrecision = pageDate.length === 10 ? 'day' : pageDate.length === 7 ? 'month' : 'year';
  const page = new Date(`${pageDate.padEnd(7, '-01').padEnd(10, '-01')}T00:00:00Z`);
  const y = page.getUTCFullYear();
  const m = page.getUTCMonth() + 1;
  const spans: Record<string, [needs: TextDatePrecision, () => { from: string; to: string; precision: TextDatePrecision }]> = {
    today: ['day', () => ({ from: pageDate, to: pageDate, precision: 'day' })],
    yesterday: ['day', () => ({ from: daysBefore(page, 1), to: daysBefore(page, 1), precision: 'day' })],
    'this week': ['day', () => ({ from: daysBefore(page, 6), to: pageDate, precision: 'month' })],
    'last week': ['day', () => ({ from: daysBefore(page, 13), to: daysBefore(page, 1), precision: 'month' })],
    'this month': ['month', () => ({ ...monthSpan(y, m, m), precision: 'month' })],
    'last month': ['month', () => ({ ...(m === 1 ? monthSpan(y - 1, 12, 12) : monthSpan(y, m - 1, m - 1)), precision: 'month' })],
    'this year': ['year', () => ({ ...yearSpan(y), precision: 'year' })],
    'last year': ['year', () => ({ ...yearSpan(y - 1), precision: 'year' })],
  };
  const found: TextDate[] = [];
  for (const match of text.matchAll(/\b(today|yesterday|this week|last week|this month|last month|this year|last year)\b/gi)) {
    const [needs, span] = spans[match[1]!.toLowerCase()]!;
    if (precisionRank(needs) > precisionRank(precision)) continue;
    found.push({ text: match[0], start: match.index, end: match.index + match[0].length, ...span(), anchored: true });
  }
  return found;
}

/**
 * Years a text gives relative to a year it named before: "that year", "later that same year",
 * "the following year", "three years later". `anchor` is the year of the last date the text
 * gave; without one, the words date nothing.
 */
export function relativeYears(text: string, anchor: number | undefined): TextDate[] {
  if (anchor === undefined) return [];
  const found: TextDate[] = [];
  const re =
    /\b(?:(?:later|earlier)\s+(?:in\s+)?)?(?:that|the\s+same)\s+(?:same\s+)?year\b|\bthe\s+(?:following|next)\s+year\b|\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years?\s+later\b/gi;
  for (const m of text.matchAll(re)) {
    const lower = m[0].toLowerCase();
    const offset = m[1]
      ? /^an?$/i.test(m[1])
        ? 1
        : (NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]))
      : /following|next/.test(lower)
        ? 1
        : 0;
    found.push({ text: m[0], start: m.index, end: m.index + m[0].length, ...yearSpan(anchor + offset), precision: 'year', anchored: true });
  }
  return found;
}
