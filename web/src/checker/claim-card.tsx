import { safeHref, type Claim } from '../api.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { href, Link } from '../router.tsx';

const evidenceLink = (kind: string, id: string) =>
  kind === 'agreement' || kind === 'agreements'
    ? `/agreements/${encodeURIComponent(id)}`
    : kind === 'event' || kind === 'events'
      ? href('/', { event: id })
      : null;

export function ClaimCard({ claim, index, active, onSelect }: { claim: Claim; index: number; active: boolean; onSelect: () => void }) {
  const { t } = useI18n();
  return (
    <li
      id={`claim-${index}`}
      className={`card claim-card verdict-${claim.verdict}`}
      aria-current={active || undefined}
      onClick={onSelect}
      data-verdict={claim.verdict}
    >
      <div className="commitment-head">
        <span className={`badge verdict-${claim.verdict}`}>{t.check.verdict[claim.verdict]}</span>
        <span className="small">{t.check.confidence(claim.confidence)}</span>
      </div>
      <blockquote>{claim.text}</blockquote>
      <p>{claim.explanation}</p>
      {claim.evidence.length > 0 && (
        <>
          <h3>{t.check.evidence}</h3>
          <ul className="plain">
            {claim.evidence.map((e) => {
              const link = evidenceLink(e.kind, e.id);
              return (
                <li key={`${e.kind}:${e.id}`}>
                  {e.date && <span className="muted small">{formatDate(e.date, t)} · </span>}
                  {link ? <Link to={link}>{e.title ?? e.id}</Link> : <span>{e.title ?? e.id}</span>}
                  {(e.sources ?? []).map((url, i) => {
                    const safe = safeHref(url);
                    return safe ? (
                      <a key={i} className="small" href={safe} target="_blank" rel="noopener noreferrer" style={{ marginLeft: '0.4rem' }}>
                        [{i + 1}]
                      </a>
                    ) : null;
                  })}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </li>
  );
}
