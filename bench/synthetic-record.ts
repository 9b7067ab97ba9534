// A deterministic synthetic record for benchmarks: N events as events.csv plus the parties
// they name. Same N, same bytes, every run. Nothing it writes is committed.
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { stringify } from 'csv-stringify';
import { AREAS, EVENT_TYPES } from '../src/domain/vocabulary.ts';
import { csvHeader, recordToCsvRow } from '../src/io/csv-columns.ts';

/** A word in about 1 of 100,000 events, and one in about 10%: the search benchmark's terms. */
export const RARE_TERM = 'zanzibarite';
export const COMMON_TERM = 'interoperability';

export const WORDS = (
  'alliance partnership summit declaration council commission defence reform training exercise mission ' +
  'cyber security assistance package brigade logistics maritime air command staff liaison office annual ' +
  'national programme budget procurement armour artillery ammunition drones radar medical humanitarian energy ' +
  'border cooperation dialogue parliament ministers delegation visit agreement memorandum charter review'
).split(' ');
export const ACTORS = ['nato', 'ukraine', 'united-states', 'united-kingdom', 'germany', 'france', 'poland', 'canada', 'eu', 'sweden'];

/** Mulberry32: tiny, fast and deterministic. */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeSyntheticRecord(
  dir: string,
  events: number,
  seed = 20261123,
): Promise<{ eventsCsv: string; partiesJson: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

  const partiesJson = path.join(dir, 'parties.json');
  fs.writeFileSync(
    partiesJson,
    JSON.stringify({ parties: ACTORS.map((id) => ({ id, name: id.toUpperCase(), kind: 'state', aliases: [] })) }),
  );

  const eventsCsv = path.join(dir, 'events.csv');
  const out = fs.createWriteStream(eventsCsv);
  const csv = stringify({ header: true, columns: csvHeader('events') });
  csv.pipe(out);
  for (let i = 0; i < events; i++) {
    const year = 1991 + Math.floor(rand() * 35);
    const precision = rand();
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const date = precision < 0.1 ? `${year}` : precision < 0.3 ? `${year}-${month}` : `${year}-${month}-${day}`;
    const extra = (i % 100_000 === 7 ? ` ${RARE_TERM}` : '') + (rand() < 0.1 ? ` ${COMMON_TERM}` : '');
    const record = {
      id: `ev-${String(i).padStart(7, '0')}`,
      date,
      title: `${words(5)}${extra}`,
      summary: words(24),
      type: pick(EVENT_TYPES),
      actors: [...new Set([pick(ACTORS), pick(ACTORS)])],
      areas: [...new Set([pick(AREAS), pick(AREAS)])],
      sources: [{ url: `https://example.org/source/${i}` }],
    };
    if (!csv.write(recordToCsvRow('events', record))) await once(csv, 'drain');
  }
  csv.end();
  await once(out, 'finish');
  return { eventsCsv, partiesJson };
}
