// Amounts in running text: money with its currency ("€40 billion", "EUR 2bn", "C$3 billion",
// "$500 million") and counts with their unit ("about 700 personnel", "more than 40 areas",
// "24 F-16 fighter jets", "60 percent"), each with the hedge that qualifies it.
import { stem, STOPWORDS } from './tokenize.ts';

export type Hedge = 'exact' | 'about' | 'more' | 'less';

export interface Amount {
  text: string;
  start: number;
  end: number;
  value: number;
  currency?: string;
  /** Stems of the counted noun ("personnel", "area"); "%" for percentages. */
  unit: string[];
  hedge: Hedge;
  /** Half the step of the last digit written: "€7 billion" stands for 6.5 to 7.5 billion. */
  slack: number;
}

function slackOf(raw: string, scale: number): number {
  const digits = raw.replace(/,/g, '');
  if (!/^\d/.test(digits)) return 0;
  const decimals = digits.split('.')[1]?.length ?? 0;
  const step = decimals ? 10 ** -decimals : 10 ** /0*$/.exec(digits)![0].length;
  return (step / 2) * scale;
}

const CURRENCY_SIGNS: Record<string, string> = {
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  dollar: 'USD',
  dollars: 'USD',
  c$: 'CAD',
  cad: 'CAD',
  '¥': 'JPY',
  jpy: 'JPY',
  yen: 'JPY',
};
const SCALE: Record<string, number> = {
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  m: 1e6,
  mn: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  trillion: 1e12,
  tn: 1e12,
};
/** Numbers written as words, as claims and records write them. */
export const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
};
const HEDGES: [RegExp, Hedge][] = [
  [/(?:about|around|roughly|some|approximately|nearly|almost|close to|an estimated|up to|c\.)\s+$/i, 'about'],
  [/(?:more than|over|at least|upwards of|in excess of|exceeding|above|a minimum(?: baseline)?(?: funding)? of|minimum of)\s+$/i, 'more'],
  [/(?:less than|under|fewer than|below|at most)\s+$/i, 'less'],
];

const NUM = String.raw`(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)`;
const MONEY = new RegExp(
  String.raw`(C\$|US\$|€|£|\$|¥|\b(?:EUR|USD|GBP|CAD|JPY)\s?)${NUM}\s*(thousand|million|billion|trillion|bn|mn|tn|[mbk]\b)?|\b${NUM}\s*(thousand|million|billion|trillion|bn|mn)?\s+(euros?|dollars?|pounds|yen)\b`,
  'gi',
);
const COUNT = new RegExp(
  String.raw`(?<![\w.,/$€£-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|${Object.keys(NUMBER_WORDS).join('|')})(?![\w-]|\.\d|,\d)\s*(%|percent\b|per cent\b)?`,
  'gi',
);
const NOT_A_COUNT_BEFORE =
  /(?:\bNo\.|\bno\.|\bnumber|\bArticle|\bDecree|\bbill|\bresolution|\bpoint|\bParagraph|\bthe|\bon|\bof|\bsince|\bin)\s*$/;

function toNumber(raw: string): number {
  const w = NUMBER_WORDS[raw.toLowerCase()];
  return w ?? Number(raw.replace(/,/g, ''));
}

function hedgeBefore(text: string, start: number): Hedge {
  const before = text.slice(Math.max(0, start - 40), start);
  for (const [re, hedge] of HEDGES) if (re.test(before)) return hedge;
  return 'exact';
}

function unitAfter(text: string, end: number): string[] {
  const words =
    text
      .slice(end, end + 60)
      .match(/^[\s-]*((?:[\p{L}\p{N}-]+\s*){1,3})/u)?.[1]
      ?.split(/[\s]+/) ?? [];
  const unit: string[] = [];
  for (const w of words) {
    if (!w) continue;
    const clean = w.replace(/[^\p{L}\p{N}-]/gu, '');
    if (!clean || STOPWORDS.has(clean.toLowerCase())) break;
    unit.push(
      ...clean
        .split('-')
        .filter((p) => /\p{L}/u.test(p))
        .map(stem),
    );
    if (unit.length >= 3) break;
  }
  return unit;
}

/** Spans that are already dates (so "8 June 1992" is not a count of Junes). */
export function findAmounts(text: string, exclude: { start: number; end: number }[] = []): Amount[] {
  const found: Amount[] = [];
  const taken = (s: number, e: number) => [...exclude, ...found].some((x) => s < x.end && x.start < e);
  MONEY.lastIndex = 0;
  for (let m = MONEY.exec(text); m; m = MONEY.exec(text)) {
    const sign = (m[1] ?? m[6] ?? '').trim().toLowerCase();
    const scale = SCALE[(m[3] ?? m[5] ?? '').toLowerCase()] ?? 1;
    const value = toNumber(m[2] ?? m[4]!) * scale;
    const slack = slackOf(m[2] ?? m[4]!, scale);
    const currency = CURRENCY_SIGNS[sign] ?? CURRENCY_SIGNS[sign.replace(/s$/, '')];
    if (taken(m.index, m.index + m[0].length)) continue;
    found.push({
      text: m[0].trim(),
      start: m.index,
      end: m.index + m[0].trimEnd().length,
      value,
      currency,
      unit: [],
      hedge: hedgeBefore(text, m.index),
      slack,
    });
  }
  COUNT.lastIndex = 0;
  for (let m = COUNT.exec(text); m; m = COUNT.exec(text)) {
    const start = m.index;
    const end = m.index + m[0].trimEnd().length;
    if (taken(start, end) || NOT_A_COUNT_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    const value = toNumber(m[1]!);
    if (/^(?:19|20)\d\d$/.test(m[1]!)) continue;
    const unit = m[2] ? ['%'] : unitAfter(text, end);
    if (unit.length === 0) continue;
    found.push({ text: m[0].trim(), start, end, value, unit, hedge: hedgeBefore(text, start), slack: slackOf(m[1]!, 1) });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** True when two stated amounts can describe the same quantity. */
export function amountsAgree(claim: Amount, record: Amount): boolean {
  // An exact figure agrees to the precision either side writes it ("€977 million" is not "€979
  // million"; "$61 billion" is "$60.8 billion"); "about" allows a rounder figure.
  const rel = claim.hedge === 'about' || record.hedge === 'about' ? 0.15 : 0;
  const near = Math.abs(claim.value - record.value) <= Math.max(rel * record.value, claim.slack, record.slack);
  // Two bounds agree only when they are the same bound: "at least €60bn" is not "at least €40bn".
  if (claim.hedge === record.hedge || claim.hedge === 'about' || record.hedge === 'about') return near;
  if (claim.hedge === 'more') return record.hedge !== 'less' && record.value >= claim.value - claim.slack;
  if (claim.hedge === 'less') return record.hedge !== 'more' && record.value <= claim.value + claim.slack;
  if (record.hedge === 'more') return claim.value >= record.value - claim.slack;
  return claim.value <= record.value + claim.slack;
}

/** True when two amounts measure the same kind of thing (same currency, or same counted noun). */
export function sameQuantity(a: Amount, b: Amount): boolean {
  if (a.currency || b.currency) return a.currency === b.currency;
  return (
    (a.unit.length > 0 && a.unit[0] !== undefined && b.unit.includes(a.unit[0])) || (b.unit[0] !== undefined && a.unit.includes(b.unit[0]))
  );
}
