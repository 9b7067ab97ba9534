// The timeline explorer. Its whole state (search, facets, view, open event) is in the URL.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { EVENT_TYPES } from '../../../src/domain/vocabulary.ts';
import { api, type EventFilter, type EventPage, type FacetName } from '../api.ts';
import { formatDate, localized, useI18n } from '../i18n/i18n.tsx';
import { href, navigate, useLocation } from '../router.tsx';
import { useAsync } from '../use-async.ts';
import { usePartyName } from '../components/parties.ts';
import { ErrorBox } from '../components/status.tsx';
import { usePageTitle } from '../components/page-title.ts';
import { TYPE_COLORS, typeColor } from './colors.ts';
import { EventPanel } from './event-panel.tsx';
import { FacetList, YearFacet } from './facets.tsx';
import { TimelineCanvas, type TimelineItem } from './timeline-canvas.tsx';
import { formatView, parseView, spanOf, yearView, type View } from './time-scale.ts';
import { useRangeEvents } from './use-range-events.ts';

const LIST_LIMIT = 200;
type ListFacet = 'type' | 'area' | 'actor';

interface UrlState {
  q: string;
  type: string[];
  area: string[];
  actor: string[];
  year: string | null;
  view: string | null;
  event: string | null;
}

function readState(params: URLSearchParams): UrlState {
  return {
    q: params.get('q') ?? '',
    type: params.getAll('type'),
    area: params.getAll('area'),
    actor: params.getAll('actor'),
    year: params.get('year'),
    view: params.get('view'),
    event: params.get('event'),
  };
}

const toHref = (state: UrlState) => href('/', { ...state });

function apiFilter(state: UrlState): EventFilter {
  return {
    q: state.q || undefined,
    type: state.type,
    area: state.area,
    actor: state.actor,
    from: state.year ?? undefined,
    to: state.year ?? undefined,
  };
}

async function loadSummary(state: UrlState, signal: AbortSignal): Promise<EventPage> {
  const facets: FacetName[] = ['type', 'area', 'actor', 'year'];
  if (!state.year) return api.events({ ...apiFilter(state), facets, limit: 1 }, signal);
  // The year histogram should show every year, including the ones the year filter hides.
  const [page, years] = await Promise.all([
    api.events({ ...apiFilter(state), facets: ['type', 'area', 'actor'], limit: 1 }, signal),
    api.events({ ...apiFilter({ ...state, year: null }), facets: ['year'], limit: 1 }, signal),
  ]);
  return { ...page, facets: { ...page.facets, year: years.facets.year ?? [] } };
}

export function TimelinePage() {
  const { t, lang } = useI18n();
  usePageTitle(t.titles.timeline);
  const { params } = useLocation();
  const state = readState(params);
  const touch = useMemo(() => window.matchMedia('(pointer: coarse)').matches, []);
  const partyName = usePartyName();
  const filterKey = JSON.stringify([state.q, state.type, state.area, state.actor, state.year]);
  const view = useMemo(() => parseView(state.view), [state.view]);

  const update = useCallback(
    (patch: Partial<UrlState>, replace = false) =>
      navigate(toHref({ ...readState(new URL(window.location.href).searchParams), ...patch }), { replace }),
    [],
  );

  const summary = useAsync((signal) => loadSummary(state, signal), filterKey);
  const range = useRangeEvents(apiFilter(state), filterKey, view);

  const items = useMemo<TimelineItem[]>(() => {
    if (!range.data?.complete) return [];
    return range.data.items
      .map((e) => ({ id: e.id, title: localized(e, 'title', lang), type: e.type, date: e.date, ...spanOf(e.date) }))
      .sort((a, b) => a.start - b.start || a.end - b.end);
  }, [range.data, lang]);
  const years = useMemo(() => (summary.data?.facets.year ?? []).map((f) => ({ year: Number(f.value), count: f.count })), [summary.data]);

  const inView = useMemo(() => {
    const events = (range.data?.items ?? []).filter((e) => {
      const span = spanOf(e.date);
      return span.end > view.start && span.start < view.end;
    });
    return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }, [range.data, view]);
  const crowded = range.data ? !range.data.complete : false;
  const totalInView = crowded ? (range.data?.total ?? 0) : inView.length;

  const onViewChange = useCallback((next: View) => update({ view: formatView(next) }, true), [update]);
  // Focus goes back to what opened the panel (a list row, the timeline, a link) when it closes.
  const opener = useRef<{ element: Element | null; id: string } | null>(null);
  const onSelect = useCallback(
    (id: string) => {
      opener.current = { element: document.activeElement, id };
      update({ event: id });
    },
    [update],
  );
  const onClose = useCallback(() => {
    const from = opener.current;
    update({ event: null });
    requestAnimationFrame(() => {
      const element = from?.element;
      const target =
        element instanceof HTMLElement && element.isConnected && element !== document.body
          ? element
          : from
            ? document.querySelector<HTMLElement>(`.event-row[data-id="${CSS.escape(from.id)}"]`)
            : null;
      (target ?? document.querySelector<HTMLElement>('[data-testid="timeline-canvas"]'))?.focus();
    });
  }, [update]);
  const toggle = (facet: ListFacet, value: string) => {
    const current = state[facet];
    update({ [facet]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] });
  };
  const toggleYear = (year: string) => update(state.year === year ? { year: null } : { year, view: formatView(yearView(Number(year))) });
  const filterLink = (facet: 'actor' | 'area', value: string) =>
    toHref({ ...state, [facet]: state[facet].includes(value) ? state[facet] : [...state[facet], value], event: state.event });

  const facetLabel = (facet: ListFacet, value: string) =>
    facet === 'type'
      ? (t.types[value as keyof typeof t.types] ?? value)
      : facet === 'area'
        ? (t.areas[value as keyof typeof t.areas] ?? value)
        : partyName(value);
  const chips: [ListFacet | 'year' | 'q', string][] = [
    ...(state.q ? [['q', state.q] as ['q', string]] : []),
    ...state.type.map((v) => ['type', v] as [ListFacet, string]),
    ...state.area.map((v) => ['area', v] as [ListFacet, string]),
    ...state.actor.map((v) => ['actor', v] as [ListFacet, string]),
    ...(state.year ? [['year', state.year] as ['year', string]] : []),
  ];
  const chipLabel = ([facet, value]: (typeof chips)[number]) =>
    facet === 'q' ? `“${value}”` : facet === 'year' ? value : facetLabel(facet, value);
  const removeChip = ([facet, value]: (typeof chips)[number]) =>
    facet === 'q' ? update({ q: '' }) : facet === 'year' ? update({ year: null }) : toggle(facet, value);

  const facets = summary.data?.facets;
  return (
    <div className={`timeline-page${state.event ? ' with-panel' : ''}`}>
      <details className="facets" open={window.matchMedia('(min-width: 900px)').matches}>
        <summary>{t.facets.toggle}</summary>
        <div className="facets-body">
          <YearFacet counts={facets?.year ?? []} selected={state.year} onToggle={toggleYear} />
          <FacetList
            name="type"
            counts={facets?.type ?? []}
            selected={state.type}
            label={(v) => facetLabel('type', v)}
            onToggle={(v) => toggle('type', v)}
            swatch={typeColor}
          />
          <FacetList
            name="area"
            counts={facets?.area ?? []}
            selected={state.area}
            label={(v) => facetLabel('area', v)}
            onToggle={(v) => toggle('area', v)}
          />
          <FacetList
            name="actor"
            counts={facets?.actor ?? []}
            selected={state.actor}
            label={(v) => facetLabel('actor', v)}
            onToggle={(v) => toggle('actor', v)}
          />
        </div>
      </details>

      <section className="timeline-main" aria-labelledby="timeline-heading">
        <div className="timeline-toolbar">
          <h1 id="timeline-heading" className="visually-hidden">
            {t.timeline.title}
          </h1>
          <SearchBox value={state.q} onSearch={(q) => update({ q }, true)} />
          <p className="result-count" aria-live="polite">
            {summary.data ? t.timeline.results(summary.data.total) : '\u00a0'}
          </p>
        </div>
        {chips.length > 0 && (
          <ul className="chips active-filters">
            {chips.map((chip) => (
              <li key={chip.join(':')}>
                <button
                  type="button"
                  className="chip removable"
                  onClick={() => removeChip(chip)}
                  aria-label={t.timeline.removeFilter(chipLabel(chip))}
                >
                  {chipLabel(chip)} <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
            <li>
              <button type="button" className="link small" onClick={() => navigate(href('/', { view: state.view }))}>
                {t.timeline.clear}
              </button>
            </li>
          </ul>
        )}
        {summary.state === 'error' && <ErrorBox error={summary.error} retry={summary.reload} />}
        {range.error && <ErrorBox error={range.error} />}
        <TimelineCanvas
          view={view}
          onViewChange={onViewChange}
          items={items}
          years={years}
          crowded={crowded}
          selected={state.event}
          onSelect={onSelect}
          touch={touch}
        />
        <ul className="legend" aria-label={t.timeline.legend}>
          {EVENT_TYPES.map((type) => (
            <li key={type}>
              <span className="swatch" style={{ background: TYPE_COLORS[type] }} aria-hidden="true" />
              {t.types[type]}
            </li>
          ))}
        </ul>
        {crowded && <p className="notice">{t.timeline.crowded(totalInView)}</p>}

        <section className="event-list" aria-labelledby="list-heading" id="event-list" tabIndex={-1}>
          <h2 id="list-heading">
            {t.timeline.listHeading} <span className="muted">· {t.timeline.inView(Math.min(LIST_LIMIT, inView.length), totalInView)}</span>
          </h2>
          {range.data && totalInView === 0 && <p className="muted">{t.timeline.noResults}</p>}
          <ol>
            {inView.slice(0, LIST_LIMIT).map((event) => (
              <li key={event.id}>
                <button
                  type="button"
                  className="event-row"
                  data-id={event.id}
                  aria-current={event.id === state.event || undefined}
                  onClick={() => onSelect(event.id)}
                >
                  <time dateTime={event.date}>{formatDate(event.date, t)}</time>
                  <span className="type-dot" style={{ background: typeColor(event.type) }} title={t.types[event.type]} />
                  <span className="event-title">{localized(event, 'title', lang)}</span>
                </button>
              </li>
            ))}
          </ol>
          {totalInView > LIST_LIMIT && <p className="muted small">{t.timeline.listMore(totalInView - LIST_LIMIT)}</p>}
        </section>
      </section>

      {state.event && <EventPanel key={state.event} id={state.event} onClose={onClose} filterLink={filterLink} />}
    </div>
  );
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useI18n();
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  // Typing searches after a pause; Enter searches at once.
  useEffect(() => {
    if (text.trim() === value) return;
    const timer = setTimeout(() => onSearch(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor="timeline-search" className="visually-hidden">
        {t.timeline.search}
      </label>
      <input id="timeline-search" type="search" value={text} placeholder={t.timeline.search} onChange={(e) => setText(e.target.value)} />
      <button type="submit">{t.timeline.searchButton}</button>
    </form>
  );
}
