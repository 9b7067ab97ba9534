// Checker throughput: sentences per second over a text, and the median time per sentence.
// Run alone it measures the shipped record in memory; the 1M-event benchmark calls
// benchCheckThroughput with a store-backed source.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CheckPool } from '../src/check/check-pool.ts';
import { checkText } from '../src/check/check-text.ts';
import type { EvidenceSource } from '../src/check/evidence-source.ts';
import { memoryEvidenceSource } from '../src/check/memory-evidence-source.ts';
import { readShippedRecord } from '../src/io/shipped-record.ts';
import { readLabelledTexts } from '../src/check/evaluate-texts.ts';
import { loadSourceTierTable } from '../src/io/source-tier-table.ts';

/** Issue 5's targets. */
export const CHECK_SHIPPED_SENTENCES_PER_SECOND_TARGET = 500;
export const CHECK_LARGE_MEDIAN_MS_TARGET = 20;

export interface CheckThroughput {
  sentences: number;
  claims: number;
  sentencesPerSecond: number;
  medianMsPerSentence: number;
  p95MsPerSentence: number;
}

const REFERENCE = resolve(import.meta.dirname, '../../shared/reference/ukraine-nato');
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8'));

/** Sentences of the kind people paste: claims from the dev set, and some that claim nothing. */
export async function benchSentences(): Promise<string[]> {
  const dev: { text: string }[] = await readJson(`${REFERENCE}/claims-dev.json`);
  return [
    ...dev.map((c) => c.text),
    'The Charter on a Distinctive Partnership between NATO and Ukraine was signed on February 8, 2019, during a visit to NATO by Ukrainian President Petro Poroshenko.',
    "In October 2020, Ukraine became the first non-NATO country to join the NATO's Cooperative Cyber Defence Centre of Excellence.",
    'Relations between the two have a long history.',
    'Many observers expect this to continue for some time.',
  ];
}

/**
 * Checks each sentence on its own (for the per-sentence median) and then all of them as one
 * text (for throughput), after one warm-up round. Each phase repeats for at least
 * `minSeconds` (and at least 3 rounds), so one slow round on a shared machine cannot decide it.
 */
export async function benchCheckThroughput(source: EvidenceSource, sentences?: string[], minSeconds = 3): Promise<CheckThroughput> {
  const texts = sentences ?? (await benchSentences());
  const article = texts.join(' ');
  await checkText(article, source);
  const perSentence: number[] = [];
  const began = performance.now();
  for (let r = 0; r < 3 || performance.now() - began < minSeconds * 1000; r++) {
    for (const s of texts) {
      const t0 = performance.now();
      await checkText(s, source);
      perSentence.push(performance.now() - t0);
    }
  }
  let claims = 0;
  let rounds = 0;
  const t0 = performance.now();
  for (; rounds < 3 || performance.now() - t0 < minSeconds * 1000; rounds++) claims = (await checkText(article, source)).claims.length;
  const seconds = (performance.now() - t0) / 1000;
  perSentence.sort((a, b) => a - b);
  const at = (q: number) => perSentence[Math.min(perSentence.length - 1, Math.floor(q * perSentence.length))]!;
  return {
    sentences: texts.length,
    claims,
    sentencesPerSecond: (texts.length * rounds) / seconds,
    medianMsPerSentence: at(0.5),
    p95MsPerSentence: at(0.95),
  };
}

export function formatCheckThroughput(label: string, r: CheckThroughput): string {
  return `check (${label}): ${r.sentencesPerSecond.toFixed(0)} sentences/s, median ${r.medianMsPerSentence.toFixed(2)} ms/sentence, p95 ${r.p95MsPerSentence.toFixed(2)} ms (${r.sentences} sentences, ${r.claims} claims)`;
}

/** The shipped record, in memory. */
export async function shippedRecordSource(): Promise<EvidenceSource> {
  return memoryEvidenceSource(await readShippedRecord());
}

/** Issue 12's target: 100 kB of real prose checked in at most this long, in process. */
export const CHECK_100KB_MS_TARGET = 2_000;

/** The development texts repeated to 100 kB. */
function longText(): string {
  const prose = readLabelledTexts(resolve(import.meta.dirname, '../test/check/real-texts/dev'))
    .map((t) => t.text)
    .join('\n\n');
  return prose.repeat(Math.ceil(100_000 / prose.length)).slice(0, 100_000);
}

/** 100 kB of real prose checked as one text, in process. */
export async function benchLongText(source: EvidenceSource): Promise<number> {
  const text = longText();
  await checkText(text.slice(0, 2_000), source);
  const t0 = performance.now();
  await checkText(text, source);
  return performance.now() - t0;
}

export interface PoolFigures {
  /** From a cold pool to the first answer: a worker starts and reads the record. */
  firstCheckMs: number;
  /** One short sentence through a warm pool, median. */
  sentenceMs: number;
  /** 100 kB of real prose through the pool. */
  longTextMs: number;
  /** The longest the calling thread's event loop was held up while the 100 kB were checked. */
  maxLoopDelayMs: number;
}

/** What the server's worker pool (check-pool.ts) costs and leaves free on the main thread. */
export async function benchCheckPool(source: EvidenceSource): Promise<PoolFigures> {
  const pool = new CheckPool(source, { tiers: loadSourceTierTable() });
  try {
    let t0 = performance.now();
    await pool.check('Ukraine joined the Partnership for Peace in 1994.');
    const firstCheckMs = performance.now() - t0;
    const times: number[] = [];
    for (const sentence of (await benchSentences()).slice(0, 30)) {
      t0 = performance.now();
      await pool.check(sentence);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    t0 = performance.now();
    await pool.check(longText());
    const longTextMs = performance.now() - t0;
    delay.disable();
    return { firstCheckMs, sentenceMs: times[Math.floor(times.length / 2)]!, longTextMs, maxLoopDelayMs: delay.max / 1e6 };
  } finally {
    await pool.close();
  }
}

export function formatPoolFigures(r: PoolFigures): string {
  return `check pool: first check ${r.firstCheckMs.toFixed(0)} ms (worker start and record), median ${r.sentenceMs.toFixed(1)} ms/sentence, 100 kB ${r.longTextMs.toFixed(0)} ms, main-thread loop delay max ${r.maxLoopDelayMs.toFixed(1)} ms`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const source = await shippedRecordSource();
  console.log(formatCheckThroughput('shipped record, in memory', await benchCheckThroughput(source)));
  console.log(`check (100 kB of real prose): ${(await benchLongText(source)).toFixed(0)} ms (target ${CHECK_100KB_MS_TARGET} ms)`);
  console.log(formatPoolFigures(await benchCheckPool(source)));
}
