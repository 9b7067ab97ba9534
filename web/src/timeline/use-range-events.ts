// Events for the visible stretch of the timeline. A window half a view wider on each side is
// loaded so small pans need no request; a window holding more than MAX_EVENTS is not loaded
// event by event (the timeline shows density instead) and only its newest page is kept for the list.
import { useEffect, useState } from 'react';
import { api, type EventFilter, type EventRecord } from '../api.ts';
import { fullView, isoDay, type View } from './time-scale.ts';

export const MAX_EVENTS = 3000;
const PAGE = 500;

export interface RangeEvents {
  key: string;
  window: View;
  items: EventRecord[];
  /** Events in the window under the filters. */
  total: number;
  /** False when the window was too crowded to load every event. */
  complete: boolean;
}

async function loadWindow(filter: EventFilter, window: View, signal: AbortSignal): Promise<Omit<RangeEvents, 'key'>> {
  const from = [filter.from, isoDay(window.start)].filter(Boolean).sort().at(-1);
  const to = [filter.to ? `${filter.to}-12-31`.slice(0, 10) : undefined, isoDay(window.end)].filter(Boolean).sort()[0];
  if (from && to && from > to) return { window, items: [], total: 0, complete: true };
  const query = { ...filter, from, to };
  let page = await api.events({ ...query, limit: PAGE }, signal);
  if (page.total > MAX_EVENTS) return { window, items: page.items, total: page.total, complete: false };
  const items = [...page.items];
  while (page.next && items.length < MAX_EVENTS) {
    page = await api.events({ ...query, limit: PAGE, cursor: page.next }, signal);
    items.push(...page.items);
  }
  return { window, items, total: page.total, complete: true };
}

export function useRangeEvents(filter: EventFilter, key: string, view: View): { data: RangeEvents | null; error: Error | null } {
  const [data, setData] = useState<RangeEvents | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const covered = data !== null && data.key === key && data.complete && data.window.start <= view.start && data.window.end >= view.end;
  useEffect(() => {
    if (covered) return;
    const controller = new AbortController();
    const span = view.end - view.start;
    const bounds = fullView();
    const padded = { start: Math.max(bounds.start, view.start - span / 2), end: Math.min(bounds.end, view.end + span / 2) };
    (async () => {
      let result = await loadWindow(filter, padded, controller.signal);
      if (!result.complete) result = await loadWindow(filter, view, controller.signal);
      if (!controller.signal.aborted) {
        setData({ key, ...result });
        setError(null);
      }
    })().catch((e: Error) => !controller.signal.aborted && setError(e));
    return () => controller.abort();
    // `key` stands for `filter`.
  }, [key, view.start, view.end, covered]);
  return { data: data?.key === key ? data : null, error };
}
