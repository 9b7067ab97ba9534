import { strongestFirst } from '../../../src/domain/source-tiers.ts';
import type { SourceTier } from '../../../src/domain/vocabulary.ts';
import { safeHref, type Source } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** A source's tier (primary, reputable, other, denied) as a small badge, when the record gives one. */
export function TierBadge({ tier }: { tier: string | null | undefined }) {
  const { t } = useI18n();
  if (!tier || !(tier in t.tiers)) return null;
  const known = tier as SourceTier;
  return (
    <span className={`badge tier tier-${known}`} title={t.tierHelp[known]}>
      {t.tiers[known]}
    </span>
  );
}

/**
 * Sources as links with their quotes and a badge for their tier, strongest first; a non-http
 * URL is shown as text, never as a link.
 */
export function SourceList({ sources }: { sources: readonly Source[] }) {
  // The API gives every source its effective tier; "other" only stands in for a record read elsewhere.
  const ranked = strongestFirst(sources.map((source) => ({ ...source, tier: source.tier ?? ('other' as SourceTier) })));
  return (
    <ol className="sources">
      {ranked.map((source, i) => {
        const link = safeHref(source.url);
        const label = source.title || hostOf(source.url);
        return (
          <li key={i}>
            <TierBadge tier={source.tier} />{' '}
            {link ? (
              <a href={link} target="_blank" rel="noopener noreferrer">
                {label}
              </a>
            ) : (
              <span>{source.url}</span>
            )}
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
