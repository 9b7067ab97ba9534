import { useEffect, useState } from 'react';
import { api, safeHref, type Claim, type Source } from '../api.ts';
import { formatDate, useI18n } from '../i18n/i18n.tsx';
import { href, Link } from '../router.tsx';
import { hostOf, TierBadge } from '../components/sources.tsx';

const RECORD_KIND: Record<string, 'events' | 'agreements' | 'commitments' | 'deliveries'> = {
  event: 'events',
  events: 'events',
  agreement: 'agreements',
  agreements: 'agreements',
  commitment: 'commitments',
  commitments: 'commitments',
  delivery: 'deliveries',
  deliveries: 'deliveries',
};

const evidenceLink = (kind: string, id: string) =>
  RECORD_KIND[kind] === 'agreements'
    ? `/agreements/${encodeURIComponent(id)}`
    : RECORD_KIND[kind] === 'events'
      ? href('/', { event: id })
      : RECORD_KIND[kind] === 'commitments'
        ? `/commitments/${encodeURIComponent(id)}`
        : null;

/** The evidence record's own sources (titles and tiers); the check result gives only URLs. */
function useEvidenceSources(kind: string, id: string, urls: readonly string[]): Source[] {
  const [sources, setSources] = useState<Source[]>(() => urls.map((url) => ({ url, title: null, quote: null }) as Source));
  useEffect(() => {
    const recordKind = RECORD_KIND[kind];
    if (!recordKind) return;
    let live = true;
    api.record(recordKind, id).then(
      ({ data }) => {
        const own = (data as { sources?: Source[] }).sources ?? [];
        if (live) setSources(urls.map((url) => own.find((s) => s.url === url) ?? ({ url, title: null, quote: null } as Source)));
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [kind, id, urls.join(' ')]);
  return sources;
}

function EvidenceItem({ kind, id, date, title, urls }: { kind: string; id: string; date?: string; title?: string; urls: string[] }) {
  const { t } = useI18n();
  const sources = useEvidenceSources(kind, id, urls);
  const link = evidenceLink(kind, id);
  return (
    <li>
      {date && <span className="muted small">{formatDate(date, t)} · </span>}
      {link ? <Link to={link}>{title ?? id}</Link> : <span>{title ?? id}</span>}
      {sources.length > 0 && (
        <ol className="sources small">
          {sources.map((source, i) => {
            const safe = safeHref(source.url);
            return (
              <li key={i}>
                {safe ? (
                  <a href={safe} target="_blank" rel="noopener noreferrer">
                    {source.title || hostOf(source.url)}
                  </a>
                ) : (
                  source.url
                )}
                <TierBadge tier={(source as Source & { tier?: string }).tier} />
              </li>
            );
          })}
        </ol>
      )}
    </li>
  );
}

export function ClaimCard({ claim, index, active, onSelect }: { claim: Claim; index: number; active: boolean; onSelect: () => void }) {
  const { t, lang } = useI18n();
  const details = claim.details ?? [];
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
        {claim.link && <span className="small muted">{t.check.linkedBy(claim.link.by, claim.link.strength)}</span>}
      </div>
      <blockquote>{claim.text}</blockquote>
      {details.length > 0 ? (
        <ul className="plain claim-details" data-testid="claim-details">
          {details.map((d, i) => (
            <li key={i} className={`detail-${d.status}`}>
              {t.check.detail(t.check.detailKinds[d.kind] ?? d.kind, d.claim, d.record ?? undefined, d.status)}
            </li>
          ))}
        </ul>
      ) : lang === 'en' ? (
        <p>{claim.explanation}</p>
      ) : (
        <p>
          <span className="small muted">{t.check.explanationInEnglish}</span> <span lang="en">{claim.explanation}</span>
        </p>
      )}
      {claim.evidence.length > 0 && (
        <>
          <h3>{t.check.evidence}</h3>
          <ul className="plain">
            {claim.evidence.map((e) => (
              <EvidenceItem key={`${e.kind}:${e.id}`} kind={e.kind} id={e.id} date={e.date} title={e.title} urls={e.sources ?? []} />
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
