// What the edit form shows for each kind of record, in the order of CONTRACT.md's fields.
import { AREAS, DELIVERY_STAGES, EVENT_TYPES, PARTY_KINDS, RECORD_KINDS, type RecordKind } from '../../../src/domain/vocabulary.ts';

export type FieldKind = 'text' | 'textarea' | 'date' | 'number' | 'select' | 'areas' | 'lines' | 'sources' | 'provision' | 'json';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Nullable in the schema: an empty input is sent as null. */
  optional?: boolean;
  options?: readonly string[];
  wide?: boolean;
  /** For a `json` field: what an empty input means ([] for a list, null otherwise). */
  empty?: [] | null;
  /** What a new record starts with. */
  initial?: string;
}

const f = (name: string, kind: FieldKind, extra: Omit<FieldSpec, 'name' | 'kind'> = {}): FieldSpec => ({ name, kind, ...extra });
const sources = f('sources', 'sources', { wide: true });

export const FIELD_SPECS: Record<RecordKind, FieldSpec[]> = {
  events: [
    f('date', 'date'),
    f('type', 'select', { options: EVENT_TYPES }),
    f('title', 'text', { wide: true }),
    f('title_uk', 'text', { optional: true, wide: true }),
    f('summary', 'textarea', { wide: true }),
    f('summary_uk', 'textarea', { optional: true, wide: true }),
    f('aliases', 'lines'),
    f('aliases_uk', 'lines'),
    f('actors', 'lines'),
    f('areas', 'areas', { wide: true }),
    sources,
  ],
  parties: [
    f('name', 'text'),
    f('name_uk', 'text', { optional: true }),
    f('kind', 'select', { options: PARTY_KINDS }),
    f('iso2', 'text', { optional: true }),
    f('aliases', 'lines', { wide: true }),
    f('offices', 'json', { wide: true, empty: [] }),
    f('memberships', 'json', { wide: true, empty: [] }),
    sources,
  ],
  agreements: [
    f('title', 'text', { wide: true }),
    f('title_uk', 'text', { optional: true, wide: true }),
    f('aliases', 'lines'),
    f('aliases_uk', 'lines'),
    f('kind', 'text'),
    f('status', 'text'),
    f('signed', 'date'),
    f('place', 'text', { optional: true }),
    f('in_force', 'date', { optional: true }),
    f('duration_years', 'number', { optional: true }),
    f('parties', 'lines'),
    f('signatories', 'lines'),
    f('text_url', 'text', { optional: true, wide: true }),
    f('areas', 'areas', { wide: true }),
    f('event_ids', 'lines', { wide: true }),
    sources,
  ],
  commitments: [
    f('agreement_id', 'text'),
    f('provision', 'provision', { optional: true }),
    f('obligor', 'text'),
    f('beneficiary', 'text'),
    f('area', 'select', { options: AREAS }),
    f('due', 'date', { optional: true }),
    f('description', 'textarea', { wide: true }),
    f('amount', 'number', { optional: true }),
    f('currency', 'text', { optional: true }),
    f('quantity', 'number', { optional: true }),
    f('unit', 'text', { optional: true }),
    f('period_start', 'date', { optional: true }),
    f('schedule', 'json', { wide: true, empty: null }),
    f('breach', 'json', { wide: true, empty: null }),
    sources,
  ],
  deliveries: [
    f('commitment_id', 'text'),
    f('date', 'date'),
    f('description', 'textarea', { wide: true }),
    f('amount', 'number', { optional: true }),
    f('currency', 'text', { optional: true }),
    f('quantity', 'number', { optional: true }),
    f('unit', 'text', { optional: true }),
    f('stage', 'select', { options: DELIVERY_STAGES, initial: 'delivered' }),
    sources,
  ],
};

export const isRecordKind = (value: string): value is RecordKind => (RECORD_KINDS as readonly string[]).includes(value);

export interface SourceDraft {
  url: string;
  quote: string;
  title: string;
  /** An override, or '' for the table's tier. */
  tier: string;
  /** The URL the tier was read or chosen for: a tier shown for another URL is the table's, not an override. */
  tierUrl: string;
}
export type FieldValue = string | string[] | SourceDraft[] | { ref: string; text: string };
export type FormState = Record<string, FieldValue>;

const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** Record -> form inputs. */
export function toForm(kind: RecordKind, record: Record<string, unknown>): FormState {
  const form: FormState = { id: str(record.id) };
  for (const spec of FIELD_SPECS[kind]) {
    const value = record[spec.name];
    if (spec.kind === 'lines') form[spec.name] = ((value as string[] | undefined) ?? []).join('\n');
    else if (spec.kind === 'areas') form[spec.name] = [...((value as string[] | undefined) ?? [])];
    else if (spec.kind === 'sources')
      form[spec.name] = (
        (value as { url: string; quote?: string | null; title?: string | null; tier?: string | null }[] | undefined) ?? [{ url: '' }]
      ).map((s) => ({
        url: s.url,
        quote: str(s.quote),
        title: str(s.title),
        tier: str(s.tier),
        tierUrl: s.url,
      }));
    else if (spec.kind === 'provision') {
      const p = value as { ref: string; text?: string | null } | null | undefined;
      form[spec.name] = { ref: str(p?.ref), text: str(p?.text) };
    } else if (spec.kind === 'json') {
      const empty = value === null || value === undefined || (Array.isArray(value) && value.length === 0);
      form[spec.name] = empty ? '' : JSON.stringify(value, null, 2);
    } else form[spec.name] = str(value ?? spec.initial);
  }
  return form;
}

/** Form inputs -> a request body; fields the form does not show are kept from `base`. */
export function fromForm(kind: RecordKind, form: FormState, base: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...base, id: (form.id as string).trim() };
  const nullable = (text: string, optional?: boolean) => (optional && text.trim() === '' ? null : text);
  for (const spec of FIELD_SPECS[kind]) {
    const value = form[spec.name];
    if (spec.kind === 'lines')
      body[spec.name] = (value as string)
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
    else if (spec.kind === 'areas') body[spec.name] = value;
    else if (spec.kind === 'sources')
      body[spec.name] = (value as SourceDraft[])
        .filter((s) => s.url.trim() || s.quote.trim() || s.title.trim())
        // The server drops a tier the table gives anyway, so only a real override is kept.
        .map((s) => ({
          url: s.url.trim(),
          quote: nullable(s.quote, true),
          title: nullable(s.title, true),
          tier: s.tier && s.tierUrl.trim() === s.url.trim() ? s.tier : null,
        }));
    else if (spec.kind === 'provision') {
      const p = value as { ref: string; text: string };
      body[spec.name] = p.ref.trim() || p.text.trim() ? { ref: p.ref, text: nullable(p.text, true) } : null;
    } else if (spec.kind === 'json') {
      const text = (value as string).trim();
      // Text that is not JSON goes as it is, so the API's field error names the field.
      body[spec.name] = text === '' ? (spec.empty ?? null) : parseJsonOr(text);
    } else if (spec.kind === 'number') {
      const text = (value as string).trim();
      body[spec.name] = text === '' ? null : Number(text);
    } else body[spec.name] = nullable(value as string, spec.optional);
  }
  return body;
}

function parseJsonOr(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
