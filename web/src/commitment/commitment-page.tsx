// One commitment: what was promised, by whom to whom, when, what was delivered, its status and
// how that status follows from the record, its sources and its history.
import { figuresOf } from '../../../src/domain/progress.ts';
import { api, type CommitmentView } from '../api.ts';
import { formatDate, localized, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { usePartyName } from '../components/parties.ts';
import { usePageTitle } from '../components/page-title.ts';
import { CommitmentProgress, Due, evidenceOf, StatusBadge } from '../components/progress-bar.tsx';
import { SourceList } from '../components/sources.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { History } from '../editor/history.tsx';
import { deliveryStage, formatFigure } from '../money/money.ts';
import { RecordHead } from '../components/record-head.tsx';

type Strings = ReturnType<typeof useI18n>['t'];

/** The rule of commitment-status.ts, applied to this commitment, in words. */
export function statusReason(c: CommitmentView, t: Strings): string {
  const p = t.commitments.page;
  switch (c.status) {
    case 'withdrawn':
      return p.withdrawn(formatDate(c.withdrawn?.date, t));
    case 'breached':
      return p.breached(formatDate(c.breach?.date, t));
    case 'fulfilled':
      return c.progress.ratio === null ? p.fulfilledNoFigure : p.fulfilled;
    case 'overdue':
      return p.overdue(formatDate(c.deadline ?? c.due, t));
    case 'in-progress':
      return p.inProgress;
    default:
      return c.due ? p.pending(formatDate(c.deadline ?? c.due, t)) : p.pendingNoDeadline;
  }
}

export function CommitmentPage({ params }: { params: Record<string, string> }) {
  const { t, lang } = useI18n();
  const id = params.id!;
  const result = useAsync(async () => {
    const [commitment, agreements] = await Promise.all([api.commitment(id), api.agreements()]);
    return { commitment, agreement: agreements.find((a) => a.id === commitment.agreement_id) };
  }, id);
  usePageTitle(result.data ? result.data.commitment.description : t.titles.commitments);
  const partyName = usePartyName();
  if (result.state === 'error') return <ErrorBox error={result.error} retry={result.reload} />;
  if (!result.data) return <Loading />;
  const { commitment: c, agreement } = result.data;
  const p = t.commitments.page;
  const promised = figuresOf(c);
  const deliveries = [...(c.deliveries ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  return (
    <div className="page">
      <p className="small">
        <Link to={`/agreements/${encodeURIComponent(c.agreement_id)}`}>
          ← {agreement ? localized(agreement, 'title', lang) : c.agreement_id}
        </Link>
      </p>
      <RecordHead title={c.description} kind="commitments" id={c.id} />
      <div className="card">
        <dl className="facts">
          <div>
            <dt>{p.status}</dt>
            <dd>
              <StatusBadge status={c.status} /> <span className="small">{t.commitments.evidence[evidenceOf(c)]}</span>
            </dd>
          </div>
          <div>
            <dt>{p.obligor}</dt>
            <dd>{partyName(c.obligor)}</dd>
          </div>
          <div>
            <dt>{p.beneficiary}</dt>
            <dd>{partyName(c.beneficiary)}</dd>
          </div>
          <div>
            <dt>{p.area}</dt>
            <dd>{t.areas[c.area] ?? c.area}</dd>
          </div>
          {c.provision && (
            <div>
              <dt>{p.provision}</dt>
              <dd>
                {c.provision.ref}
                {c.provision.text && <blockquote className="small">{c.provision.text}</blockquote>}
              </dd>
            </div>
          )}
          <div>
            <dt>{p.promised}</dt>
            <dd>{promised.length ? promised.map((f) => formatFigure(f, t.locale)).join(' · ') : '—'}</dd>
          </div>
          {c.period_start && (
            <div>
              <dt>{p.periodStart}</dt>
              <dd>{formatDate(c.period_start, t)}</dd>
            </div>
          )}
          <div>
            <dt>{p.due}</dt>
            <dd>
              <Due due={c.due} />
            </dd>
          </div>
          <div>
            <dt>{t.commitments.columns.progress}</dt>
            <dd>
              <CommitmentProgress commitment={c} />
            </dd>
          </div>
        </dl>
      </div>

      <div className="two-col">
        <div>
          <section className="card" aria-labelledby="how-heading" style={{ marginBottom: '1rem' }}>
            <h2 id="how-heading">{p.how}</h2>
            <p data-testid="status-reason">{statusReason(c, t)}</p>
            <p className="small muted">{p.rule}</p>
          </section>
          {c.schedule && c.schedule.length > 0 && (
            <section className="card" aria-labelledby="schedule-heading" style={{ marginBottom: '1rem' }}>
              <h2 id="schedule-heading">{p.schedule}</h2>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{p.periodStart}</th>
                      <th scope="col">{p.due}</th>
                      <th scope="col">{p.promised}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.schedule.map((s, i) => (
                      <tr key={i}>
                        <td>{formatDate(s.period_start, t)}</td>
                        <td>
                          <Due due={s.due} />
                        </td>
                        <td>
                          {typeof s.amount === 'number'
                            ? formatFigure({ kind: 'amount', currency: c.currency ?? null, value: s.amount }, t.locale)
                            : typeof s.quantity === 'number'
                              ? formatFigure({ kind: 'quantity', unit: c.unit ?? null, value: s.quantity }, t.locale)
                              : typeof s.share === 'number'
                                ? `${Math.round(s.share * 100)}%`
                                : '—'}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          )}
          {c.breach && (
            <section className="card" aria-labelledby="breach-heading" style={{ marginBottom: '1rem' }}>
              <h2 id="breach-heading">{t.statuses.breached}</h2>
              <p>
                {formatDate(c.breach.date, t)}
                {c.breach.by ? ` · ${partyName(c.breach.by)}` : ''} — {c.breach.description}
              </p>
              <SourceList sources={c.breach.sources} />
            </section>
          )}
          <section className="card" aria-labelledby="deliveries-heading" style={{ marginBottom: '1rem' }}>
            <h2 id="deliveries-heading">
              {p.deliveries} <span className="muted">({deliveries.length})</span>
            </h2>
            {deliveries.length === 0 ? (
              <p className="muted" data-testid="no-deliveries">
                {p.noDeliveries}
              </p>
            ) : (
              <ol className="plain delivery-list" data-testid="deliveries">
                {deliveries.map((d) => (
                  <li key={d.id} id={`delivery-${d.id}`}>
                    <strong>{formatDate(d.date, t)}</strong>
                    {figuresOf(d).length > 0 && (
                      <>
                        {' '}
                        ·{' '}
                        {figuresOf(d)
                          .map((f) => formatFigure(f, t.locale))
                          .join(' · ')}
                      </>
                    )}
                    <span className="muted small"> · {p.stage[deliveryStage(d)]}</span>
                    <p style={{ margin: '0.2rem 0' }}>{d.description}</p>
                    <SourceList sources={d.sources} />
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <div>
          <section className="card" aria-labelledby="sources-heading" style={{ marginBottom: '1rem' }}>
            <h2 id="sources-heading">{p.sources}</h2>
            <SourceList sources={c.sources} />
          </section>
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">{p.history}</h2>
            <History kind="commitments" id={c.id} version={0} />
          </section>
        </div>
      </div>
    </div>
  );
}
