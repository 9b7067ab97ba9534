import { safeHref, type Source } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A source's tier (primary, reputable, other, denied) as a small badge, when the record gives one. */
export function TierBadge({ tier }: { tier: string | null | undefined }) {
  const { t } = useI18n();
  if (!tier) return null;
  return (
    <span className={`tier tier-${tier}`} title={t.tiers.label}>
      {t.tiers[tier] ?? tier}
    </span>
  );
}

/** Sources as links with their quotes; a non-http URL is shown as text, never as a link. */
export function SourceList({ sources }: { sources: readonly Source[] }) {
  return (
    <ol className="sources">
      {sources.map((source, i) => {
        const link = safeHref(source.url);
        const label = source.title || hostOf(source.url);
        return (
          <li key={i}>
            {link ? (
              <a href={link} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
            ) : (
              <span>{source.url}</span>
            )}
            <TierBadge tier={(source as Source & { tier?: string | null }).tier} />
            {source.quote && <blockquote>{source.quote}</blockquote>}
          </li>
        );
      })}
    </ol>
  );
}

export function hostOf(value: string): string {
  try {
    const url = new URL(value);
    return url.hostname.replace(/^www\./, '') + (url.pathname.length > 1 ? url.pathname : '');
  } catch {
    return value;
  }
}
