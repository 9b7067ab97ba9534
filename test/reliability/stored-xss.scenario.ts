// Stored XSS: script payloads in every text field of every kind, written through the API, then
// every page of the web app that shows them opened in Chromium. Nothing may run (the payloads
// set window.__pwned or open a dialog), and the payloads must show as text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { chromiumMissing, launchChromium, startWebServer, type WebServer } from '../web/support/web-server.ts';
import { XSS_PAYLOADS } from './support/hostile-values.ts';
import { report } from './support/scale.ts';

let next = 0;
const payload = () => XSS_PAYLOADS[next++ % XSS_PAYLOADS.length]!;
const sources = () => [{ url: 'https://example.org/xss', title: payload(), quote: payload() }];

/** One record of each kind, every free-text field a payload; written in reference order. */
const RECORDS = (): [string, Record<string, unknown>][] => [
  ['parties', { id: 'xss-party', name: payload(), name_uk: payload(), kind: 'state', aliases: [payload()], sources: sources() }],
  [
    'events',
    {
      id: 'xss-event',
      date: '2010-05-05',
      title: payload(),
      title_uk: payload(),
      summary: payload(),
      summary_uk: payload(),
      type: 'other',
      actors: ['xss-party', payload()],
      areas: ['membership'],
      sources: sources(),
    },
  ],
  [
    'agreements',
    {
      id: 'xss-agreement',
      title: payload(),
      title_uk: payload(),
      kind: payload(),
      parties: ['xss-party', 'nato'],
      signed: '2010-05-05',
      place: payload(),
      signatories: [payload()],
      status: payload(),
      areas: ['membership'],
      event_ids: ['xss-event'],
      sources: sources(),
    },
  ],
  [
    'commitments',
    {
      id: 'xss-commitment',
      agreement_id: 'xss-agreement',
      provision: { ref: payload(), text: payload() },
      obligor: 'xss-party',
      beneficiary: 'nato',
      area: 'membership',
      description: payload(),
      quantity: 10,
      unit: payload(),
      due: '2011',
      withdrawn: null,
      sources: sources(),
    },
  ],
  [
    'deliveries',
    {
      id: 'xss-delivery',
      commitment_id: 'xss-commitment',
      date: '2010-06',
      quantity: 3,
      unit: payload(),
      description: payload(),
      sources: sources(),
    },
  ],
];

const PAGES = [
  '/?event=xss-event&q=pwned',
  '/?q=script',
  '/agreements',
  '/agreements/xss-agreement',
  '/commitments',
  '/check',
  '/edit',
  '/edit/events/xss-event',
  '/edit/parties/xss-party',
  '/edit/agreements/xss-agreement',
  '/edit/commitments/xss-commitment',
  '/edit/deliveries/xss-delivery',
];

describe('stored XSS in every text field, in every view', { skip: chromiumMissing }, () => {
  let server: WebServer;
  let browser: Browser;
  before(async () => {
    server = await startWebServer();
    browser = await launchChromium();
    for (const [kind, record] of RECORDS()) {
      const response = await fetch(`${server.url}/api/${kind}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${server.editorToken}`, 'content-type': 'application/json' },
        body: JSON.stringify(record),
      });
      assert.equal(response.status, 201, `${kind}: ${await response.text()}`);
    }
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  test('no payload runs on any page, and they show as text', async () => {
    let tried = 0;
    for (const url of PAGES) {
      const page = await browser.newPage();
      let dialog = '';
      page.on('dialog', (d) => {
        dialog = d.message();
        void d.dismiss();
      });
      await page.goto(server.url + url, { waitUntil: 'networkidle' });
      if (url === '/check') {
        await page
          .locator('textarea')
          .first()
          .fill(`${XSS_PAYLOADS.join(' ')} NATO signed the charter in Madrid in 1997.`);
        await page.getByRole('button', { name: /check/i }).first().click();
        await page.waitForLoadState('networkidle');
      }
      const pwned = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
      assert.equal(pwned, undefined, `a payload ran on ${url}`);
      assert.equal(dialog, '', `a payload opened a dialog on ${url}`);
      tried++;
      await page.close();
    }
    const page = await browser.newPage();
    await page.goto(`${server.url}/agreements/xss-agreement`, { waitUntil: 'networkidle' });
    assert.ok(
      (await page.locator('body').innerText()).includes('<script>window.__pwned=1</script>') ||
        (await page.locator('body').innerText()).includes('onerror'),
      'the payloads are not shown as text',
    );
    await page.close();
    report('abuse cases tried', tried, 'stored XSS: pages opened in Chromium with payloads in every text field');
  });
});
