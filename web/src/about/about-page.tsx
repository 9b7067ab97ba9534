// About and methodology: what the record covers, where its facts come from, how statuses and
// verdicts are derived, how current it is, and how to cite it. Figures come from the live API.
import { api } from '../api.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { usePageTitle } from '../components/page-title.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { ABOUT } from './about-text.ts';

async function loadCoverage() {
  const [events, parties, agreements, commitments, deliveries, last] = await Promise.all([
    api.events({ limit: 1, facets: ['year'] }),
    api.parties(),
    api.agreements(),
    api.commitments(),
    api.deliveries(),
    api.lastChange().catch(() => null),
  ]);
  const years = (events.facets.year ?? []).map((f) => Number(f.value)).filter(Number.isFinite);
  return {
    events: events.total,
    from: years.length ? Math.min(...years) : null,
    to: years.length ? Math.max(...years) : null,
    parties: parties.length,
    agreements: agreements.length,
    commitments: commitments.length,
    deliveries: deliveries.length,
    last,
  };
}

export function AboutPage() {
  const { t, lang } = useI18n();
  const text = ABOUT[lang];
  usePageTitle(t.titles.about);
  const result = useAsync(() => loadCoverage(), 'about');
  const when = new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const c = result.data;
  const lastChanged = c?.last ? when.format(new Date(c.last.at)) + ' UTC' : null;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="page prose">
      <h1>{t.titles.about}</h1>
      <p>{text.intro}</p>

      <h2 id="coverage">{text.coverageHeading}</h2>
      {result.state === 'error' && <ErrorBox error={result.error} retry={result.reload} />}
      {!c && result.state !== 'error' && <Loading />}
      {c && (
        <>
          <p data-testid="coverage">{text.coverage(c)}</p>
          <p data-testid="last-change">
            {lastChanged ? text.lastChange(lastChanged, c.last!.kind, c.last!.record_id, c.last!.action) : text.noChanges}
          </p>
        </>
      )}

      <h2 id="sources">{text.sourcingHeading}</h2>
      {text.sourcing.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <ul>
        {(['primary', 'reputable', 'other', 'denied'] as const).map((tier) => (
          <li key={tier}>
            <span className={`tier tier-${tier}`}>{t.tiers[tier]}</span> {text.tiers[tier]}
          </li>
        ))}
      </ul>

      <h2 id="status">{text.statusHeading}</h2>
      <p>{text.statusIntro}</p>
      <ol>
        {text.statusRules.map((rule, i) => (
          <li key={i}>{rule}</li>
        ))}
      </ol>
      <p>{text.money(formatDate('2024-06-28', t))}</p>

      <h2 id="checker">{text.checkerHeading}</h2>
      {text.checker.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
      <p>
        <Link to="/check">{t.nav.check} →</Link>
      </p>

      <h2 id="cite">{text.citeHeading}</h2>
      <p>{text.citeIntro}</p>
      <p className="citation" data-testid="citation">
        {text.citation(window.location.origin, formatDate(today, t), lastChanged)}
      </p>
      <p className="small muted">{text.licence}</p>
    </div>
  );
}
