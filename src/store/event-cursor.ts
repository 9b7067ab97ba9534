// Keyset cursors for newest-first event pages: the (date, id) of the last item shown, so
// a page boundary stays put when events are inserted elsewhere.
import { PactwatchError } from '../domain/errors.ts';
import { isPartialDate } from '../domain/partial-date.ts';

export interface EventCursor {
  date: string;
  id: string;
}

export function encodeCursor(c: EventCursor): string {
  return Buffer.from(JSON.stringify([c.date, c.id])).toString('base64url');
}

export function decodeCursor(text: string): EventCursor {
  try {
    const [date, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown[];
    if (typeof date === 'string' && typeof id === 'string' && isPartialDate(date)) return { date, id };
  } catch {
    // fall through to the error below
  }
  throw new PactwatchError('bad_request', 'cursor is not one this server issued', 400, [{ field: 'cursor', message: 'invalid cursor' }]);
}
