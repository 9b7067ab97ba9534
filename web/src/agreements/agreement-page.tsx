import { api, safeHref } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { formatDate, localized, useI18n } from '../i18n/i18n.tsx';
import { href, Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { usePartyName } from '../components/parties.ts';
import { ProgressBar, StatusBadge } from '../components/progress-bar.tsx';
import { SourceList } from '../components/sources.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';

export function AgreementPage({ params }: { params: Record<string, string> }) {
  const { t, lang } = useI18n();
  const { canEdit } = useAuth();
  const partyName = usePartyName();
  const id = params.id!;
  const result = useAsync(() => api.agreement(id), id);
  if (result.state === 'error') return <ErrorBox error={result.error} retry={result.reload} />;
  if (!result.data) return <Loading />;
  const a = result.data;
  const textLink = safeHref(a.text_url);
  return (
    <div className="page">
      <p className="small">
        <Link to="/agreements">← {t.agreements.back}</Link>
      </p>
      <div className="page-head">
        <h1>{localized(a, 'title', lang)}</h1>
        {canEdit && (
          <Link className="button" to={`/edit/agreements/${encodeURIComponent(a.id)}`}>
            {t.event.edit}
          </Link>
        )}
      </div>
      <div className="card">
        <dl className="facts">
          <div>
            <dt>{t.agreements.signed}</dt>
            <dd>
              <time dateTime={a.signed}>{formatDate(a.signed, t)}</time>
              {a.place ? ` · ${a.place}` : ''}
            </dd>
          </div>
          <div>
            <dt>{t.agreements.status}</dt>
            <dd>{a.status}</dd>
          </div>
          <div>
            <dt>{t.agreements.kind}</dt>
            <dd>{a.kind}</dd>
          </div>
          {a.in_force && (
            <div>
              <dt>{t.agreements.inForce}</dt>
              <dd>{formatDate(a.in_force, t)}</dd>
            </div>
          )}
          {a.duration_years !== null && (
            <div>
              <dt>{t.agreements.duration}</dt>
              <dd>{t.agreements.years(a.duration_years)}</dd>
            </div>
          )}
          <div>
            <dt>{t.agreements.parties}</dt>
            <dd>
              <ul className="chips">
                {a.parties.map((p) => (
                  <li key={p}>
                    <Link className="chip" to={href('/agreements', { party: p })}>
                      {partyName(p)}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          {a.signatories.length > 0 && (
            <div>
              <dt>{t.agreements.signatories}</dt>
              <dd>{a.signatories.join(', ')}</dd>
            </div>
          )}
          <div>
            <dt>{t.event.areas}</dt>
            <dd>
              <ul className="chips">
                {a.areas.map((area) => (
                  <li key={area}>
                    <Link className="chip" to={href('/agreements', { area })}>
                      {t.areas[area]}
                    </Link>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
          {textLink && (
            <div>
              <dt>{t.agreements.text}</dt>
              <dd>
                <a href={textLink} target="_blank" rel="noopener noreferrer">
                  {new URL(textLink).hostname}
                </a>
              </dd>
            </div>
          )}
        </dl>
      </div>

      <div className="two-col">
        <section className="card" aria-labelledby="commitments-heading">
          <h2 id="commitments-heading">
            {t.agreements.commitments} <span className="muted">({a.commitments.length})</span>
          </h2>
          {a.commitments.length === 0 ? (
            <p className="muted">{t.agreements.noCommitments}</p>
          ) : (
            <ul className="commitment-list">
              {a.commitments.map((c) => (
                <li key={c.id} id={`commitment-${c.id}`}>
                  <div className="commitment-head">
                    <StatusBadge status={c.status} />
                    <span>
                      {partyName(c.obligor)} → {partyName(c.beneficiary)}
                    </span>
                    <span>· {t.areas[c.area]}</span>
                    {c.provision && <span>· {c.provision.ref}</span>}
                    {c.due && (
                      <span>
                        · {t.commitments.columns.due}: {formatDate(c.due, t)}
                      </span>
                    )}
                  </div>
                  <p style={{ margin: '0.2rem 0 0.4rem' }}>{c.description}</p>
                  <ProgressBar progress={c.progress} status={c.status} evidence={c.evidence} />
                  {c.breach && (
                    <p className="small">
                      {t.statuses.breached} {formatDate(c.breach.date, t)}: {c.breach.description}
                    </p>
                  )}
                  {c.periods.length > 0 && (
                    <ul className="plain small">
                      {c.periods.map((p) => (
                        <li key={p.period_start}>
                          <StatusBadge status={p.status} /> {formatDate(p.period_start, t)} – {formatDate(p.due, t)}{' '}
                          <ProgressBar progress={p.progress} status={p.status} evidence={p.evidence} />
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
        <div>
          {a.events.length > 0 && (
            <section className="card" aria-labelledby="events-heading" style={{ marginBottom: '1rem' }}>
              <h2 id="events-heading">{t.agreements.events}</h2>
              <ul className="plain">
                {a.events.map((e) => (
                  <li key={e.id}>
                    <span className="muted small">{formatDate(e.date, t)}</span>
                    <br />
                    <Link to={href('/', { event: e.id })}>{localized(e, 'title', lang)}</Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="card" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{t.agreements.sources}</h2>
            <SourceList sources={a.sources} />
          </section>
        </div>
      </div>
    </div>
  );
}
