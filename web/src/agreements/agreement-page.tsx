import { api, safeHref } from '../api.ts';
import { formatDate, localized, useI18n } from '../i18n/i18n.tsx';
import { href, Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { usePartyName } from '../components/parties.ts';
import { usePageTitle } from '../components/page-title.ts';
import { CommitmentProgress, Due, StatusBadge } from '../components/progress-bar.tsx';
import { SourceList } from '../components/sources.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { commitmentMoney, deliveryStage, formatFigure, formatMoney } from '../money/money.ts';
import { figuresOf } from '../../../src/domain/progress.ts';
import type { AgreementDetail } from '../api.ts';
import { RecordHead } from '../components/record-head.tsx';

/** Committed and delivered money over the agreement's commitments, per currency as stated and in euros. */
function AgreementFigures({ a }: { a: AgreementDetail }) {
  const { t } = useI18n();
  const perCurrency = new Map<string, { committed: number; delivered: number }>();
  let eurCommitted = 0;
  let eurDelivered = 0;
  let converted = 0;
  for (const c of a.commitments) {
    if (c.status === 'withdrawn') continue;
    const money = commitmentMoney(c);
    if (!money.target) continue;
    const key = money.target.currency ?? '';
    const total = perCurrency.get(key) ?? { committed: 0, delivered: 0 };
    total.committed += money.committed;
    total.delivered += money.delivered;
    perCurrency.set(key, total);
    if (money.eur) {
      eurCommitted += money.eur.committed;
      eurDelivered += money.eur.delivered;
      converted++;
    }
  }
  if (perCurrency.size === 0) return null;
  const single = perCurrency.size === 1;
  return (
    <div className="card agreement-figures" data-testid="agreement-figures" style={{ marginBottom: '1rem' }}>
      <div className="figure-big">
        {single
          ? [...perCurrency].map(([currency, v]) =>
              t.commitments.figureOf(
                formatMoney(v.delivered, currency || null, t.locale),
                formatMoney(v.committed, currency || null, t.locale),
              ),
            )
          : t.commitments.figureOf(formatMoney(eurDelivered, 'EUR', t.locale), formatMoney(eurCommitted, 'EUR', t.locale))}
      </div>
      <p className="small muted" style={{ margin: 0 }}>
        {t.commitments.delivered} / {t.commitments.committed}
        {!single &&
          ` · ${[...perCurrency]
            .map(([currency, v]) =>
              t.commitments.figureOf(
                formatMoney(v.delivered, currency || null, t.locale),
                formatMoney(v.committed, currency || null, t.locale),
              ),
            )
            .join(' · ')}`}
        {!single && converted > 0 && ' · EUR'}
      </p>
    </div>
  );
}

export function AgreementPage({ params }: { params: Record<string, string> }) {
  const { t, lang } = useI18n();
  const partyName = usePartyName();
  const id = params.id!;
  const result = useAsync(() => api.agreement(id), id);
  usePageTitle(result.data ? localized(result.data, 'title', lang) : t.titles.agreements);
  if (result.state === 'error') return <ErrorBox error={result.error} retry={result.reload} />;
  if (!result.data) return <Loading />;
  const a = result.data;
  const textLink = safeHref(a.text_url);
  const deliveries = a.commitments
    .flatMap((c) => (c.deliveries ?? []).map((d) => ({ d, c })))
    .sort((x, y) => y.d.date.localeCompare(x.d.date));
  return (
    <div className="page">
      <p className="small">
        <Link to="/agreements">← {t.agreements.back}</Link>
      </p>
      <RecordHead title={localized(a, 'title', lang)} kind="agreements" id={a.id} />
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
            <dd>{t.agreementStatuses[a.status] ?? a.status}</dd>
          </div>
          <div>
            <dt>{t.agreements.kind}</dt>
            <dd>{t.agreementKinds[a.kind] ?? a.kind}</dd>
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

      <AgreementFigures a={a} />
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
                    <span>
                      · {t.commitments.columns.due}: <Due due={c.due} />
                    </span>
                  </div>
                  <p style={{ margin: '0.2rem 0 0.4rem' }}>
                    <Link to={`/commitments/${encodeURIComponent(c.id)}`}>{c.description}</Link>
                  </p>
                  <CommitmentProgress commitment={c} />
                  <details className="commitment-sources">
                    <summary className="small">
                      {t.agreements.sources} ({c.sources.length})
                    </summary>
                    <SourceList sources={c.sources} />
                  </details>
                </li>
              ))}
            </ul>
          )}
        </section>
        <div>
          {deliveries.length > 0 && (
            <section
              className="card"
              aria-labelledby="deliveries-heading"
              style={{ marginBottom: '1rem' }}
              data-testid="agreement-deliveries"
            >
              <h2 id="deliveries-heading">
                {t.commitments.page.deliveries} <span className="muted">({deliveries.length})</span>
              </h2>
              <ul className="plain">
                {deliveries.map(({ d, c }) => (
                  <li key={d.id}>
                    <span className="muted small">{formatDate(d.date, t)}</span>
                    {figuresOf(d).length > 0 && (
                      <strong>
                        {' '}
                        ·{' '}
                        {figuresOf(d)
                          .map((f) => formatFigure(f, t.locale))
                          .join(' · ')}
                      </strong>
                    )}
                    <span className="muted small"> · {t.commitments.page.stage[deliveryStage(d)]}</span>
                    <br />
                    <Link to={`/commitments/${encodeURIComponent(c.id)}#delivery-${d.id}`}>{d.description}</Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
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
