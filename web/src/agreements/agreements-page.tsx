import { AREAS } from '../../../src/domain/vocabulary.ts';
import { api } from '../api.ts';
import { formatDate, localized, useI18n } from '../i18n/i18n.tsx';
import { href, Link, navigate, useLocation } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { usePartyName } from '../components/parties.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { usePageTitle } from '../components/page-title.ts';

export function AgreementsPage() {
  const { t, lang } = useI18n();
  const { params } = useLocation();
  const partyName = usePartyName();
  const result = useAsync(() => api.agreements(), 'agreements');
  usePageTitle(t.titles.agreements);
  const filter = {
    q: params.get('q') ?? '',
    party: params.get('party') ?? '',
    area: params.get('area') ?? '',
    status: params.get('status') ?? '',
  };
  const set = (key: keyof typeof filter, value: string) => navigate(href('/agreements', { ...filter, [key]: value }), { replace: true });

  if (result.state === 'error') return <ErrorBox error={result.error} retry={result.reload} />;
  if (!result.data) return <Loading />;
  const agreements = result.data;
  const parties = [...new Set(agreements.flatMap((a) => a.parties))].sort((a, b) => partyName(a).localeCompare(partyName(b), t.locale));
  const statuses = [...new Set(agreements.map((a) => a.status))].sort();
  const needle = filter.q.toLocaleLowerCase();
  const shown = agreements
    .filter(
      (a) =>
        (!needle || `${a.title} ${a.title_uk ?? ''} ${a.place ?? ''}`.toLocaleLowerCase().includes(needle)) &&
        (!filter.party || a.parties.includes(filter.party)) &&
        (!filter.area || a.areas.includes(filter.area as (typeof AREAS)[number])) &&
        (!filter.status || a.status === filter.status),
    )
    .sort((a, b) => (a.signed < b.signed ? 1 : a.signed > b.signed ? -1 : 0));

  return (
    <div className="page">
      <div className="page-head">
        <h1>{t.agreements.title}</h1>
        <span className="muted" aria-live="polite">
          {t.agreements.count(shown.length)}
        </span>
      </div>
      <div className="filters">
        <label>
          {t.agreements.filter}
          <input type="search" value={filter.q} onChange={(e) => set('q', e.target.value)} />
        </label>
        <label>
          {t.agreements.party}
          <select value={filter.party} onChange={(e) => set('party', e.target.value)}>
            <option value="">{t.agreements.any}</option>
            {parties.map((p) => (
              <option key={p} value={p}>
                {partyName(p)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.agreements.area}
          <select value={filter.area} onChange={(e) => set('area', e.target.value)} data-testid="agreement-area">
            <option value="">{t.agreements.any}</option>
            {AREAS.map((a) => (
              <option key={a} value={a}>
                {t.areas[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.agreements.status}
          <select value={filter.status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t.agreements.any}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t.agreementStatuses[s] ?? s}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 ? (
        <p className="muted">{t.agreements.none}</p>
      ) : (
        <div className="table-wrap card" style={{ padding: 0 }}>
          <table className="stack-on-phone">
            <thead>
              <tr>
                <th scope="col">{t.agreements.columns.signed}</th>
                <th scope="col">{t.agreements.columns.title}</th>
                <th scope="col">{t.agreements.columns.parties}</th>
                <th scope="col">{t.agreements.columns.status}</th>
                <th scope="col">{t.agreements.columns.areas}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((a) => (
                <tr key={a.id}>
                  <td className="date" data-label={t.agreements.columns.signed}>
                    {formatDate(a.signed, t)}
                  </td>
                  <td data-label={t.agreements.columns.title}>
                    <Link to={`/agreements/${encodeURIComponent(a.id)}`}>{localized(a, 'title', lang)}</Link>
                    <div className="muted small">{[t.agreementKinds[a.kind] ?? a.kind, a.place].filter(Boolean).join(' · ')}</div>
                  </td>
                  <td className="small" data-label={t.agreements.columns.parties}>
                    {a.parties.map(partyName).join(', ')}
                  </td>
                  <td className="small" data-label={t.agreements.columns.status}>
                    {t.agreementStatuses[a.status] ?? a.status}
                  </td>
                  <td className="small" data-label={t.agreements.columns.areas}>
                    {a.areas.map((area) => t.areas[area]).join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
