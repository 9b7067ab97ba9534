// eventSchema's parse, written out by hand for the events an import streams by the million. It
// answers only when it is sure: for a record it accepts, it returns exactly what
// eventSchema.parse returns (same fields, same order, the same defaults filled in); anything it
// is unsure of (text to trim, a URL not plainly http(s), a wrong type, any problem at all) gets
// undefined, and the caller asks zod, which also words the problems. So no message or rule
// depends on this file; test/domain/event-fast-parse.test.ts holds it to zod's answers.
import { SOURCE_TIERS, AREAS, EVENT_TYPES } from './vocabulary.ts';
import { isPartialDate } from './partial-date.ts';
import { LIST_LIMITS, MAX_ID_LENGTH, UNSTORABLE, type EventRecord, type Source } from './schemas.ts';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Lower-case http(s), no white space: such a URL, if it parses, is one zod keeps as written. */
const PLAIN_HTTP_URL = /^https?:\/\/\S+$/;
const EVENT_TYPE_SET = new Set<string>(EVENT_TYPES);
const AREA_SET = new Set<string>(AREAS);
const TIER_SET = new Set<string>(SOURCE_TIERS);

/** Thrown inside the walk to give up; never leaves this module. */
const UNSURE = Symbol('unsure');

function string(value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length > max || UNSTORABLE.test(value)) throw UNSURE;
  return value;
}

/** text(max) in schemas.ts: trimmed, not empty. Text with white space at either end goes to zod. */
function text(value: unknown, max: number): string {
  const s = string(value, max);
  if (s.length === 0 || s.trim().length !== s.length) throw UNSURE;
  return s;
}

/** optional(...) in schemas.ts: absent or null is null. */
function optional<T>(value: unknown, parse: (v: unknown) => T): T | null {
  return value === undefined || value === null ? null : parse(value);
}

/** A list, absent meaning empty (`.default([])`). */
function list<T>(value: unknown, max: number, item: (v: unknown) => T): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > max) throw UNSURE;
  return value.map(item);
}

function member(value: unknown, set: Set<string>): string {
  if (typeof value !== 'string' || !set.has(value)) throw UNSURE;
  return value;
}

function object(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw UNSURE;
  return value as Record<string, unknown>;
}

function url(value: unknown): string {
  const s = string(value, 2000);
  if (!PLAIN_HTTP_URL.test(s) || !URL.canParse(s)) throw UNSURE;
  return s;
}

function source(value: unknown): Source {
  const s = object(value);
  return {
    url: url(s.url),
    quote: optional(s.quote, (v) => string(v, 5000)),
    title: optional(s.title, (v) => string(v, 500)),
    tier: optional(s.tier, (v) => member(v, TIER_SET)) as Source['tier'],
  };
}

function event(value: unknown): EventRecord {
  const e = object(value);
  const id = string(e.id, MAX_ID_LENGTH);
  const date = string(e.date, Infinity);
  if (!ID.test(id) || !isPartialDate(date)) throw UNSURE;
  const sources = list(e.sources, LIST_LIMITS.sources, source);
  if (sources.length === 0) throw UNSURE;
  return {
    id,
    date,
    title: text(e.title, 500),
    title_uk: optional(e.title_uk, (v) => string(v, 500)),
    summary: string(e.summary, 10000),
    summary_uk: optional(e.summary_uk, (v) => string(v, 10000)),
    aliases: list(e.aliases, Infinity, (v) => text(v, 500)),
    aliases_uk: list(e.aliases_uk, Infinity, (v) => text(v, 500)),
    type: member(e.type, EVENT_TYPE_SET) as EventRecord['type'],
    actors: list(e.actors, LIST_LIMITS.actors, (v) => text(v, 200)),
    areas: list(e.areas, AREAS.length, (v) => member(v, AREA_SET)) as EventRecord['areas'],
    sources,
  };
}

/** eventSchema.parse(raw) when raw is plainly a valid event; undefined when zod must decide. */
export function parseEventFast(raw: unknown): EventRecord | undefined {
  try {
    return event(raw);
  } catch (error) {
    if (error === UNSURE) return undefined;
    throw error;
  }
}
