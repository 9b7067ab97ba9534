// The web app end to end: the built app served by the real server, driven in Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { readShippedRecord } from '../../src/io/shipped-record.ts';
import { chromiumMissing, launchChromium, startWebServer, type WebServer } from './support/web-server.ts';

const FIRST_SEED =
  'The Charter on a Distinctive Partnership between NATO and Ukraine was signed on February 8, 2019, during a visit to NATO by Ukrainian President Petro Poroshenko. ' +
  "In October 2020, Ukraine became the first non-NATO country to join the NATO's Cooperative Cyber Defence Centre of Excellence.";

describe('web app in Chromium', { skip: chromiumMissing }, () => {
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

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(server.url + path);
    return page;
  }

  async function api(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(server.url + path, {
      method,
      headers: { authorization: `Bearer ${server.editorToken}`, 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, etag: response.headers.get('etag'), json: (await response.json()) as Record<string, unknown> };
  }

  async function signIn(page: Page) {
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('API token').fill(server.editorToken);
    await page.getByRole('dialog').getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('editor · editor').waitFor();
  }

  test('the timeline loads, a search for "Bucharest" finds the summit and its panel opens', async () => {
    const page = await open('/');
    await page.getByTestId('timeline-canvas').waitFor();
    const { events } = await readShippedRecord();
    await page.getByText(`${events.length} events`, { exact: true }).waitFor();
    // The count can show before the rows are drawn: wait for a row rather than count at once.
    await page.locator('.event-row').first().waitFor();

    await page.getByRole('searchbox').fill('Bucharest');
    await page.waitForURL(/[?&]q=Bucharest/);
    const row = page.locator('.event-row', { hasText: 'Bucharest summit' });
    await row.waitFor();
    // The search narrows the list to the events that mention Bucharest, however many the record has.
    const mentions = events.filter((e) => /bucharest/i.test(`${e.title} ${e.summary}`)).length;
    await page.waitForFunction((n) => document.querySelectorAll('.event-row').length <= n, mentions);
    await row.click();

    const panel = page.getByTestId('event-panel');
    await panel.getByRole('heading', { level: 2 }).filter({ hasText: 'Bucharest summit' }).waitFor();
    assert.match(page.url(), /event=bucharest-summit-2008/);
    assert.match(await panel.innerText(), /3 April 2008/);
    assert.equal(await panel.getByRole('link', { name: 'NATO', exact: true }).count(), 1, 'actors link to the filtered timeline');
    const sourceLinks = await panel.locator('.sources a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    assert.ok(sourceLinks.includes('https://www.nato.int/docu/update/2008/04-april/e0403h.html'), sourceLinks.join());

    // The URL is the view: reloading it shows the same search and event.
    await page.reload();
    await page
      .getByTestId('event-panel')
      .getByRole('heading', { name: /Bucharest summit/ })
      .waitFor();
    assert.equal(await page.getByRole('searchbox').inputValue(), 'Bucharest');
    await page.close();
  });

  test('an area facet filters the timeline and the URL', async () => {
    const page = await open('/');
    const facet = page.locator('button[data-facet="area"][data-value="membership"]');
    await facet.waitFor();
    const expected = Number((await facet.locator('.count').innerText()).replace(/\D/g, ''));
    const { json } = await api('GET', '/api/events?area=membership&limit=1');
    assert.equal(expected, json.total);

    await facet.click();
    await page.waitForURL(/area=membership/);
    await page.getByText(`${expected} events`, { exact: true }).waitFor();
    assert.equal(await facet.getAttribute('aria-pressed'), 'true');
    await page.getByRole('button', { name: 'Remove filter Membership' }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('.event-row').length === n, expected);
    await page.close();
  });

  test('an agreement page shows parties, commitments with progress, related events and sources', async () => {
    const page = await open('/agreements');
    await page.getByTestId('agreement-area').selectOption('cybersecurity');
    await page.waitForURL(/area=cybersecurity/);
    await page.getByRole('link', { name: 'UK-Ukraine Agreement on Security Co-operation' }).click();
    await page.getByRole('heading', { level: 1, name: 'UK-Ukraine Agreement on Security Co-operation' }).waitFor();
    assert.match(page.url(), /\/agreements\/uk-ukraine-security-agreement-2024$/);
    const text = await page.locator('main').innerText();
    assert.match(text, /12 January 2024/);
    assert.match(text, /United Kingdom/);
    assert.ok((await page.locator('.commitment-list > li').count()) >= 1);
    // Each commitment says how far it got: a bar, or in words when no delivery is recorded.
    const commitments = await page.locator('.commitment-list > li').count();
    const measured =
      (await page.locator('.commitment-list > li [role=progressbar]').count()) +
      (await page.locator('.commitment-list > li [data-testid=no-delivery]').count()) +
      (await page.locator('.commitment-list > li [data-testid=partial-delivery]').count());
    assert.ok(measured >= 1 && measured <= commitments);
    assert.ok((await page.locator('.sources a').count()) >= 1);
    // Each source with its tier. This agreement's commitments have no delivery recorded: they
    // say so, with no progress bar at 0%.
    assert.ok((await page.locator('.sources .badge.tier').count()) >= 1);
    // Progress is said in words or figures.
    assert.match(text, /delivery recorded|of £|of €/i);
    await page.close();
  });

  test("the checker marks the first seed's two false sentences as contradicted", async () => {
    const page = await open('/check');
    await page.getByLabel('Text to check').fill(FIRST_SEED);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    const marks = page.locator('mark.claim');
    await page.getByTestId('checked-text').waitFor();
    assert.equal(await marks.count(), 2);
    assert.deepEqual(await marks.evaluateAll((m) => m.map((e) => e.getAttribute('data-verdict'))), ['contradicted', 'contradicted']);
    assert.equal(await page.getByTestId('checked-text').innerText(), FIRST_SEED, 'the text is shown whole, claims marked in place');
    await marks.first().click();
    const card = page.locator('#claim-0');
    assert.match(await card.innerText(), /Madrid/);
    assert.ok((await card.locator('a').count()) >= 1, 'evidence links');
    await page.close();
  });

  test('an editor edits an event, sees the change in its history, and is told about a conflicting save', async () => {
    const page = await open('/?event=bucharest-summit-2008');
    await signIn(page);
    await page.getByTestId('event-panel').getByRole('link', { name: 'Edit' }).click();
    await page.waitForURL(/\/edit\/events\/bucharest-summit-2008$/);
    const title = page.getByLabel('Title', { exact: true });
    await title.fill("Bucharest summit: Ukraine 'will become' a member (edited)");
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await page.getByTestId('history').getByText("Bucharest summit: Ukraine 'will become' a member (edited)").first().waitFor();

    // A field error from the API lands beside its input.
    await page.getByLabel('Date (YYYY, YYYY-MM or YYYY-MM-DD)').fill('2008-13-40');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('#field-date-error').filter({ hasText: /./ }).waitFor();
    assert.equal(await page.getByLabel('Date (YYYY, YYYY-MM or YYYY-MM-DD)').getAttribute('aria-invalid'), 'true');
    await page.getByLabel('Date (YYYY, YYYY-MM or YYYY-MM-DD)').fill('2008-04-03');

    // Someone else saves first: the 412 is explained with what changed.
    const current = await api('GET', '/api/events/bucharest-summit-2008');
    const theirs = { ...current.json, summary: 'Changed by another editor.' };
    assert.equal((await api('PUT', '/api/events/bucharest-summit-2008', theirs, { 'if-match': current.etag! })).status, 200);
    await title.fill('Bucharest summit (second edit)');
    await page.getByRole('button', { name: 'Save' }).click();
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    assert.match(await conflict.innerText(), /Changed by another editor\./);
    await conflict.getByRole('button', { name: 'Save mine over theirs' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const saved = await api('GET', '/api/events/bucharest-summit-2008');
    assert.equal(saved.json.title, 'Bucharest summit (second edit)');
    await page.close();
  });

  test('an XSS payload stored in a title renders as text', async () => {
    const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const created = await api('POST', '/api/events', {
      id: 'xss-probe',
      date: '2010-05-05',
      title: payload,
      summary: payload,
      type: 'other',
      actors: [payload],
      areas: [],
      sources: [{ url: 'https://example.org/', title: payload, quote: payload }],
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const page = await open('/?event=xss-probe&q=pwned');
    const heading = page.getByTestId('event-panel').getByRole('heading', { level: 2 });
    await heading.waitFor();
    assert.equal(await heading.textContent(), payload);
    await page.locator('.event-row', { hasText: payload }).waitFor();
    assert.equal(await page.locator('main img').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    await page.close();
  });

  test('the interface switches to Ukrainian and remembers it', async () => {
    const page = await open('/agreements');
    await page.getByRole('button', { name: 'Switch language to Ukrainian' }).click();
    await page.getByRole('heading', { level: 1, name: 'Угоди' }).waitFor();
    await page.getByRole('link', { name: /Меморандум про гарантії безпеки/ }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Угоди' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'uk');
    await page.close();
  });

  test('no page threw', () => {
    assert.deepEqual(pageErrors, []);
  });
});
