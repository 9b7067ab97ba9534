// Commitments with their derived status, progress and deliveries, as the API shows them.
import { trackCommitment, type TrackedCommitment } from '../domain/commitment-status.ts';
import { todayIso } from '../domain/partial-date.ts';
import type { Delivery } from '../domain/schemas.ts';
import type { CommitmentStatus } from '../domain/vocabulary.ts';
import type { ListFilter, RecordStore } from '../store/record-store.ts';

export type CommitmentView = TrackedCommitment & { deliveries: Delivery[] };

export interface Tracking {
  commitments(filter: ListFilter, status?: CommitmentStatus): Promise<CommitmentView[]>;
}

export function storeTracking(store: RecordStore, today: () => string = () => todayIso()): Tracking {
  return {
    async commitments(filter, status) {
      const commitments = await store.list('commitments', filter);
      const deliveries = await store.list('deliveries', filter.ids?.length === 1 ? { commitment_id: filter.ids[0] } : {});
      const byCommitment = new Map<string, Delivery[]>();
      for (const d of deliveries) byCommitment.set(d.commitment_id, [...(byCommitment.get(d.commitment_id) ?? []), d]);
      const now = today();
      const views = commitments.map((c) => {
        const own = byCommitment.get(c.id) ?? [];
        return { ...trackCommitment(c, own, now), deliveries: own };
      });
      return status ? views.filter((v) => v.status === status) : views;
    },
  };
}
