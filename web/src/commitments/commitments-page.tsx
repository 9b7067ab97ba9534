// The commitments dashboard: money committed, allocated and delivered (in euros) or counts by
// status, by obligor, area, agreement and year, for every group; each bar opens the list of the
// commitments behind it. Overdue and due-soon tables and the deadline and change feeds follow.
import { useMemo, useState } from 'react';
import { COMMITMENT_STATUSES } from '../../../src/domain/vocabulary.ts';
import { todayIso } from '../../../src/domain/partial-date.ts';
import { api, type CommitmentView } from '../api.ts';
import { formatDate, localized, useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { usePartyName } from '../components/parties.ts';
import { usePageTitle } from '../components/page-title.ts';
import { CommitmentProgress, Due, StatusBadge } from '../components/progress-bar.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { formatMoney, formatNumber, RATES, toEur } from '../money/money.ts';
import { currencyTotals, DIMENSIONS, groupBy, keyOf, type Dimension, type Group } from './group-commitments.ts';
import { STATUS_COLORS, STATUS_ORDER } from './status-colors.ts';

const SOON_DAYS = 180;
/** Rows shown before "Show all N"; every row is one click away. */
const FIRST_ROWS = 12;
const FILTERS = [...DIMENSIONS, 'status'] as const;
type Filter = (typeof FILTERS)[number];
type Measure = 'amount' | 'count';

export function CommitmentsPage() {
  const { t, lang } = useI18n();
  usePageTitle(t.titles.commitments);
  const { params } = useLocation();
  const partyName = usePartyName();
  const result = useAsync(() => Promise.all([api.commitments(), api.agreements()]), 'commitments');
  const [items, agreements] = result.data ?? [[], []];
  const measure: Measure = params.get('measure') === 'count' ? 'count' : 'amount';
  const filter = Object.fromEntries(FILTERS.map((f) => [f, params.get(f)]).filter(([, v]) => v)) as Partial<Record<Filter, string>>;

  const signed = useMemo(() => new Map(agreements.map((a) => [a.id, a.signed])), [agreements]);
  const agreementTitle = useMemo(() => new Map(agreements.map((a) => [a.id, localized(a, 'title', lang)])), [agreements, lang]);
  const label = (dimension: Filter, key: string): string =>
    dimension === 'obligor'
      ? partyName(key)
      : dimension === 'area'
        ? (t.areas[key as keyof typeof t.areas] ?? key)
        : dimension === 'agreement'
          ? (agreementTitle.get(key) ?? key)
          : dimension === 'status'
            ? (t.statuses[key as keyof typeof t.statuses] ?? key)
            : key;

  const byStatus = useMemo(() => {
    const counts: Record<string, number> = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0]));
    for (const c of items) counts[c.status] = (counts[c.status] ?? 0) + 1;
    return counts;
  }, [items]);
  const groups = useMemo(
    () => Object.fromEntries(DIMENSIONS.map((d) => [d, groupBy(items, d, signed)])) as Record<Dimension, Group[]>,
    [items, signed],
  );
  const filtered = useMemo(
    () =>
      Object.keys(filter).length === 0
        ? []
        : items.filter((c) =>
            FILTERS.every((f) => !filter[f] || (f === 'status' ? c.status === filter[f] : keyOf(f, c, signed) === filter[f])),
          ),
    [items, signed, params.toString()],
  );

  if (result.state === 'error') return <ErrorBox error={result.error} retry={result.reload} />;
  if (!result.data) return <Loading />;

  const today = todayIso();
  const soon = todayIso(new Date(Date.now() + SOON_DAYS * 86_400_000));
  const overdue = items.filter((c) => c.status === 'overdue').sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));
  const dueSoon = items
    .filter(
      (c) => (c.status === 'pending' || c.status === 'in-progress') && c.deadline !== null && c.deadline >= today && c.deadline <= soon,
    )
    .sort((a, b) => (a.deadline ?? '').localeCompare(b.deadline ?? ''));
  const link = (patch: Record<string, string | null>) => href('/commitments', { measure: params.get('measure'), ...filter, ...patch });
  const setMeasure = (next: Measure) => navigate(link({ measure: next === 'count' ? 'count' : null }), { replace: true });

  const table = (list: CommitmentView[], testId: string) =>
    list.length === 0 ? (
      <p className="muted">{t.commitments.none}</p>
    ) : (
      <div className="table-wrap">
        <table data-testid={testId} className="stack-on-phone">
          <thead>
            <tr>
              <th scope="col">{t.commitments.columns.due}</th>
              <th scope="col">{t.commitments.columns.description}</th>
              <th scope="col">{t.commitments.columns.obligor}</th>
              <th scope="col">{t.commitments.columns.status}</th>
              <th scope="col">{t.commitments.columns.progress}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((c) => (
              <tr key={c.id}>
                <td className="date" data-label={t.commitments.columns.due}>
                  <Due due={c.due} />
                </td>
                <td data-label={t.commitments.columns.description}>
                  <Link to={`/commitments/${encodeURIComponent(c.id)}`}>{c.description}</Link>
                  <div className="small muted">{agreementTitle.get(c.agreement_id) ?? c.agreement_id}</div>
                </td>
                <td className="small" data-label={t.commitments.columns.obligor}>
                  {partyName(c.obligor)}
                </td>
                <td data-label={t.commitments.columns.status}>
                  <StatusBadge status={c.status} />
                </td>
                <td data-label={t.commitments.columns.progress}>
                  <CommitmentProgress commitment={c} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    );

  const chart = (dimension: Dimension, heading: string) => (
    <GroupChart
      key={dimension}
      dimension={dimension}
      heading={heading}
      groups={groups[dimension]}
      measure={measure}
      label={(key) => label(dimension, key)}
      link={(key) => link({ [dimension]: key })}
    />
  );

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.commitments.title}</h1>
        <span className="muted">{t.commitments.total(items.length)}</span>
        <span className="feeds">
          <a className="button" href={api.calendarUrl()} title={t.commitments.calendarHelp}>
            {t.commitments.calendar}
          </a>
          <a className="button" href={api.feedUrl()} title={t.commitments.feedHelp} type="application/atom+xml">
            {t.commitments.feed}
          </a>
        </span>
      </div>
      <section aria-label={t.commitments.byStatus} className="stat-grid">
        {Object.keys(byStatus).map((s) => (
          <Link key={s} className={`card stat status-${s}`} to={link({ status: s })}>
            <span className="value">{byStatus[s]}</span>
            <StatusBadge status={s} />
          </Link>
        ))}
      </section>

      {filtered.length > 0 || Object.keys(filter).length > 0 ? (
        <section className="card behind" aria-labelledby="behind-heading" data-testid="behind">
          <h2 id="behind-heading">
            {t.commitments.behind} <span className="muted">({filtered.length})</span>
          </h2>
          <p className="small">
            {t.commitments.filteredBy}:{' '}
            {FILTERS.filter((f) => filter[f]).map((f) => (
              <span key={f} className="chip">
                {label(f, filter[f]!)}
              </span>
            ))}{' '}
            <Link to={href('/commitments', { measure: params.get('measure') })}>{t.commitments.clearFilter}</Link>
          </p>
          {table(filtered, 'behind-table')}
        </section>
      ) : null}

      <div className="measure-toggle" role="group" aria-label={t.commitments.measure}>
        <button type="button" aria-pressed={measure === 'amount'} onClick={() => setMeasure('amount')}>
          {t.commitments.amounts}
        </button>
        <button type="button" aria-pressed={measure === 'count'} onClick={() => setMeasure('count')}>
          {t.commitments.counts}
        </button>
      </div>
      <p className="hint">{measure === 'amount' ? t.commitments.moneyNote(formatDate(RATES.date, t)) : t.commitments.countNote}</p>
      {measure === 'amount' ? <MoneyLegend /> : <StatusLegend />}
      <div className="chart-grid">
        {chart('obligor', t.commitments.byObligorMoney)}
        {chart('area', t.commitments.byAreaMoney)}
        {chart('agreement', t.commitments.byAgreement)}
        {chart('year', t.commitments.byYear)}
      </div>
      {measure === 'amount' && <RatesTable items={items} />}

      <div className="table-stack">
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

interface ChartProps {
  dimension: Dimension;
  heading: string;
  groups: Group[];
  measure: Measure;
  label: (key: string) => string;
  link: (key: string) => string;
}

/** Bars as links, one row per group: HTML, so every bar is reachable by keyboard and readable. */
function GroupChart({ dimension, heading, groups, measure, label, link }: ChartProps) {
  const { t } = useI18n();
  const [all, setAll] = useState(false);
  const rows = (measure === 'amount' ? groups.filter((g) => g.committed > 0 || g.delivered > 0) : groups.filter((g) => g.count > 0)).sort(
    (a, b) =>
      dimension === 'year'
        ? a.key.localeCompare(b.key)
        : measure === 'amount'
          ? b.committed - a.committed || a.key.localeCompare(b.key)
          : b.count - a.count || a.key.localeCompare(b.key),
  );
  const max = Math.max(1, ...rows.map((g) => (measure === 'amount' ? Math.max(g.committed, g.delivered) : g.count)));
  const shown = all || dimension === 'year' || rows.length <= FIRST_ROWS + 2 ? rows : rows.slice(0, FIRST_ROWS);
  const eur = (v: number) => formatMoney(v, 'EUR', t.locale);
  const pct = (v: number) => `${Math.min(100, (v / max) * 100)}%`;
  return (
    <section className="card chart" aria-labelledby={`chart-${dimension}`} data-testid={`chart-${dimension}`}>
      <h2 id={`chart-${dimension}`}>
        {heading} <span className="muted">({rows.length})</span>
      </h2>
      <ol className="bars">
        {shown.map((g) => {
          const text =
            measure === 'amount'
              ? `${g.withEvidence === 0 ? t.commitments.noDelivery : `${t.commitments.delivered} ${eur(g.delivered)}`} · ${t.commitments.committed} ${eur(g.committed)}` +
                (g.allocated > g.delivered ? ` · ${t.commitments.allocated} ${eur(g.allocated)}` : '')
              : STATUS_ORDER.filter((s) => g.byStatus[s])
                  .map((s) => `${t.statuses[s]} ${g.byStatus[s]}`)
                  .join(' · ');
          return (
            <li key={g.key} data-key={g.key}>
              <Link to={link(g.key)} className="bar-row">
                <span className="bar-label">{label(g.key)}</span>
                <span className="bar-track" aria-hidden="true">
                  {measure === 'amount' ? (
                    <>
                      <span className="bar committed" style={{ width: pct(g.committed) }} />
                      {g.allocated > g.delivered && <span className="bar allocated" style={{ width: pct(g.allocated) }} />}
                      <span className="bar delivered" style={{ width: pct(g.delivered) }} />
                    </>
                  ) : (
                    STATUS_ORDER.filter((s) => g.byStatus[s]).map((s) => (
                      <span
                        key={s}
                        className="bar stacked"
                        style={{ width: pct(g.byStatus[s]!), background: STATUS_COLORS[s as keyof typeof STATUS_COLORS] }}
                      />
                    ))
                  )}
                </span>
                <span className="visually-hidden">: {text}. </span>
                <span className="bar-value small">
                  {measure === 'count'
                    ? formatNumber(g.count, t.locale)
                    : g.withEvidence === 0
                      ? `${eur(g.committed)} · ${t.commitments.noDeliveryShort}`
                      : t.commitments.figureOf(eur(g.delivered), eur(g.committed))}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
      {shown.length < rows.length || all ? (
        <button type="button" className="link small" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t.commitments.showFewer : t.commitments.showAll(rows.length)}
        </button>
      ) : null}
    </section>
  );
}

function MoneyLegend() {
  const { t } = useI18n();
  return (
    <ul className="chart-legend">
      <li>
        <span className="swatch money-committed" aria-hidden="true" />
        {t.commitments.committed}
      </li>
      <li>
        <span className="swatch money-allocated" aria-hidden="true" />
        {t.commitments.allocated}
      </li>
      <li>
        <span className="swatch money-delivered" aria-hidden="true" />
        {t.commitments.delivered}
      </li>
    </ul>
  );
}

function StatusLegend() {
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

function RatesTable({ items }: { items: readonly CommitmentView[] }) {
  const { t } = useI18n();
  const totals = currencyTotals(items);
  const unconverted = totals.filter((c) => toEur(1, c.currency === '?' ? null : c.currency) === null).map((c) => c.currency);
  return (
    <details className="card rates" data-testid="rates">
      <summary>{t.commitments.rates}</summary>
      <p className="small">
        <a href={RATES.source.url} target="_blank" rel="noopener noreferrer">
          {RATES.source.title ?? RATES.source.url}
        </a>
      </p>
      {unconverted.length > 0 && <p className="small">{t.commitments.unconverted(unconverted.join(', '))}</p>}
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t.commitments.currency}</th>
              <th scope="col">{t.commitments.committed}</th>
              <th scope="col">{t.commitments.delivered}</th>
              <th scope="col">{t.commitments.ratesUsed}</th>
              <th scope="col">{t.commitments.committed} (EUR)</th>
            </tr>
          </thead>
          <tbody>
            {totals.map((c) => {
              const code = c.currency === '?' ? null : c.currency;
              const inEur = toEur(c.committed, code);
              return (
                <tr key={c.currency}>
                  <th scope="row">{c.currency}</th>
                  <td>{formatMoney(c.committed, code, t.locale)}</td>
                  <td>{formatMoney(c.delivered, code, t.locale)}</td>
                  <td>
                    {code === RATES.base
                      ? '1'
                      : code && RATES.rates[code]
                        ? RATES.rates[code]!.toLocaleString(t.locale, { maximumSignificantDigits: 8 })
                        : '—'}
                  </td>
                  <td>{inEur === null ? '—' : formatMoney(inEur, 'EUR', t.locale)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </details>
  );
}
