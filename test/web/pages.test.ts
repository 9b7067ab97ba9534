// Issue 15 in Chromium: the money dashboard, honest states, agreement and commitment pages,
// About, not-found, page titles, Ukrainian without raw slugs, keyboard paths and focus return,
// axe, phone width, the timeline axis, the checker's export, the feed and first-page weight.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { DEFAULT_WEB_ROOT } from '../../src/http/build-app.ts';
import { chromiumMissing, launchChromium, startWebServer, type WebServer } from './support/web-server.ts';

const SEED =
  'The Charter on a Distinctive Partnership between NATO and Ukraine was signed on February 8, 2019, during a visit to NATO by Ukrainian President Petro Poroshenko. ' +
  'The Bucharest summit declared in April 2008 that Ukraine will become a member of NATO.';

describe('issue 15 pages in Chromium', { skip: chromiumMissing }, () => {
  let server: WebServer;
  let browser: Browser;
  const pageErrors: string[] = [];

  before(async () => {
    server = await startWebServer();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(route: string, options: BrowserContextOptions & { lang?: 'en' | 'uk' } = {}): Promise<Page> {
    const { lang = 'en', ...contextOptions } = options;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
    await context.addInitScript((l) => localStorage.setItem('pactwatch.lang', l), lang);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${route}: ${error.message}`));
    await page.goto(server.url + route);
    return page;
  }
  const done = (page: Page) => page.context().close();
  const apiJson = async <T>(route: string): Promise<T> => (await (await fetch(server.url + route)).json()) as T;

  test('the dashboard shows euros for every obligor, counts on request, and each bar opens its commitments', async () => {
    const page = await open('/commitments');
    const chart = page.getByTestId('chart-obligor');
    await chart.locator('.bar-row').first().waitFor();
    const { items } = await apiJson<{ items: { obligor: string; amount: number | null; status: string }[] }>('/api/commitments');
    const withMoney = new Set(items.filter((c) => c.amount && c.status !== 'withdrawn').map((c) => c.obligor));
    await chart.getByRole('button', { name: `Show all ${withMoney.size}` }).click();
    assert.equal(await chart.locator('.bar-row').count(), withMoney.size, 'every obligor that promised money has a bar');
    const canada = chart.locator('li[data-key="canada"]');
    assert.match(await canada.innerText(), /€[\d.]+(bn|m)/, 'Canadian dollars shown converted to euros');
    assert.match(await chart.innerText(), /of €/);
    assert.match(await page.getByTestId('chart-year').innerText(), /2024/);
    await page.getByTestId('rates').locator('summary').click();
    assert.match(await page.getByTestId('rates').innerText(), /CAD[\s\S]*1\.467/);

    await page.getByRole('button', { name: 'Counts', exact: true }).click();
    await page.waitForURL(/measure=count/);
    const obligors = new Set(items.map((c) => c.obligor));
    const showAll = chart.getByRole('button', { name: `Show all ${obligors.size}` });
    if (await showAll.count()) await showAll.click();
    assert.equal(await chart.locator('.bar-row').count(), obligors.size, 'all obligors in counts');

    await chart.locator('li[data-key="canada"] a').click();
    await page.waitForURL(/obligor=canada/);
    const behind = page.getByTestId('behind-table');
    await behind.waitFor();
    const expected = items.filter((c) => c.obligor === 'canada').length;
    assert.equal(await behind.locator('tbody tr').count(), expected);
    await done(page);
  });

  test('no delivery recorded is said in words, never 0%; a commitment without a deadline says so', async () => {
    const page = await open('/commitments');
    const overdue = page.getByTestId('overdue');
    await overdue.waitFor();
    assert.ok((await overdue.getByTestId('no-delivery').count()) > 0);
    assert.doesNotMatch(await overdue.innerText(), /(^|\s)0%/);
    await page.goto(`${server.url}/agreements/budapest-memorandum-1994`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.match(await page.locator('main').innerText(), /no deadline/);
    await done(page);
  });

  test('an agreement shows committed and delivered figures, deliveries and commitment sources', async () => {
    const page = await open('/agreements/france-ukraine-security-agreement-2024');
    const figures = page.getByTestId('agreement-figures');
    await figures.waitFor();
    assert.match(await figures.innerText(), /€[\d.]+(?:bn|m)? of €[\d.]+bn/);
    await page.getByTestId('agreement-deliveries').waitFor();
    assert.match(await page.locator('.commitment-list').innerText(), /of €3bn/);
    assert.ok((await page.locator('.commitment-sources').count()) >= 1);
    await page.locator('.commitment-list a[href="/commitments/france-2024-up-to-3bn"]').click();
    await page.waitForURL(/\/commitments\/france-2024-up-to-3bn$/);
    await page.getByTestId('status-reason').waitFor();
    assert.ok((await page.getByTestId('deliveries').locator('> li').count()) >= 1);
    assert.match(await page.locator('main').innerText(), /Obligor[\s\S]*France/i);
    assert.match(await page.title(), /· Pactwatch$/);
    await done(page);
  });

  test('unknown pages and records show a not-found page with a way back', async () => {
    const page = await open('/no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    assert.equal(await page.title(), 'Not found · Pactwatch');
    await page.getByRole('link', { name: /Go to the timeline/ }).click();
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/agreements/no-such-agreement`);
    await page.getByTestId('not-found').waitFor();
    assert.doesNotMatch(await page.locator('main').innerText(), /Something went wrong/);
    await done(page);
  });

  test('the About page says what the record covers, when it last changed and how to cite it', async () => {
    const page = await open('/about');
    await page.getByTestId('coverage').waitFor();
    const events = await apiJson<{ total: number }>('/api/events?limit=1');
    assert.match(await page.getByTestId('coverage').innerText(), new RegExp(`^${events.total} dated events from 19\\d\\d`));
    assert.match(await page.getByTestId('last-change').innerText(), /last changed on .+ UTC/);
    assert.match(await page.getByTestId('citation').innerText(), /Pactwatch, Ukraine–NATO record/);
    assert.equal(await page.title(), 'About and methodology · Pactwatch');
    await done(page);
  });

  test('every page has its own title', async () => {
    const page = await open('/');
    const titles = new Set<string>();
    for (const route of ['/', '/agreements', '/commitments', '/check', '/about', '/agreements/nato-ukraine-charter-1997']) {
      await page.goto(server.url + route);
      await page.locator('main h1').first().waitFor({ state: 'attached' });
      await page.waitForFunction(() => document.title !== 'Pactwatch');
      titles.add(await page.title());
    }
    assert.equal(titles.size, 6, [...titles].join(' | '));
    await done(page);
  });

  test('the Ukrainian interface shows no raw slugs and formats numbers the Ukrainian way', async () => {
    const page = await open('/agreements', { lang: 'uk' });
    await page.getByRole('heading', { level: 1, name: 'Угоди' }).waitFor();
    const slug = /\b(in-force|security-agreement|joint-statement|in-progress|superseded|memorandum|declaration)\b/;
    for (const route of ['/agreements', '/agreements/uk-ukraine-security-agreement-2024', '/commitments', '/about', '/check']) {
      await page.goto(server.url + route);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      // Source links show their addresses, which may hold such words; the interface may not.
      const text = await page.locator('main').evaluate((main) => {
        const copy = main.cloneNode(true) as HTMLElement;
        for (const source of copy.querySelectorAll('.sources')) source.remove();
        return copy.textContent ?? '';
      });
      assert.doesNotMatch(text, slug, route);
      assert.doesNotMatch(text, /No delivery recorded|Committed|Overdue|Loading/, route);
    }
    await page.goto(`${server.url}/commitments`);
    await page.getByTestId('chart-obligor').locator('.bar-row').first().waitFor();
    assert.match(await page.getByTestId('chart-obligor').innerText(), /млрд|млн/);
    assert.equal(await page.title(), 'Зобовʼязання · Pactwatch');
    await done(page);
  });

  test('keyboard: an event is reached in at most 5 Tabs, opens with Enter, and focus returns when it closes', async () => {
    const page = await open('/');
    await page.locator('.event-row').first().waitFor();
    let tabs = 0;
    for (; tabs < 5; tabs++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent === 'Skip to the event list')) break;
    }
    assert.ok(tabs < 5, 'the skip link is among the first Tabs');
    await page.keyboard.press('Enter');
    const focusedId = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.id);
    assert.ok(focusedId, 'an event row has focus');
    await page.keyboard.press('Enter');
    await page.getByTestId('event-panel').getByRole('heading', { level: 2 }).waitFor();
    assert.match(page.url(), new RegExp(`event=${focusedId}`));
    await page.keyboard.press('Escape');
    await page.getByTestId('event-panel').waitFor({ state: 'detached' });
    await page.waitForFunction((id) => (document.activeElement as HTMLElement | null)?.dataset.id === id, focusedId);

    // On the timeline itself: arrows move between events, Enter opens, Escape comes back.
    const canvas = page.getByTestId('timeline-canvas');
    await canvas.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const cursor = await canvas.getAttribute('data-cursor');
    assert.ok(cursor, 'the timeline has a keyboard cursor');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`event=${cursor}`));
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'timeline-canvas');
    await done(page);
  });

  test('axe finds no serious or critical violations on any page, light or dark, in either language', async () => {
    const routes = [
      '/',
      '/?event=bucharest-summit-2008',
      '/agreements',
      '/agreements/france-ukraine-security-agreement-2024',
      '/commitments',
      '/commitments?measure=count&obligor=canada',
      '/commitments/france-2024-up-to-3bn',
      '/check',
      '/about',
      '/no-such-page',
    ];
    const problems: string[] = [];
    for (const [lang, colorScheme] of [
      ['en', 'light'],
      ['uk', 'dark'],
    ] as const) {
      const page = await open('/', { lang, colorScheme });
      for (const route of routes) {
        await page.goto(server.url + route, { waitUntil: 'networkidle' });
        await page.locator('main h1, main h2').first().waitFor();
        const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
          problems.push(
            `${lang} ${colorScheme} ${route}: ${v.id} (${v.impact}) ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(', ')}`,
          );
      }
      await done(page);
    }
    assert.deepEqual(problems, []);
  });

  test('at phone width the nav fits, tables do not overflow, and touch screens get touch wording', async () => {
    const page = await open('/agreements', { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    await page.locator('table').waitFor();
    const rights = await page.locator('.site-header nav a').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().right));
    assert.ok(rights.length >= 5 && rights.every((r) => r <= 390), rights.join());
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'no sideways scroll');
    await page.goto(`${server.url}/commitments`);
    await page.getByTestId('overdue').waitFor();
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 390), 'dashboard fits');
    await page.goto(server.url + '/');
    await page.getByText(/pinch to zoom/).waitFor();
    assert.equal(await page.getByText(/scroll or \+\/− to zoom/).count(), 0);
    await done(page);
  });

  test('at month zoom the axis names the year and every month', async () => {
    const page = await open('/?view=2014-01-01..2014-07-01');
    const canvas = page.getByTestId('timeline-canvas');
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline-canvas"]')?.getAttribute('data-axis'));
    const labels = (await canvas.getAttribute('data-axis'))!.split('|');
    assert.ok(labels.includes('2014'), labels.join());
    for (const month of ['Feb', 'Mar', 'Apr', 'May', 'Jun']) assert.ok(labels.includes(month), `${month} in ${labels.join()}`);
    await done(page);
  });

  test('crowded day events gather into a counted cluster that opens into a list', async () => {
    for (let i = 0; i < 60; i++) {
      const response = await fetch(`${server.url}/api/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.editorToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          id: `crowd-${i}`,
          date: '2010-05-05',
          title: `Crowded day meeting number ${i}`,
          summary: 'A test event.',
          type: 'other',
          actors: [],
          areas: [],
          sources: [{ url: 'https://example.org/' }],
        }),
      });
      assert.equal(response.status, 201);
    }
    const page = await open('/?view=2010-04-20..2010-05-20');
    const canvas = page.getByTestId('timeline-canvas');
    await page.waitForFunction(() => document.querySelector('[data-testid="timeline-canvas"]')?.getAttribute('data-clusters'));
    const [x, y, n] = (await canvas.getAttribute('data-clusters'))!.split(' ')[0]!.split(',').map(Number) as [number, number, number];
    assert.ok(n > 1);
    const box = (await canvas.boundingBox())!;
    await page.mouse.click(box.x + x, box.y + y);
    const list = page.getByTestId('cluster-list');
    await list.waitFor();
    assert.equal(await list.locator('.event-row').count(), n);
    await list.locator('.event-row').first().click();
    await page.waitForURL(/event=crowd-/);
    await done(page);
  });

  test('the checker shows sources with titles and exports ClaimReview JSON-LD', async () => {
    const page = await open('/check');
    await page.getByLabel('Text to check').fill(SEED);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('checked-text').waitFor();
    const card = page.locator('#claim-0');
    await card.locator('.sources a').first().waitFor();
    assert.doesNotMatch(await card.innerText(), /\[1\]|confidence/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export ClaimReview' }).click()]);
    const file = await download.path();
    const reviews = JSON.parse(fs.readFileSync(file!, 'utf8')) as { '@type': string; claimReviewed: string }[];
    assert.ok(reviews.length >= 1);
    assert.ok(reviews.every((r) => r['@type'] === 'ClaimReview' && r.claimReviewed));
    await done(page);
  });

  test('the checker compares details in a table, lists linked records strongest source first, and skipped sentences on request', async () => {
    const problems: string[] = [];
    for (const [lang, colorScheme, labels] of [
      [
        'en',
        'light',
        { text: 'Text to check', check: 'Check', skipped: /Also list the sentences/, table: 'Details compared with the record' },
      ],
      [
        'uk',
        'dark',
        { text: 'Текст для перевірки', check: 'Перевірити', skipped: /Також показати речення/, table: 'Деталі, порівняні з реєстром' },
      ],
    ] as const) {
      const page = await open('/check', { lang, colorScheme });
      await page.getByLabel(labels.text).fill(`${SEED} Photo: Reuters. Will Ukraine join NATO?`);
      await page.getByLabel(labels.skipped).check();
      await page.getByRole('button', { name: labels.check, exact: true }).click();
      await page.getByTestId('checked-text').waitFor();

      // The Charter claim: the date in conflict, side by side, and the record that says so.
      const table = page.locator('#claim-0').getByRole('table', { name: labels.table });
      const date = table.locator('tr[data-status="conflict"]').first();
      const cells = await date.locator('td').allInnerTexts();
      assert.equal(cells[1], 'February 8, 2019', `${lang}: the text's date`);
      assert.equal(cells[2], '9 July 1997', `${lang}: the record's date`);
      assert.ok(await date.getByRole('link').count(), `${lang}: the row links the record that says so`);
      // Linked records list their sources strongest first: the first one's badge is primary.
      const firstTier = page.locator('#claim-0 .sources').first().locator('.badge.tier').first();
      assert.match((await firstTier.getAttribute('class')) ?? '', /tier-primary/);

      const skipped = page.getByTestId('skipped');
      const items = await skipped.locator('li').allInnerTexts();
      assert.equal(items.length, 2, `${lang}: the caption and the question`);
      assert.match(items[0]!, /Photo: Reuters/);
      assert.match(items[1]!, /Will Ukraine join NATO\?/);
      assert.match(items[1]!, lang === 'en' ? /a question/ : /запитання/);

      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'))
        problems.push(
          `${lang} ${colorScheme}: ${v.id} (${v.impact}) ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
        );

      // Without the box ticked, no list of skipped sentences.
      await page.getByRole('button', { name: lang === 'en' ? 'Edit text' : 'Редагувати текст' }).click();
      await page.getByLabel(labels.skipped).uncheck();
      await page.getByRole('button', { name: labels.check, exact: true }).click();
      await page.getByTestId('checked-text').waitFor();
      assert.equal(await page.getByTestId('skipped').count(), 0);
      await done(page);
    }
    assert.deepEqual(problems, []);
  });

  test('the Atom feed is linked beside the calendar feed and parses as Atom', async () => {
    const page = await open('/commitments');
    const link = page.getByRole('link', { name: 'Follow changes (Atom)' });
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), '/api/feed.atom');
    const parsed = await page.evaluate(async () => {
      const xml = new DOMParser().parseFromString(await (await fetch('/api/feed.atom')).text(), 'application/xml');
      return {
        error: xml.getElementsByTagName('parsererror').length,
        ns: xml.documentElement.namespaceURI,
        entries: xml.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry').length,
      };
    });
    assert.deepEqual(parsed, { error: 0, ns: 'http://www.w3.org/2005/Atom', entries: parsed.entries });
    assert.ok(parsed.entries > 0);
    await done(page);
  });

  test('the first page loads at most 120 kB of compressed JavaScript', async () => {
    const page = await open('/');
    const scripts = new Set<string>();
    page.on('response', (r) => r.request().resourceType() === 'script' && scripts.add(new URL(r.url()).pathname));
    await page.reload({ waitUntil: 'networkidle' });
    await page.locator('.event-row').first().waitFor();
    let bytes = 0;
    // Files under 1 kB are not worth compressing and are sent as they are.
    for (const script of scripts) {
      const file = path.join(DEFAULT_WEB_ROOT, script);
      bytes += fs.statSync(fs.existsSync(`${file}.br`) ? `${file}.br` : file).size;
    }
    assert.ok(bytes / 1024 <= 120, `${(bytes / 1024).toFixed(1)} kB`);
    await done(page);
  });

  test('no page threw', () => {
    assert.deepEqual(pageErrors, []);
  });
});
