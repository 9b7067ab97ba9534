// One error type for the whole program. `code` is stable (scripts match on it); `status` is
// the HTTP status the API answers with; `details` carries per-field problems.

export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'precondition_required'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'internal';

export interface FieldProblem {
  /** Where the problem is: a file and line, a record id, or both. */
  record?: string;
  file?: string;
  line?: number;
  field: string;
  message: string;
}

export class PactwatchError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number = 400,
    readonly details?: FieldProblem[],
    /** HTTP headers the answer carries (Retry-After with a 429 or a 503). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'PactwatchError';
  }
}

export function describeProblem(p: FieldProblem): string {
  const where = [p.file, p.line !== undefined ? `line ${p.line}` : undefined, p.record ? `record "${p.record}"` : undefined]
    .filter(Boolean)
    .join(', ');
  return `${where ? where + ': ' : ''}field "${p.field}": ${p.message}`;
}
