// A commitment's status follows from its record and its deliveries; it is never stored.
//
// In order of precedence:
// - withdrawn: the commitment carries a sourced withdrawal.
// - fulfilled: with a promised amount or quantity, the latest delivered total in that currency
//   or unit reaches it (over-delivery is fulfilled too). Without one, a delivery whose sources
//   say it completes the commitment (`fulfils: true`). A delivery without a figure is not
//   enough on its own: "some F-16s have already arrived" is progress, not completion.
// - overdue: the deadline has passed. A deadline is the last day of the `due` span, so
//   "2024" is due on 2024-12-31 and a commitment due today is not yet overdue.
// - in-progress: something was delivered: a figure above zero, or a delivery without a figure.
//   A delivery that states zero ("no F-16 was delivered in 2024") records that nothing was.
// - pending: otherwise, including commitments without a deadline and nothing delivered.
import { dateSpan } from './partial-date.ts';
import { commitmentProgress, figuresOf, type Progress } from './progress.ts';
import type { Commitment, Delivery } from './schemas.ts';
import type { CommitmentStatus } from './vocabulary.ts';

/** The last day (YYYY-MM-DD) by which the commitment is due, or null without a deadline. */
export function commitmentDeadline(commitment: Commitment): string | null {
  return commitment.due ? dateSpan(commitment.due).end : null;
}

function reportsSomethingDelivered(delivery: Delivery): boolean {
  const figures = figuresOf(delivery);
  return figures.length === 0 || figures.some((figure) => figure.value > 0);
}

/**
 * `today` is YYYY-MM-DD; `deliveries` are the commitment's own (others are ignored);
 * `progress` may be passed when the caller has already computed it.
 */
export function commitmentStatus(
  commitment: Commitment,
  deliveries: readonly Delivery[],
  today: string,
  progress: Progress = commitmentProgress(commitment, deliveries),
): CommitmentStatus {
  if (commitment.withdrawn) return 'withdrawn';
  const own = deliveries.filter((d) => d.commitment_id === commitment.id);
  const fulfilled = progress.ratio === null ? own.some((d) => d.fulfils) : progress.ratio >= 1;
  if (fulfilled) return 'fulfilled';
  const deadline = commitmentDeadline(commitment);
  if (deadline !== null && today > deadline) return 'overdue';
  return own.some(reportsSomethingDelivered) ? 'in-progress' : 'pending';
}

export type TrackedCommitment = Commitment & {
  status: CommitmentStatus;
  progress: Progress;
  /** The last day of `due`, or null. */
  deadline: string | null;
};

export function trackCommitment(commitment: Commitment, deliveries: readonly Delivery[], today: string): TrackedCommitment {
  const progress = commitmentProgress(commitment, deliveries);
  return {
    ...commitment,
    status: commitmentStatus(commitment, deliveries, today, progress),
    progress,
    deadline: commitmentDeadline(commitment),
  };
}
