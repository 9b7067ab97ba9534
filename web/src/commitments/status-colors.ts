import type { CommitmentStatus } from '../../../src/domain/vocabulary.ts';

// Chart fills; mid-tones so the same colours work on light and dark backgrounds.
export const STATUS_COLORS: Record<CommitmentStatus, string> = {
  fulfilled: '#2f9e58',
  'in-progress': '#3b6fe0',
  pending: '#94a3b8',
  overdue: '#e0533d',
  withdrawn: '#d08c1a',
  breached: '#8e2a8e',
};

/** Stacking and legend order: delivered first, so bars read from done to not done. */
export const STATUS_ORDER: CommitmentStatus[] = ['fulfilled', 'in-progress', 'pending', 'overdue', 'withdrawn', 'breached'];
