// Regenerates docs/screenshots/*.png: each main page of the web app, served by the real server
// with the shipped record, in Chromium. Run with `npm run screenshots`.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { chromiumMissing, launchChromium, startWebServer } from '../test/web/support/web-server.ts';

const OUT = path.resolve(import.meta.dirname, '../docs/screenshots');
const SEED =
  'The Charter on a Distinctive Partnership between NATO and Ukraine was signed on February 8, 2019, during a visit to NATO by Ukrainian President Petro Poroshenko. ' +
  "In October 2020, Ukraine became the first non-NATO country to join the NATO's Cooperative Cyber Defence Centre of Excellence. " +
  'Ukraine joined NATO’s Partnership for Peace in February 1994. The Bucharest summit declared in April 2008 that Ukraine will become a member of NATO.';

interface Shot {
  name: string;
  path: string;
  viewport?: { width: number; height: number };
  theme?: 'dark';
  lang?: 'en' | 'uk';
  /** A phone: touch wording. */
  touch?: boolean;
  signedIn?: boolean;
  prepare?: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  { name: 'timeline', path: '/' },
  { name: 'event-panel', path: '/?view=2004-06-01..2010-06-01&event=bucharest-summit-2008' },
  { name: 'agreement', path: '/agreements/uk-ukraine-security-agreement-2024' },
  {
    name: 'commitments',
    path: '/commitments',
    viewport: { width: 1440, height: 1300 },
    prepare: (page) => page.getByTestId('chart-obligor').locator('.bar-row').first().waitFor(),
  },
  { name: 'commitment', path: '/commitments/france-2024-up-to-3bn', prepare: (page) => page.getByTestId('status-reason').waitFor() },
  {
    name: 'commitments-uk',
    path: '/commitments?measure=count',
    lang: 'uk',
    viewport: { width: 1440, height: 1300 },
    prepare: (page) => page.getByTestId('chart-obligor').locator('.bar-row').first().waitFor(),
  },
  { name: 'agreement-uk', path: '/agreements/france-ukraine-security-agreement-2024', lang: 'uk' },
  { name: 'about', path: '/about', prepare: (page) => page.getByTestId('last-change').waitFor() },
  {
    name: 'checker',
    path: '/check',
    prepare: async (page) => {
      await page.getByLabel('Text to check').fill(SEED);
      await page.getByLabel(/Also list the sentences/).check();
      await page.getByRole('button', { name: 'Check', exact: true }).click();
      await page.locator('[data-testid="checked-text"], .error-box').first().waitFor();
      if (await page.locator('mark.claim').count()) await page.locator('mark.claim').first().click();
      else console.warn('checker: no result from POST /api/check; the screenshot shows the error');
    },
  },
  { name: 'editor', path: '/edit/events/bucharest-summit-2008', signedIn: true, prepare: (page) => page.getByTestId('history').waitFor() },
  { name: 'timeline-dark', path: '/?area=membership&view=2002-01-01..2026-01-01', theme: 'dark' },
  { name: 'phone', path: '/?area=membership', viewport: { width: 390, height: 844 }, touch: true },
];

async function main() {
  if (chromiumMissing) throw new Error(chromiumMissing);
  fs.mkdirSync(OUT, { recursive: true });
  const server = await startWebServer();
  const browser = await launchChromium();
  try {
    // One saved edit gives the editor's history something to show.
    const current = await fetch(`${server.url}/api/events/bucharest-summit-2008`);
    const record = (await current.json()) as { summary: string };
    await fetch(`${server.url}/api/events/bucharest-summit-2008`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${server.editorToken}`,
        'content-type': 'application/json',
        'if-match': current.headers.get('etag')!,
      },
      body: JSON.stringify({ ...record, summary: `${record.summary} Leaders left the decision on a MAP to the foreign ministers.` }),
    });
    for (const shot of SHOTS) {
      const context = await browser.newContext({
        viewport: shot.viewport ?? { width: 1440, height: 900 },
        deviceScaleFactor: 1,
        colorScheme: shot.theme ?? 'light',
        hasTouch: shot.touch ?? false,
        isMobile: shot.touch ?? false,
      });
      await context.addInitScript(
        ([token, signedIn, lang]) => {
          localStorage.setItem('pactwatch.lang', lang);
          if (signedIn) localStorage.setItem('pactwatch.token', token);
        },
        [server.editorToken, shot.signedIn ?? false, shot.lang ?? 'en'] as const,
      );
      const page = await context.newPage();
      await page.goto(server.url + shot.path, { waitUntil: 'networkidle' });
      await shot.prepare?.(page);
      await page.waitForTimeout(400);
      const file = path.join(OUT, `${shot.name}.png`);
      await page.screenshot({ path: file });
      console.log(path.relative(process.cwd(), file));
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
