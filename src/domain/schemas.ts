// The record's kinds as zod schemas: one source for validation (import, HTTP bodies),
// TypeScript types and the OpenAPI document. Field names follow CONTRACT.md.
//
// Optional fields accept null or absence on input; parsing fills them in as null, so a
// parsed record is in canonical form (every key present, in schema order). Storage keeps
// and returns that form, which is why an export followed by an import is exact.
import { z } from 'zod';
import { compareDates, dateSpan, isPartialDate } from './partial-date.ts';
import { AREAS, DELIVERY_STAGES, EVENT_TYPES, PARTY_KINDS, SOURCE_TIERS } from './vocabulary.ts';

/**
 * The one id rule: whatever passes here can be read, replaced and deleted at /api/<kind>/<id>
 * (the router's path-segment limit is set from this, build-app.ts; a kebab-case id needs no
 * percent-encoding, so its URL segment is exactly this long).
 */
export const MAX_ID_LENGTH = 200;

export const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case id (a-z, 0-9 and single hyphens)')
  .max(MAX_ID_LENGTH);

export const partialDateSchema = z.string().refine(isPartialDate, 'must be a real date of the form YYYY, YYYY-MM or YYYY-MM-DD');

// PostgreSQL cannot store NUL in text, and an unpaired UTF-16 surrogate has no UTF-8 form
// (both backends would store U+FFFD instead): such text would fail a write with a 500, or
// silently alter what was acknowledged. So it is rejected up front, naming the field.
export const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

// Every record passes through here, so the walk allocates nothing until it finds a problem:
// one path array, pushed and popped, copied only into an issue.
function storableText(value: unknown, ctx: z.RefinementCtx, path: PropertyKey[] = []): void {
  if (typeof value === 'string') {
    if (UNSTORABLE.test(value))
      ctx.addIssue({ code: 'custom', path: [...path], message: 'must not contain NUL characters or unpaired surrogates' });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      storableText(value[i], ctx, path);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    for (const key in value) {
      path.push(key);
      storableText((value as Record<string, unknown>)[key], ctx, path);
      path.pop();
    }
  }
}

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/**
 * Lengths of list fields. Without them one editor could store events of 5,000 sources each,
 * and every search answer holding them cost megabytes (an outside review took a server from
 * 153 MB to 3.4 GB that way). Far above what the shipped record uses (6 sources at most).
 */
export const LIST_LIMITS = { sources: 20, actors: 100, aliases: 50, signatories: 100, parties: 250, event_ids: 500 } as const;
const atMost = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `at most ${max} items`);
const optional = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);
/** Other names people use for an event or agreement ("the Charter", "CAPU", "Ramstein"). */
const aliases = () => z.array(text(500)).default([]);

export const sourceSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
  quote: optional(z.string().max(5000)),
  title: optional(z.string().max(500)),
  /** Overrides the tier the shipped domain table gives the URL (source-tiers.ts). */
  tier: optional(z.enum(SOURCE_TIERS)),
});
export type Source = z.infer<typeof sourceSchema>;

const sources = atMost(sourceSchema, LIST_LIMITS.sources).min(1, 'needs at least one source');

export const areaSchema = z.enum(AREAS);
export const eventTypeSchema = z.enum(EVENT_TYPES);

export const eventSchema = z
  .object({
    id: idSchema,
    date: partialDateSchema,
    title: text(500),
    title_uk: optional(z.string().max(500)),
    summary: z.string().max(10000),
    summary_uk: optional(z.string().max(10000)),
    aliases: aliases(),
    aliases_uk: aliases(),
    type: eventTypeSchema,
    /** Party ids where the party is in the registry, otherwise names. */
    actors: atMost(text(200), LIST_LIMITS.actors).default([]),
    areas: atMost(areaSchema, AREAS.length).default([]),
    sources,
  })
  .superRefine(storableText);
export type EventRecord = z.output<typeof eventSchema>;

/** A dated relation of a party to another: an office a person held, a membership a state has. */
const tenure = {
  /** The party id of the organisation, state or body. */
  of: idSchema,
  from: partialDateSchema,
  /** Absent while it lasts. */
  to: optional(partialDateSchema),
  sources,
};

export const officeSchema = z.object({ title: text(300), ...tenure });
export type Office = z.output<typeof officeSchema>;
export const membershipSchema = z.object(tenure);
export type Membership = z.output<typeof membershipSchema>;

export const partySchema = z
  .object({
    id: idSchema,
    name: text(300),
    name_uk: optional(z.string().max(300)),
    kind: z.enum(PARTY_KINDS),
    iso2: optional(z.string().regex(/^[A-Z]{2}$/, 'must be two capital letters')),
    aliases: atMost(text(300), LIST_LIMITS.aliases).default([]),
    /** For persons: who held which office when. */
    offices: atMost(officeSchema, LIST_LIMITS.sources).default([]),
    /** Memberships of organisations (NATO accession dates, say). */
    memberships: atMost(membershipSchema, LIST_LIMITS.sources).default([]),
    sources: atMost(sourceSchema, LIST_LIMITS.sources).default([]),
  })
  .superRefine(storableText);
export type Party = z.output<typeof partySchema>;

export const agreementSchema = z
  .object({
    id: idSchema,
    title: text(1000),
    title_uk: optional(z.string().max(1000)),
    aliases: aliases(),
    aliases_uk: aliases(),
    kind: text(100),
    parties: atMost(idSchema, LIST_LIMITS.parties).min(1, 'needs at least one party'),
    signed: partialDateSchema,
    place: optional(z.string().max(300)),
    signatories: atMost(text(300), LIST_LIMITS.signatories).default([]),
    in_force: optional(partialDateSchema),
    duration_years: optional(z.number().positive().max(1000)),
    status: text(100),
    areas: atMost(areaSchema, AREAS.length).default([]),
    text_url: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
    event_ids: atMost(idSchema, LIST_LIMITS.event_ids).default([]),
    sources,
  })
  .superRefine(storableText);
export type Agreement = z.output<typeof agreementSchema>;

export const provisionSchema = z.object({ ref: text(200), text: optional(z.string().max(10000)) });

const amount = optional(z.number().nonnegative());
const currency = optional(z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'));
const quantity = optional(z.number().nonnegative());
const unit = optional(text(100));

export const withdrawalSchema = z.object({ date: partialDateSchema, reason: optional(z.string().max(2000)), sources });

/** A party acted against the commitment: dated and sourced, like a withdrawal. */
export const breachSchema = z.object({
  date: partialDateSchema,
  /** The party that breached it, when not the obligor (or to name it). */
  by: optional(idSchema),
  description: text(2000),
  sources,
});
export type Breach = z.output<typeof breachSchema>;

/**
 * One period of a recurring commitment ("£3 bn a year", "0.25% of GDP a year"): its own due
 * date, and what it promises in the commitment's currency or unit, or as a share (percent of
 * the base the description names: 0.25 for 0.25% of GDP).
 */
export const schedulePeriodSchema = z
  .object({
    period_start: partialDateSchema,
    due: partialDateSchema,
    amount,
    quantity,
    share: optional(z.number().nonnegative().max(100)),
  })
  .refine((p) => !isPartialDate(p.period_start) || !isPartialDate(p.due) || dateSpan(p.due).end >= dateSpan(p.period_start).start, {
    path: ['due'],
    message: 'must not be before period_start',
  });
export type SchedulePeriod = z.output<typeof schedulePeriodSchema>;

const schedule = z
  .array(schedulePeriodSchema)
  .min(1, 'needs at least one period (or null for none)')
  .max(500)
  .refine((periods) => periods.every((p, i) => i === 0 || compareDates(periods[i - 1]!.period_start, p.period_start) <= 0), {
    message: 'periods must be in order of period_start',
  });

export const commitmentSchema = z
  .object({
    id: idSchema,
    agreement_id: idSchema,
    provision: optional(provisionSchema),
    obligor: idSchema,
    beneficiary: idSchema,
    area: areaSchema,
    description: text(5000),
    amount,
    currency,
    quantity,
    unit,
    period_start: optional(partialDateSchema),
    due: optional(partialDateSchema),
    /** For a recurring promise: its periods, each with its own due date (null for a one-off). */
    schedule: optional(schedule),
    /** Set when the obligor explicitly withdrew the commitment; needs its own source. */
    withdrawn: optional(withdrawalSchema),
    /** Set when a party acted against the commitment; needs its own source. */
    breach: optional(breachSchema),
    sources,
  })
  .superRefine(storableText);
export type Commitment = z.output<typeof commitmentSchema>;

export const deliverySchema = z
  .object({
    id: idSchema,
    commitment_id: idSchema,
    date: partialDateSchema,
    amount,
    currency,
    quantity,
    unit,
    description: text(5000),
    /**
     * The sources say this delivery completes the commitment. Only consulted for a commitment
     * that promises no amount or quantity (for one that does, the figures decide).
     */
    fulfils: z.boolean().default(false),
    /** Progress counts delivered only; allocated is budgeted, contracted or announced. */
    stage: z.enum(DELIVERY_STAGES).default('delivered'),
    sources,
  })
  .superRefine(storableText);
export type Delivery = z.output<typeof deliverySchema>;

export const recordSetSchema = z.object({
  events: z.array(eventSchema).default([]),
  parties: z.array(partySchema).default([]),
  agreements: z.array(agreementSchema).default([]),
  commitments: z.array(commitmentSchema).default([]),
  deliveries: z.array(deliverySchema).default([]),
});
export type RecordSet = z.output<typeof recordSetSchema>;

/**
 * Party ids a record names inside its nested fields (offices, memberships, a breach's `by`),
 * with the field that names each; the top-level references are columns the stores check.
 */
export function nestedPartyReferences(kind: 'parties' | 'commitments', record: Party | Commitment): { field: string; id: string }[] {
  if (kind === 'commitments') {
    const by = (record as Commitment).breach?.by;
    return by ? [{ field: 'breach.by', id: by }] : [];
  }
  const party = record as Party;
  return [
    ...(party.offices ?? []).map((o, i) => ({ field: `offices.${i}.of`, id: o.of })),
    ...(party.memberships ?? []).map((m, i) => ({ field: `memberships.${i}.of`, id: m.of })),
  ];
}

export const RECORD_SCHEMAS = {
  events: eventSchema,
  parties: partySchema,
  agreements: agreementSchema,
  commitments: commitmentSchema,
  deliveries: deliverySchema,
} as const;

export interface RecordTypes {
  events: EventRecord;
  parties: Party;
  agreements: Agreement;
  commitments: Commitment;
  deliveries: Delivery;
}
