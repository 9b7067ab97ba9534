import { strongestFirst } from '../../../src/domain/source-tiers.ts';
import type { SourceTier } from '../../../src/domain/vocabulary.ts';
import { safeHref, type Source } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Sources as links with their quotes and a badge for their tier, strongest first; a non-http
 * URL is shown as text, never as a link.
 */
export function SourceList({ sources }: { sources: readonly Source[] }) {
  const { t } = useI18n();
  // The API gives every source its effective tier; "other" only stands in for a record read elsewhere.
  const ranked = strongestFirst(sources.map((source) => ({ ...source, tier: source.tier ?? ('other' as SourceTier) })));
  return (
    <ol className="sources">
      {ranked.map((source, i) => {
        const link = safeHref(source.url);
        const label = source.title || hostOf(source.url);
        return (
          <li key={i}>
            <span className={`badge tier tier-${source.tier}`} title={t.tierHelp[source.tier]}>
              {t.tiers[source.tier]}
            </span>{' '}
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

function hostOf(value: string): string {
  try {
    const url = new URL(value);
    return url.hostname.replace(/^www\./, '') + (url.pathname.length > 1 ? url.pathname : '');
  } catch {
    return value;
  }
}
