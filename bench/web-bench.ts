// Web figures: JS shipped for the first page (as sent: brotli, and gzip for comparison), first
// contentful paint on localhost, and frames per second while panning the timeline with 100,000
// synthetic events in the record.
// `npm run bench` calls runWebBench(); `node --import tsx bench/web-bench.ts` runs it alone.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_WEB_ROOT } from '../src/http/build-app.ts';
import { importPaths } from '../src/io/import-records.ts';
import { chromiumMissing, launchChromium, startWebServer } from '../test/web/support/web-server.ts';
import { writeSyntheticRecord } from './synthetic-record.ts';

const EVENTS = 100_000;
const JS_TARGET_KB = 120;
const FPS_TARGET = 30;
const PAN_MS = 3000;

export interface WebBenchResult {
  /** Brotli, as the server sends it (web/dist holds .br files made at build). */
  firstPageJsCompressedKb: number;
  firstPageJsGzipKb: number;
  fcpMs: number;
  panFps: { wholePeriod: number; eventsDrawn: number; eventsInView: number };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Compressed size (brotli, gzip) of every script the first page loads, read from web/dist. */
async function firstPageJs(browser: Browser, url: string): Promise<{ br: number; gzip: number }> {
  const page = await browser.newPage();
  const scripts = new Set<string>();
  page.on('request', (request) => request.resourceType() === 'script' && scripts.add(new URL(request.url()).pathname));
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.close();
  let br = 0;
  let gzip = 0;
  for (const script of scripts) {
    const body = fs.readFileSync(path.join(DEFAULT_WEB_ROOT, script));
    br += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    gzip += gzipSync(body).length;
  }
  return { br: br / 1024, gzip: gzip / 1024 };
}

const FCP_SCRIPT = `new Promise((resolve) =>
  new PerformanceObserver((list) => {
    const entry = list.getEntriesByName('first-contentful-paint')[0];
    if (entry) resolve(entry.startTime);
  }).observe({ type: 'paint', buffered: true }))`;

async function firstContentfulPaint(browser: Browser, url: string): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    samples.push(await page.evaluate<number>(FCP_SCRIPT));
    await context.close();
  }
  return median(samples);
}

/**
 * Drags the timeline for PAN_MS, one pointer move per animation frame, and counts frames.
 * Plain JavaScript in a string: tsx would wrap named functions in a helper the page lacks.
 */
const PAN_SCRIPT = `(duration) => {
  const canvas = document.querySelector('[data-testid="timeline-canvas"]');
  const rect = canvas.getBoundingClientRect();
  const y = rect.top + 60;
  const fire = (type, x) =>
    canvas.dispatchEvent(new PointerEvent(type, { clientX: x, clientY: y, pointerId: 1, bubbles: true, isPrimary: true, button: 0 }));
  return new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    fire('pointerdown', rect.left + rect.width / 2);
    const step = (now) => {
      const t = now - start;
      if (t >= duration) {
        fire('pointerup', rect.left + rect.width / 2);
        return resolve((frames * 1000) / t);
      }
      frames++;
      // Back and forth across a third of the width, so the view stays over the loaded events.
      fire('pointermove', rect.left + rect.width / 2 + Math.sin(t / 300) * (rect.width / 6));
      requestAnimationFrame(step);
    };
    requestAnimationFrame(step);
  });
}`;

const panFps = (page: Page) => page.evaluate<number>(`(${PAN_SCRIPT})(${PAN_MS})`);

export async function runWebBench(): Promise<WebBenchResult | null> {
  if (chromiumMissing) {
    console.log(`web: skipped, ${chromiumMissing}`);
    return null;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pactwatch-web-bench-'));
  const { eventsCsv, partiesJson } = await writeSyntheticRecord(dir, EVENTS);
  const server = await startWebServer({ seed: (store) => importPaths(store, [partiesJson, eventsCsv]).then(() => undefined) });
  const browser = await launchChromium();
  try {
    const js = await firstPageJs(browser, server.url);
    const firstPageJsCompressedKb = js.br;
    const firstPageJsGzipKb = js.gzip;
    const fcpMs = await firstContentfulPaint(browser, server.url);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.url, { waitUntil: 'networkidle' });
    await page
      .getByText(/100,000 events/)
      .first()
      .waitFor();
    const wholePeriod = await panFps(page);

    // About five months: under the per-view limit, so every event is drawn in its lane.
    await page.goto(`${server.url}/?view=2015-03-01..2015-08-01`, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => document.querySelectorAll('.event-row').length >= 200);
    const eventsInView = Number((await page.locator('#list-heading').innerText()).match(/of ([\d,]+) events/)?.[1]?.replace(/,/g, '') ?? 0);
    const eventsDrawn = await panFps(page);
    await page.close();

    const result = { firstPageJsCompressedKb, firstPageJsGzipKb, fcpMs, panFps: { wholePeriod, eventsDrawn, eventsInView } };
    const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');
    console.log(
      `web: first-page JS ${firstPageJsCompressedKb.toFixed(1)} kB compressed (brotli, as served; ${firstPageJsGzipKb.toFixed(1)} kB gzip) (target <= ${JS_TARGET_KB}) ${mark(firstPageJsCompressedKb <= JS_TARGET_KB)}`,
    );
    console.log(`web: first contentful paint ${fcpMs.toFixed(0)} ms (median of 5, localhost, Chromium)`);
    console.log(
      `web: panning with ${EVENTS.toLocaleString('en')} events, whole period (density) ${wholePeriod.toFixed(1)} fps ${mark(wholePeriod >= FPS_TARGET)}`,
    );
    console.log(
      `web: panning with ${EVENTS.toLocaleString('en')} events, ${eventsInView.toLocaleString('en')} drawn one by one ${eventsDrawn.toFixed(1)} fps ${mark(eventsDrawn >= FPS_TARGET)}`,
    );
    return result;
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runWebBench();
