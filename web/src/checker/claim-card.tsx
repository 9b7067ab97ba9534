import { useEffect, useState } from 'react';
import { api, safeHref, type Claim, type Evidence, type Source } from '../api.ts';
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

/**
 * The evidence record's own sources, for their titles, in the order the check gives them
 * (strongest tier first); until they arrive, the URLs with the tiers the check gives.
 */
function useEvidenceSources(evidence: Evidence): Source[] {
  const urls = evidence.sources ?? [];
  const fallback = (url: string, i: number) => ({ url, title: null, quote: null, tier: evidence.source_tiers?.[i] }) as Source;
  const [sources, setSources] = useState<Source[]>(() => urls.map(fallback));
  useEffect(() => {
    const recordKind = RECORD_KIND[evidence.kind];
    if (!recordKind) return;
    let live = true;
    api.record(recordKind, evidence.id).then(
      ({ data }) => {
        const own = (data as { sources?: Source[] }).sources ?? [];
        if (live) setSources(urls.map((url, i) => own.find((s) => s.url === url) ?? fallback(url, i)));
      },
      () => {},
    );
    return () => {
      live = false;
    };
  }, [evidence.kind, evidence.id, urls.join(' ')]);
  return sources;
}

function EvidenceItem({ evidence }: { evidence: Evidence }) {
  const { t } = useI18n();
  const sources = useEvidenceSources(evidence);
  return (
    <li>
      {evidence.date && <span className="muted small">{formatDate(evidence.date, t)} · </span>}
      <RecordLink evidence={evidence} />
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
                <TierBadge tier={source.tier} />
              </li>
            );
          })}
        </ol>
      )}
    </li>
  );
}

function RecordLink({ evidence }: { evidence: Evidence }) {
  const link = evidenceLink(evidence.kind, evidence.id);
  const label = evidence.title ?? evidence.id;
  return link ? <Link to={link}>{label}</Link> : <span>{label}</span>;
}

/** Each detail the claim asserts beside what the linked record says, and which record says it. */
function DetailsTable({ claim }: { claim: Claim }) {
  const { t } = useI18n();
  const c = t.check.column;
  const recordOf = (id: string | null | undefined) => claim.evidence.find((e) => `${e.kind}/${e.id}` === id);
  // A detail the claim states twice ("NATO" as subject and in a name) is compared once.
  const details = [
    ...new Map((claim.details ?? []).map((d) => [JSON.stringify([d.kind, d.claim, d.record, d.status, d.evidence_id]), d])).values(),
  ];
  return (
    <div className="table-wrap">
      <table className="stack-on-phone claim-details" data-testid="claim-details">
        <caption>{t.check.compared}</caption>
        <thead>
          <tr>
            <th scope="col">{c.detail}</th>
            <th scope="col">{c.text}</th>
            <th scope="col">{c.record}</th>
            <th scope="col">{c.result}</th>
            <th scope="col">{c.source}</th>
          </tr>
        </thead>
        <tbody>
          {details.map((d, i) => {
            const record = recordOf(d.evidence_id);
            return (
              <tr key={i} className={`detail-${d.status}`} data-status={d.status}>
                <td data-label={c.detail}>{t.check.detailKinds[d.kind] ?? d.kind}</td>
                <td data-label={c.text}>{d.claim}</td>
                <td data-label={c.record}>{d.record ?? t.check.noRecordValue}</td>
                <td data-label={c.result}>
                  <span className={`detail-status detail-${d.status}`}>{t.check.detailStatus[d.status] ?? d.status}</span>
                </td>
                <td data-label={c.source}>{record ? <RecordLink evidence={record} /> : t.check.noRecordValue}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function ClaimCard({ claim, index, active, onSelect }: { claim: Claim; index: number; active: boolean; onSelect: () => void }) {
  const { t, lang } = useI18n();
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
      {lang === 'en' ? (
        <p>{claim.explanation}</p>
      ) : (
        <p>
          <span className="small muted">{t.check.explanationInEnglish}</span> <span lang="en">{claim.explanation}</span>
        </p>
      )}
      {(claim.details ?? []).length > 0 && <DetailsTable claim={claim} />}
      {claim.evidence.length > 0 && (
        <>
          <h3>{t.check.evidence}</h3>
          <ul className="plain">
            {claim.evidence.map((e) => (
              <EvidenceItem key={`${e.kind}:${e.id}`} evidence={e} />
            ))}
          </ul>
        </>
      )}
    </li>
  );
}
