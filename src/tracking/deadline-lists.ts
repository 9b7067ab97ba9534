// What is overdue and what falls due soon: the lists a monitor looks at first.
import type { TrackedCommitment } from '../domain/commitment-status.ts';
import { todayIso } from '../domain/partial-date.ts';
import type { RecordStore } from '../store/record-store.ts';
import { listCommitmentsWithStatus } from './tracked-commitments.ts';

export interface DeadlineLists {
  today: string;
  days: number;
  /** Deadline passed, not fulfilled or withdrawn; the longest overdue first. */
  overdue: TrackedCommitment[];
  /** Open (pending or in progress) with a deadline from today to today + days; soonest first. */
  due_soon: TrackedCommitment[];
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export async function deadlineLists(store: RecordStore, today: string = todayIso(), days = 30): Promise<DeadlineLists> {
  const items = await listCommitmentsWithStatus(store, {}, today);
  const byDeadline = (a: TrackedCommitment, b: TrackedCommitment) =>
    (a.deadline ?? '').localeCompare(b.deadline ?? '') || a.id.localeCompare(b.id);
  const horizon = addDays(today, days);
  return {
    today,
    days,
    overdue: items.filter((c) => c.status === 'overdue').sort(byDeadline),
    due_soon: items
      .filter((c) => (c.status === 'pending' || c.status === 'in-progress') && c.deadline !== null && c.deadline <= horizon)
      .sort(byDeadline),
  };
}
