import { allocatedRatio, type Progress } from '../../../src/domain/progress.ts';
import type { CommitmentStatus, Evidence } from '../../../src/domain/vocabulary.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Delivered / promised; "no delivery recorded" when the record holds none (never "0%"), "not
 * measurable" when the promise has no figure. Allocations (budgeted, not delivered) beside it.
 */
export function ProgressBar({ progress, status, evidence }: { progress: Progress; status: CommitmentStatus; evidence: Evidence }) {
  const { t } = useI18n();
  if (evidence === 'none' && status !== 'fulfilled') return <span className="muted small">{t.commitments.noEvidence}</span>;
  const value = status === 'fulfilled' ? 1 : progress.ratio;
  const allocated = allocatedRatio(progress);
  const allocatedNote = allocated !== null && allocated > 0 && <span className="small muted"> · {t.commitments.allocated(allocated)}</span>;
  if (value === null)
    return (
      <span className="muted small">
        {t.commitments.noProgress}
        {allocatedNote}
      </span>
    );
  const label = t.commitments.progress(value);
  return (
    <span className="progress" title={label}>
      <span
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(value * 100)}
        aria-label={label}
        className={`bar status-${status}`}
      >
        <span style={{ width: `${Math.min(100, Math.max(0, value * 100))}%` }} />
      </span>
      <span className="small">{Math.round(value * 100)}%</span>
      {allocatedNote}
    </span>
  );
}

export function StatusBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t.statuses[status]}</span>;
}
