import type { CommitmentStatus } from '../../../src/domain/vocabulary.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** `ratio` is delivered / promised, null when the promise has no figure to measure against. */
export function ProgressBar({ ratio, status }: { ratio: number | null; status: CommitmentStatus }) {
  const { t } = useI18n();
  const value = status === 'fulfilled' ? 1 : ratio;
  if (value === null) return <span className="muted small">{t.commitments.noProgress}</span>;
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
    </span>
  );
}

export function StatusBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t.statuses[status]}</span>;
}
