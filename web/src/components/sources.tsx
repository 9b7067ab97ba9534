import { safeHref, type Source } from '../api.ts';

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
