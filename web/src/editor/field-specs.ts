// What the edit form shows for each kind of record, in the order of CONTRACT.md's fields.
import { AREAS, EVENT_TYPES, PARTY_KINDS, RECORD_KINDS, type RecordKind } from '../../../src/domain/vocabulary.ts';

export type FieldKind = 'text' | 'textarea' | 'date' | 'number' | 'select' | 'areas' | 'lines' | 'sources' | 'provision';

export interface FieldSpec {
  name: string;
  kind: FieldKind;
  /** Nullable in the schema: an empty input is sent as null. */
  optional?: boolean;
  options?: readonly string[];
  wide?: boolean;
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
    sources,
  ],
};

export const isRecordKind = (value: string): value is RecordKind => (RECORD_KINDS as readonly string[]).includes(value);

export interface SourceDraft {
  url: string;
  quote: string;
  title: string;
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
      form[spec.name] = ((value as { url: string; quote?: string | null; title?: string | null }[] | undefined) ?? [{ url: '' }]).map(
        (s) => ({
          url: s.url,
          quote: str(s.quote),
          title: str(s.title),
        }),
      );
    else if (spec.kind === 'provision') {
      const p = value as { ref: string; text?: string | null } | null | undefined;
      form[spec.name] = { ref: str(p?.ref), text: str(p?.text) };
    } else form[spec.name] = str(value);
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
        .map((s) => ({ url: s.url.trim(), quote: nullable(s.quote, true), title: nullable(s.title, true) }));
    else if (spec.kind === 'provision') {
      const p = value as { ref: string; text: string };
      body[spec.name] = p.ref.trim() || p.text.trim() ? { ref: p.ref, text: nullable(p.text, true) } : null;
    } else if (spec.kind === 'number') {
      const text = (value as string).trim();
      body[spec.name] = text === '' ? null : Number(text);
    } else body[spec.name] = nullable(value as string, spec.optional);
  }
  return body;
}
