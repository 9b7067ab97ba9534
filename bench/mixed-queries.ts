// The mixed search workload: every request a different query, as readers send them. A word of
// any frequency (in half the events, in 10%, in 1 of 100,000, in none, a prefix), a date
// range, an actor, a type or area, facets, each present or not. Deterministic: the same
// seed gives the same paths.
import { AREAS, EVENT_TYPES } from '../src/domain/vocabulary.ts';
import { ACTORS, COMMON_TERM, RARE_TERM, WORDS, random } from './synthetic-record.ts';

const FACET_FIELDS = ['type', 'area', 'actor', 'year'];

/** `count` distinct /api/events paths. */
export function mixedQueryPaths(count: number, seed = 17): string[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const words = () => {
    const r = rand();
    if (r < 0.35) return pick(WORDS);
    if (r < 0.45) return `${pick(WORDS)} ${pick(WORDS)}`;
    if (r < 0.55) return COMMON_TERM;
    if (r < 0.6) return RARE_TERM;
    if (r < 0.65) return `${pick(WORDS).slice(0, 4)}*`;
    if (r < 0.7) return `nosuchword${Math.floor(rand() * 1e6)}`;
    return undefined;
  };
  const paths = new Set<string>();
  while (paths.size < count) {
    const params = new URLSearchParams();
    const q = words();
    if (q) params.set('q', q);
    if (rand() < 0.5) {
      const from = 1991 + Math.floor(rand() * 35);
      const month = rand() < 0.3 ? `-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}` : '';
      params.set('from', `${from}${month}`);
      params.set('to', String(from + Math.floor(rand() * 4)));
    }
    if (rand() < 0.4) params.set('actor', pick(ACTORS));
    if (rand() < 0.15) params.set('type', pick(EVENT_TYPES));
    if (rand() < 0.15) params.set('area', pick(AREAS));
    if (rand() < 0.5) params.set('facets', FACET_FIELDS.filter(() => rand() < 0.6).join(',') || 'type');
    paths.add(`/api/events?${params}`);
  }
  return [...paths];
}
