// Commitments read from a store, each with the status and progress its deliveries give it.
import { trackCommitment, type TrackedCommitment } from '../domain/commitment-status.ts';
import { todayIso } from '../domain/partial-date.ts';
import type { Delivery } from '../domain/schemas.ts';
import type { Area, CommitmentStatus } from '../domain/vocabulary.ts';
import type { RecordStore } from '../store/record-store.ts';

export interface CommitmentFilter {
  status?: CommitmentStatus;
  /** Obligor or beneficiary. */
  party?: string;
  area?: Area;
  agreement_id?: string;
  ids?: string[];
}

/** In id order. `today` (YYYY-MM-DD) decides what is overdue. */
export async function listCommitmentsWithStatus(
  store: RecordStore,
  filter: CommitmentFilter = {},
  today: string = todayIso(),
): Promise<TrackedCommitment[]> {
  const { status, ...stored } = filter;
  const [commitments, deliveries] = await Promise.all([store.list('commitments', stored), store.list('deliveries')]);
  const byCommitment = new Map<string, Delivery[]>();
  for (const d of deliveries) {
    const own = byCommitment.get(d.commitment_id);
    if (own) own.push(d);
    else byCommitment.set(d.commitment_id, [d]);
  }
  const tracked = commitments.map((c) => trackCommitment(c, byCommitment.get(c.id) ?? [], today));
  return status ? tracked.filter((c) => c.status === status) : tracked;
}

export async function getCommitmentWithStatus(
  store: RecordStore,
  id: string,
  today: string = todayIso(),
): Promise<TrackedCommitment | undefined> {
  const commitment = await store.get('commitments', id);
  if (!commitment) return undefined;
  return trackCommitment(commitment, await store.list('deliveries', { commitment_id: id }), today);
}
