import { useEffect, useRef, type RefObject } from 'react';
import { api, type Agreement, type EventRecord } from '../api.ts';
import { useAuth } from '../auth.tsx';
import { formatDate, localized, useI18n } from '../i18n/i18n.tsx';
import { Link } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { usePartyName } from '../components/parties.ts';
import { SourceList } from '../components/sources.tsx';
import { ErrorBox, Loading } from '../components/status.tsx';
import { typeColor } from './colors.ts';
import { spanOf } from './time-scale.ts';

interface Props {
  id: string;
  onClose: () => void;
  /** Link to the timeline filtered by one facet value. */
  filterLink: (facet: 'actor' | 'area', value: string) => string;
}

export function EventPanel({ id, onClose, filterLink }: Props) {
  const { t } = useI18n();
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useAsync(async () => {
    const [{ data: event }, agreements] = await Promise.all([api.record('events', id), api.agreements()]);
    return { event, agreements: agreements.filter((a) => a.event_ids.includes(id)) };
  }, id);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  useEffect(() => heading.current?.focus(), [result.state]);

  return (
    <aside className="event-panel" aria-labelledby="event-title" data-testid="event-panel">
      <button type="button" className="icon close" onClick={onClose} aria-label={t.event.close} title={t.event.close}>
        ×
      </button>
      {result.state === 'error' && <ErrorBox error={result.error} retry={result.reload} />}
      {result.state === 'loading' && !result.data && <Loading />}
      {result.data && <EventDetails {...result.data} filterLink={filterLink} headingRef={heading} />}
    </aside>
  );
}

interface DetailsProps {
  event: EventRecord;
  agreements: Agreement[];
  filterLink: Props['filterLink'];
  headingRef: RefObject<HTMLHeadingElement | null>;
}

function EventDetails({ event, agreements, filterLink, headingRef }: DetailsProps) {
  const { t, lang } = useI18n();
  const { canEdit } = useAuth();
  const partyName = usePartyName();
  const precision = spanOf(event.date).precision;
  return (
    <article>
      <p className="eyebrow">
        <span className="type-dot" style={{ background: typeColor(event.type) }} aria-hidden="true" />
        {t.types[event.type]} · <time dateTime={event.date}>{formatDate(event.date, t)}</time>
        {precision !== 'day' && <span className="muted"> ({t.event.precision[precision]})</span>}
      </p>
      <h2 id="event-title" ref={headingRef} tabIndex={-1}>
        {localized(event, 'title', lang)}
      </h2>
      <p className="summary">{localized(event, 'summary', lang)}</p>
      {event.actors.length > 0 && (
        <section>
          <h3>{t.event.actors}</h3>
          <ul className="chips">
            {event.actors.map((actor) => (
              <li key={actor}>
                <Link className="chip" to={filterLink('actor', actor)}>
                  {partyName(actor)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {event.areas.length > 0 && (
        <section>
          <h3>{t.event.areas}</h3>
          <ul className="chips">
            {event.areas.map((area) => (
              <li key={area}>
                <Link className="chip" to={filterLink('area', area)}>
                  {t.areas[area]}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {agreements.length > 0 && (
        <section>
          <h3>{t.event.agreements}</h3>
          <ul className="plain">
            {agreements.map((agreement) => (
              <li key={agreement.id}>
                <Link to={`/agreements/${encodeURIComponent(agreement.id)}`}>{localized(agreement, 'title', lang)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section>
        <h3>{t.event.sources}</h3>
        <SourceList sources={event.sources} />
      </section>
      {canEdit && (
        <p className="panel-actions">
          <Link className="button" to={`/edit/events/${encodeURIComponent(event.id)}`}>
            {t.event.edit}
          </Link>
        </p>
      )}
    </article>
  );
}
