// The commitments dashboard: where promises stand, who made them, and what is late or due.
import { useCallback, useMemo } from 'react';
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../../src/domain/vocabulary.ts';
import { todayIso } from '../../../src/domain/partial-date.ts';
import { api, type TrackedCommitment } from '../api.ts';
import { formatDate, localized, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { usePartyName } from '../components/parties.ts';
import { ProgressBar, StatusBadge } from '../components/progress-bar.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { PlotFigure, type PlotModule } from './plot-figure.tsx';
import { STATUS_COLORS, STATUS_ORDER } from './status-colors.ts';

const SOON_DAYS = 180;
const TOP = 14;

interface Row {
  key: string;
  label: string;
  status: CommitmentStatus;
  count: number;
}

function rows(items: readonly TrackedCommitment[], keyOf: (c: TrackedCommitment) => string, label: (key: string) => string): Row[] {
  const totals = new Map<string, number>();
  for (const c of items) totals.set(keyOf(c), (totals.get(keyOf(c)) ?? 0) + 1);
  const top = new Set(
    [...totals]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k]) => k),
  );
  const counts = new Map<string, Row>();
  for (const c of items) {
    const key = keyOf(c);
    if (!top.has(key)) continue;
    const id = `${key}\u0000${c.status}`;
    const row = counts.get(id) ?? { key, label: label(key), status: c.status, count: 0 };
    row.count++;
    counts.set(id, row);
  }
  return [...counts.values()];
}

export function CommitmentsPage() {
  const { t, lang } = useI18n();
  const partyName = usePartyName();
  const result = useAsync(() => Promise.all([api.commitments(), api.agreements()]), 'commitments');
  const [items, agreements] = result.data ?? [[], []];
  const agreementTitle = useMemo(() => new Map(agreements.map((a) => [a.id, localized(a, 'title', lang)])), [agreements, lang]);

  const byStatus = useMemo(() => {
    const counts = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as Record<CommitmentStatus, number>;
    for (const c of items) counts[c.status]++;
    return counts;
  }, [items]);

  const today = todayIso();
  const soon = todayIso(new Date(Date.now() + SOON_DAYS * 86_400_000));
  const overdue = items.filter((c) => c.status === 'overdue').sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));
  const dueSoon = items
    .filter(
      (c) => (c.status === 'pending' || c.status === 'in-progress') && c.deadline !== null && c.deadline >= today && c.deadline <= soon,
    )
    .sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));

  const statusLabel = (s: string) => t.statuses[s as CommitmentStatus] ?? s;
  const chart = useCallback(
    (data: Row[]) => (plot: PlotModule, width: number) =>
      plot.plot({
        width,
        height: 28 + new Set(data.map((d) => d.label)).size * 24,
        marginLeft: Math.min(200, width * 0.38),
        x: { label: null, grid: true, tickFormat: 'd' },
        y: { label: null, tickFormat: (d: string) => (d.length > 30 ? `${d.slice(0, 29)}…` : d) },
        color: { domain: [...COMMITMENT_STATUSES], range: COMMITMENT_STATUSES.map((s) => STATUS_COLORS[s]) },
        marks: [
          plot.barX(data, {
            x: 'count',
            y: 'label',
            fill: 'status',
            order: STATUS_ORDER,
            sort: { y: '-x' },
            title: (d: Row) => `${d.label}: ${d.count} ${statusLabel(d.status)}`,
          }),
          plot.ruleX([0]),
        ],
      }),
    // Re-render when the language changes the labels.
    [t],
  );
  const byObligor = useMemo(() => chart(rows(items, (c) => c.obligor, partyName)), [items, chart, partyName]);
  const byArea = useMemo(
    () =>
      chart(
        rows(
          items,
          (c) => c.area,
          (a) => t.areas[a as keyof typeof t.areas] ?? a,
        ),
      ),
    [items, chart, t],
  );

  if (result.state === 'error') return <ErrorBox error={result.error} retry={result.reload} />;
  if (!result.data) return <Loading />;

  const table = (list: TrackedCommitment[], testId: string) =>
    list.length === 0 ? (
      <p className="muted">{t.commitments.none}</p>
    ) : (
      <div className="table-wrap">
        <table data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{t.commitments.columns.due}</th>
              <th scope="col">{t.commitments.columns.description}</th>
              <th scope="col">{t.commitments.columns.obligor}</th>
              <th scope="col">{t.commitments.columns.progress}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id}>
                <td className="date">{formatDate(c.due, t)}</td>
                <td>
                  {c.description}
                  <div className="small">
                    <Link to={`/agreements/${encodeURIComponent(c.agreement_id)}#commitment-${c.id}`}>
                      {agreementTitle.get(c.agreement_id) ?? c.agreement_id}
                    </Link>
                  </div>
                </td>
                <td className="small">{partyName(c.obligor)}</td>
                <td>
                  <ProgressBar progress={c.progress} status={c.status} evidence={c.evidence} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.commitments.title}</h1>
        <span className="muted">{t.commitments.total(items.length)}</span>
        <a className="button" href={api.calendarUrl()} style={{ marginLeft: 'auto' }} title={t.commitments.calendarHelp}>
          {t.commitments.calendar}
        </a>
      </div>
      <section aria-label={t.commitments.byStatus} className="stat-grid">
        {COMMITMENT_STATUSES.map((s) => (
          <div key={s} className={`card stat status-${s}`}>
            <div className="value">{byStatus[s]}</div>
            <StatusBadge status={s} />
          </div>
        ))}
      </section>
      <div className="chart-grid">
        <section className="card chart" aria-labelledby="chart-obligor">
          <h2 id="chart-obligor">{t.commitments.byObligor}</h2>
          <p className="hint">{t.commitments.chartNote}</p>
          <Legend />
          <PlotFigure render={byObligor} label={t.commitments.byObligor} />
        </section>
        <section className="card chart" aria-labelledby="chart-area">
          <h2 id="chart-area">{t.commitments.byArea}</h2>
          <Legend />
          <PlotFigure render={byArea} label={t.commitments.byArea} />
        </section>
      </div>
      <div className="chart-grid">
        <section className="card" aria-labelledby="overdue-heading">
          <h2 id="overdue-heading">
            {t.commitments.overdue} <span className="muted">({overdue.length})</span>
          </h2>
          {table(overdue, 'overdue')}
        </section>
        <section className="card" aria-labelledby="soon-heading">
          <h2 id="soon-heading">
            {t.commitments.dueSoon} <span className="muted">({dueSoon.length})</span>
          </h2>
          {table(dueSoon, 'due-soon')}
        </section>
      </div>
    </div>
  );
}

function Legend() {
  const { t } = useI18n();
  return (
    <ul className="chart-legend">
      {STATUS_ORDER.map((s) => (
        <li key={s}>
          <span className="swatch" style={{ background: STATUS_COLORS[s] }} aria-hidden="true" />
          {t.statuses[s]}
        </li>
      ))}
    </ul>
  );
}
