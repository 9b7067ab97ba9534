// A commitment's status follows from its record and its deliveries; it is never stored.
//
// In order of precedence:
// - breached: the commitment carries a sourced breach (a party acted against it). A breach
//   cannot be undone by withdrawing, so it comes first.
// - withdrawn: the commitment carries a sourced withdrawal.
// - fulfilled: with a promised amount or quantity, the latest delivered total in that currency
//   or unit reaches it (over-delivery is fulfilled too). Without one, a delivery whose sources
//   say it completes the commitment (`fulfils: true`). A delivery without a figure is not
//   enough on its own: "some F-16s have already arrived" is progress, not completion.
// - overdue: the deadline has passed. A deadline is the last day of the `due` span, so
//   "2024" is due on 2024-12-31 and a commitment due today is not yet overdue.
// - in-progress: something was delivered or allocated: a figure above zero, or a delivery
//   without a figure. A delivery that states zero ("no F-16 was delivered in 2024") records
//   that nothing was.
// - pending: otherwise, including commitments without a deadline and nothing delivered.
//
// Only deliveries at the `delivered` stage fulfil; `allocated` ones (budgeted, contracted,
// announced) make a commitment in progress, never fulfilled.
//
// A recurring commitment (`schedule`) is tracked period by period: each period has its own
// deadline, progress and status by the rules above, and the commitment is fulfilled when every
// period is, overdue when any period (or the commitment's own `due`) is past and unmet, in
// progress when any period has something delivered or allocated. See commitment-schedule.ts
// for which period a delivery counts toward.
//
// `evidence` says what the record holds: none (no delivery of any stage recorded, so "nothing
// is known", never "0% delivered"), full (deliveries complete it) or partial (anything between,
// including only allocations or a stated zero).
import { assignToPeriods, periodTargets } from './commitment-schedule.ts';
import { dateSpan } from './partial-date.ts';
import { commitmentProgress, describeProgress, figuresOf, isDelivered, progressToward, sumProgress, type Progress } from './progress.ts';
import type { Commitment, Delivery, SchedulePeriod } from './schemas.ts';
import type { CommitmentStatus, Evidence, PeriodStatus } from './vocabulary.ts';

/** The last day (YYYY-MM-DD) by which the commitment is due, or null without a deadline. */
export function commitmentDeadline(commitment: Commitment): string | null {
  return commitment.due ? dateSpan(commitment.due).end : null;
}

function reportsSomething(delivery: Delivery): boolean {
  const figures = figuresOf(delivery);
  return figures.length === 0 || figures.some((figure) => figure.value > 0);
}

/** Fulfilled, by the figures when there is a target, else by a delivery that says so. */
function complete(progress: Progress, deliveries: readonly Delivery[]): boolean {
  return progress.ratio === null ? deliveries.some((d) => d.fulfils && isDelivered(d)) : progress.ratio >= 1;
}

/** The status of one promise (a one-off commitment, or one period), before breach and withdrawal. */
function statusOf(progress: Progress, deliveries: readonly Delivery[], deadline: string | null, today: string): PeriodStatus {
  if (complete(progress, deliveries)) return 'fulfilled';
  if (deadline !== null && today > deadline) return 'overdue';
  return deliveries.some(reportsSomething) ? 'in-progress' : 'pending';
}

export type TrackedPeriod = SchedulePeriod & {
  /** The last day of the period's `due`. */
  deadline: string;
  status: PeriodStatus;
  progress: Progress;
  evidence: Evidence;
};

export type TrackedCommitment = Commitment & {
  status: CommitmentStatus;
  /** For a schedule, the sum of its periods. */
  progress: Progress;
  /**
   * The last day of `due`, or null. For a schedule: the deadline of the first period not yet
   * fulfilled (the last period's once all are), so lists of overdue and due-soon promises
   * show the period that matters now.
   */
  deadline: string | null;
  evidence: Evidence;
  /** The schedule's periods, tracked; empty for a one-off commitment. */
  periods: TrackedPeriod[];
};

function evidenceOf(deliveries: readonly Delivery[], full: boolean): Evidence {
  return deliveries.length === 0 ? 'none' : full ? 'full' : 'partial';
}

function trackPeriods(commitment: Commitment, own: readonly Delivery[], today: string): TrackedPeriod[] {
  const schedule = commitment.schedule ?? [];
  return assignToPeriods(schedule, own).map((deliveries, i) => {
    const period = schedule[i]!;
    const deadline = dateSpan(period.due).end;
    const progress = progressToward(periodTargets(commitment, period), deliveries);
    return {
      ...period,
      deadline,
      status: statusOf(progress, deliveries, deadline, today),
      progress,
      evidence: evidenceOf(deliveries, complete(progress, deliveries)),
    };
  });
}

function scheduledStatus(periods: readonly TrackedPeriod[], ownDeadline: string | null, today: string): PeriodStatus {
  if (periods.every((p) => p.status === 'fulfilled')) return 'fulfilled';
  if (periods.some((p) => p.status === 'overdue') || (ownDeadline !== null && today > ownDeadline)) return 'overdue';
  return periods.some((p) => p.status !== 'pending') ? 'in-progress' : 'pending';
}

/** `deliveries` may include other commitments' (they are ignored); `today` is YYYY-MM-DD. */
export function trackCommitment(commitment: Commitment, deliveries: readonly Delivery[], today: string): TrackedCommitment {
  const own = deliveries.filter((d) => d.commitment_id === commitment.id);
  const ownDeadline = commitmentDeadline(commitment);
  let status: PeriodStatus;
  let progress: Progress;
  let deadline = ownDeadline;
  let full: boolean;
  const periods = trackPeriods(commitment, own, today);
  if (periods.length > 0) {
    progress = sumProgress(periods.map((p) => p.progress));
    status = scheduledStatus(periods, ownDeadline, today);
    full = status === 'fulfilled';
    deadline = (periods.find((p) => p.status !== 'fulfilled') ?? periods[periods.length - 1]!).deadline;
  } else {
    progress = commitmentProgress(commitment, own);
    status = statusOf(progress, own, ownDeadline, today);
    full = status === 'fulfilled';
  }
  return {
    ...commitment,
    status: commitment.breach ? 'breached' : commitment.withdrawn ? 'withdrawn' : status,
    progress,
    deadline,
    evidence: evidenceOf(own, full),
    periods,
  };
}

/** The status alone; see trackCommitment. */
export function commitmentStatus(commitment: Commitment, deliveries: readonly Delivery[], today: string): CommitmentStatus {
  return trackCommitment(commitment, deliveries, today).status;
}

/** One line for calendars, timelines and the CLI; "no delivery recorded" rather than "0%". */
export function describeTracked(commitment: Pick<TrackedCommitment, 'evidence' | 'progress'>): string {
  return commitment.evidence === 'none' ? 'no delivery recorded' : describeProgress(commitment.progress);
}
