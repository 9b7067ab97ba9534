// Commitments as the API shows them: the tracking module's status and progress, plus the
// deliveries behind them.
import type { TrackedCommitment } from '../domain/commitment-status.ts';
import { todayIso } from '../domain/partial-date.ts';
import type { Delivery } from '../domain/schemas.ts';
import type { RecordStore } from '../store/record-store.ts';
import { listCommitmentsWithStatus, type CommitmentFilter } from '../tracking/tracked-commitments.ts';

export type CommitmentView = TrackedCommitment & { deliveries: Delivery[] };

export interface Tracking {
  readonly today: () => string;
  commitments(filter: CommitmentFilter): Promise<CommitmentView[]>;
}

export function storeTracking(store: RecordStore, today: () => string = () => todayIso()): Tracking {
  return {
    today,
    async commitments(filter) {
      const [tracked, deliveries] = await Promise.all([
        listCommitmentsWithStatus(store, filter, today()),
        store.list('deliveries', filter.ids?.length === 1 ? { commitment_id: filter.ids[0] } : {}),
      ]);
      const byCommitment = new Map<string, Delivery[]>();
      for (const d of deliveries) byCommitment.set(d.commitment_id, [...(byCommitment.get(d.commitment_id) ?? []), d]);
      return tracked.map((c) => ({ ...c, deliveries: byCommitment.get(c.id) ?? [] }));
    },
  };
}
