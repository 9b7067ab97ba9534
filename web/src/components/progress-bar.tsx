// How far a commitment has got, said honestly: a bar only when there is a figure to measure and
// something recorded against it; "No delivery recorded" when nothing is, never a 0% bar that
// reads as "delivered nothing".
import { deliveredToward } from '../../../src/domain/progress.ts';
import type { CommitmentView } from '../api.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { formatFigure } from '../money/money.ts';

export type Evidence = 'none' | 'partial' | 'full';

/** The record's derived `evidence` when the server gives it; otherwise read from the deliveries. */
export function evidenceOf(c: Pick<CommitmentView, 'evidence' | 'deliveries' | 'status' | 'progress'>): Evidence {
  if (c.evidence) return c.evidence;
  const recorded = c.deliveries ? c.deliveries.length > 0 : c.progress.delivered.length > 0;
  if (!recorded) return 'none';
  return c.status === 'fulfilled' ? 'full' : 'partial';
}

export function CommitmentProgress({ commitment: c }: { commitment: CommitmentView }) {
  const { t } = useI18n();
  const evidence = evidenceOf(c);
  if (c.status === 'withdrawn') return <span className="muted small">—</span>;
  if (evidence === 'none') {
    return (
      <span className="no-evidence small" data-testid="no-delivery">
        {t.commitments.noDelivery}
      </span>
    );
  }
  const value = c.status === 'fulfilled' && c.progress.ratio === null ? 1 : c.progress.ratio;
  if (value === null)
    return (
      <span className="muted small" data-testid="partial-delivery">
        {t.commitments.partialNoFigure}
      </span>
    );
  const target = c.progress.targets[0];
  const figures = target
    ? t.commitments.figureOf(
        formatFigure({ ...target, value: deliveredToward(target, c.progress.delivered) }, t.locale),
        formatFigure(target, t.locale),
      )
    : null;
  const percent = Math.round(value * 100);
  const label = figures ? `${figures} (${percent}%)` : t.commitments.progress(value);
  return (
    <span className="progress" title={label}>
      <span
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.min(100, percent)}
        aria-label={label}
        className={`bar status-${c.status}`}
      >
        <span style={{ width: `${Math.min(100, Math.max(0, value * 100))}%` }} />
      </span>
      <span className="small figures">{label}</span>
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t.statuses[status as keyof typeof t.statuses] ?? status}</span>;
}

/** The deadline in words, or "no deadline". */
export function Due({ due }: { due: string | null | undefined }) {
  const { t } = useI18n();
  return due ? <time dateTime={due}>{formatDate(due, t)}</time> : <span className="muted">{t.commitments.noDeadline}</span>;
}
