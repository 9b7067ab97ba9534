// The one typed client for the HTTP API (../shared/CONTRACT.md). Components never call fetch.
import type { Agreement, Commitment, Delivery, EventRecord, Party, RecordTypes, Source } from '../../src/domain/schemas.ts';
import type { TrackedCommitment } from '../../src/domain/commitment-status.ts';
import type { RecordKind } from '../../src/domain/vocabulary.ts';

export type { Agreement, Commitment, Delivery, EventRecord, Party, RecordTypes, Source, RecordKind, TrackedCommitment };

export type FacetName = 'type' | 'area' | 'actor' | 'year';
export interface FacetCount {
  value: string;
  count: number;
}

export interface EventPage {
  items: EventRecord[];
  total: number;
  facets: Partial<Record<FacetName, FacetCount[]>>;
  next: string | null;
}

export interface EventFilter {
  q?: string;
  from?: string;
  to?: string;
  type?: readonly string[];
  area?: readonly string[];
  actor?: readonly string[];
}

/** `evidence` and `breached` come with the record model's additions; older servers omit them. */
export type CommitmentView = Omit<TrackedCommitment, 'status'> & {
  status: TrackedCommitment['status'] | 'breached';
  deliveries: Delivery[];
  evidence?: 'none' | 'partial' | 'full';
  schedule?: {
    period_start?: string | null;
    due?: string | null;
    amount?: number | null;
    quantity?: number | null;
    share?: number | null;
  }[];
  breach?: { date: string; by?: string | null; description: string; sources: Source[] } | null;
};

export interface AgreementDetail extends Agreement {
  commitments: CommitmentView[];
  events: EventRecord[];
}

export interface Evidence {
  kind: string;
  id: string;
  date?: string;
  title?: string;
  sources?: string[];
  /** The tier of each source, in the order of `sources` (strongest first). */
  source_tiers?: string[];
}

export type Verdict = 'supported' | 'contradicted' | 'unverifiable';

export interface ClaimDetail {
  kind: string;
  claim: string;
  record?: string | null;
  status: 'agree' | 'conflict' | 'missing';
  evidence_id?: string | null;
}

export interface Claim {
  text: string;
  start: number;
  end: number;
  verdict: Verdict;
  confidence: number;
  explanation: string;
  evidence: Evidence[];
  /** The comparison behind the verdict (CONTRACT.md, "Additions (2026-12)"), when the checker gives it. */
  details?: ClaimDetail[];
  link?: { by: string; strength: 'name' | 'mention' | 'reference' | 'conjunction' };
}

/** A part of the text the checker did not check, and why. */
export interface SkippedUnit {
  text: string;
  start: number;
  end: number;
  reason: string;
}

export interface CheckResult {
  claims: Claim[];
  skipped?: SkippedUnit[];
}

export interface Change {
  seq: number;
  at: string;
  actor: string | null;
  kind: string;
  record_id: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export interface Me {
  name: string;
  role: 'viewer' | 'editor' | 'admin';
}

export interface FieldError {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Field errors of a 400 validation failure, with paths like "sources.0.url". */
  get fieldErrors(): FieldError[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter((d): d is FieldError => typeof d === 'object' && d !== null && typeof (d as FieldError).field === 'string');
  }
}

const TOKEN_KEY = 'pactwatch.token';

export const token = {
  get: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (value: string | null) => (value ? localStorage.setItem(TOKEN_KEY, value) : localStorage.removeItem(TOKEN_KEY)),
};

type Query = Record<string, string | number | readonly string[] | undefined | null>;

function url(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) for (const item of value) params.append(key, item);
    else params.set(key, String(value));
  }
  const search = params.toString();
  return `/api${path}${search ? `?${search}` : ''}`;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  etag?: string | null;
  signal?: AbortSignal;
}

interface Response<T> {
  data: T;
  etag: string | null;
}

async function request<T>(path: string, options: RequestOptions = {}): Promise<Response<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const bearer = token.get();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.etag) headers['if-match'] = options.etag;
  const response = await fetch(path, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });
  const text = await response.text();
  let payload: unknown = null;
  if (text) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = null;
    }
  }
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? response.statusText, error?.details);
  }
  return { data: payload as T, etag: response.headers.get('etag') };
}

const get = async <T>(path: string, query?: Query, signal?: AbortSignal) => (await request<T>(url(path, query), { signal })).data;

interface List<T> {
  items: T[];
  total?: number;
}

// Small registries change rarely and many screens need them; one request per page load.
const cached = new Map<string, Promise<unknown>>();
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let hit = cached.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    hit.catch(() => cached.delete(key));
    cached.set(key, hit);
  }
  return hit;
}

export const api = {
  events(filter: EventFilter & { limit?: number; cursor?: string | null; facets?: readonly FacetName[] }, signal?: AbortSignal) {
    const { facets, ...rest } = filter;
    return get<EventPage>('/events', { ...rest, facets: facets?.join(',') }, signal);
  },
  parties: () => once('parties', async () => (await get<List<Party>>('/parties')).items),
  agreements: () => once('agreements', async () => (await get<List<Agreement>>('/agreements')).items),
  agreement: (id: string) => get<AgreementDetail>(`/agreements/${encodeURIComponent(id)}`),
  commitments: () => get<List<CommitmentView>>('/commitments').then((list) => list.items),
  commitment: (id: string) => get<CommitmentView>(`/commitments/${encodeURIComponent(id)}`),
  /** The newest change-log entries (the log is oldest first, so this pages to its end). */
  async lastChange(): Promise<Change | null> {
    let since: number | undefined;
    let last: Change | null = null;
    for (let i = 0; i < 50; i++) {
      const page = await get<List<Change> & { next: number | null }>('/changes', { since, limit: 1000 });
      last = page.items[page.items.length - 1] ?? last;
      if (page.next === null) return last;
      since = page.next;
    }
    return last;
  },
  deliveries: () => get<List<Delivery>>('/deliveries').then((list) => list.items),
  check: (text: string, includeSkipped = false) =>
    request<CheckResult>(url('/check'), { method: 'POST', body: { text, include_skipped: includeSkipped } }).then((r) => r.data),
  me: () => get<Me>('/me'),
  changes: (kind: RecordKind, id: string) => get<List<Change>>('/changes', { record: `${kind}/${id}` }).then((list) => list.items),
  record<K extends RecordKind>(kind: K, id: string): Promise<Response<RecordTypes[K]>> {
    return request<RecordTypes[K]>(url(`/${kind}/${encodeURIComponent(id)}`));
  },
  create<K extends RecordKind>(kind: K, body: unknown): Promise<Response<RecordTypes[K]>> {
    this.forget(kind);
    return request<RecordTypes[K]>(url(`/${kind}`), { method: 'POST', body });
  },
  replace<K extends RecordKind>(kind: K, id: string, body: unknown, etag: string | null): Promise<Response<RecordTypes[K]>> {
    this.forget(kind);
    return request<RecordTypes[K]>(url(`/${kind}/${encodeURIComponent(id)}`), { method: 'PUT', body, etag });
  },
  remove(kind: RecordKind, id: string, etag: string | null): Promise<Response<unknown>> {
    this.forget(kind);
    return request(url(`/${kind}/${encodeURIComponent(id)}`), { method: 'DELETE', etag });
  },
  forget(kind: RecordKind) {
    cached.delete(kind);
  },
  calendarUrl: () => url('/deadlines.ics'),
  feedUrl: () => url('/feed.atom'),
};

/** Only http(s) links become anchors: record text is untrusted input. */
export function safeHref(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
