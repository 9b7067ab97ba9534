import { useState } from 'react';
import type { FacetCount, FacetName } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';

const SHOWN = 8;

interface Props {
  name: Exclude<FacetName, 'year'>;
  counts: readonly FacetCount[];
  selected: readonly string[];
  label: (value: string) => string;
  onToggle: (value: string) => void;
  swatch?: (value: string) => string;
}

/** A facet's values as toggle buttons with counts; selected values stay listed at count 0. */
export function FacetList({ name, counts, selected, label, onToggle, swatch }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const values = [...counts];
  for (const value of selected) if (!values.some((c) => c.value === value)) values.push({ value, count: 0 });
  const shown = open ? values : values.slice(0, SHOWN);
  return (
    <fieldset className="facet">
      <legend>{t.facets[name]}</legend>
      <ul>
        {shown.map(({ value, count }) => {
          const on = selected.includes(value);
          return (
            <li key={value}>
              <button
                type="button"
                className="facet-value"
                aria-pressed={on}
                onClick={() => onToggle(value)}
                data-facet={name}
                data-value={value}
              >
                {swatch && <span className="swatch" style={{ background: swatch(value) }} aria-hidden="true" />}
                <span className="facet-label">{label(value)}</span>
                <span className="count">{count.toLocaleString(t.locale)}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {values.length > SHOWN && (
        <button type="button" className="link small" onClick={() => setOpen(!open)} aria-expanded={open}>
          {open ? t.facets.less : `${t.facets.more} (${values.length})`}
        </button>
      )}
    </fieldset>
  );
}

/** Years as a clickable histogram: compact enough for three decades in a sidebar. */
export function YearFacet({
  counts,
  selected,
  onToggle,
}: {
  counts: readonly FacetCount[];
  selected: string | null;
  onToggle: (value: string) => void;
}) {
  const { t } = useI18n();
  const byYear = new Map(counts.map((c) => [Number(c.value), c.count]));
  const years = [...byYear.keys()];
  if (years.length === 0) return null;
  const first = Math.min(...years, selected ? Number(selected) : Infinity);
  const last = Math.max(...years, selected ? Number(selected) : -Infinity);
  const max = Math.max(1, ...byYear.values());
  const all = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return (
    <fieldset className="facet">
      <legend>{t.facets.year}</legend>
      <div className="year-histogram">
        {all.map((year) => {
          const count = byYear.get(year) ?? 0;
          const on = selected === String(year);
          return (
            <button
              key={year}
              type="button"
              aria-pressed={on}
              aria-label={`${year}: ${count}`}
              title={`${year}: ${count}`}
              onClick={() => onToggle(String(year))}
              data-facet="year"
              data-value={year}
            >
              <span style={{ height: `${Math.max(count ? 8 : 0, (count / max) * 100)}%` }} />
            </button>
          );
        })}
      </div>
      <div className="year-axis small muted" aria-hidden="true">
        <span>{first}</span>
        <span>{selected ?? ''}</span>
        <span>{last}</span>
      </div>
    </fieldset>
  );
}
