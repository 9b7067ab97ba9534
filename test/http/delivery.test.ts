// How the server delivers the web app and the API: compression (br, gzip), cache headers
// (hashed assets immutable for a year, index.html revalidated), and the Atom feed.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import zlib from 'node:zlib';
import { startWebServer, type WebServer } from '../web/support/web-server.ts';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const decode = (raw: Raw) =>
  raw.headers['content-encoding'] === 'br'
    ? zlib.brotliDecompressSync(raw.body)
    : raw.headers['content-encoding'] === 'gzip'
      ? zlib.gunzipSync(raw.body)
      : raw.body;

describe('delivery: compression, caching, feed', () => {
  let server: WebServer;
  before(async () => {
    server = await startWebServer();
  });
  after(() => server?.close());

  test('index.html and app routes are compressed and revalidated on every visit', async () => {
    for (const path of ['/', '/agreements', '/commitments/no-such-commitment']) {
      const res = await get(server.url + path, { 'accept-encoding': 'br, gzip' });
      assert.equal(res.status, 200, path);
      assert.equal(res.headers['cache-control'], 'no-cache', path);
      assert.match(String(res.headers['content-type']), /text\/html/);
      assert.ok(res.headers.etag || res.headers['last-modified'], `${path} can be revalidated`);
      assert.match(decode(res).toString(), /<div id="root">/);
    }
  });

  test('hashed assets are precompressed and immutable for a year', async () => {
    const html = (await get(server.url + '/')).body.toString();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    assert.ok(assets.some((a) => a.endsWith('.js')) && assets.some((a) => a.endsWith('.css')), assets.join());
    for (const asset of assets) {
      const br = await get(server.url + asset, { 'accept-encoding': 'gzip, deflate, br' });
      assert.equal(br.status, 200);
      assert.equal(br.headers['content-encoding'], 'br', asset);
      assert.equal(br.headers['cache-control'], 'public, max-age=31536000, immutable', asset);
      const gz = await get(server.url + asset, { 'accept-encoding': 'gzip' });
      assert.equal(gz.headers['content-encoding'], 'gzip', asset);
      const plain = await get(server.url + asset);
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.deepEqual(decode(br), plain.body);
      assert.deepEqual(decode(gz), plain.body);
      assert.ok(br.body.length < plain.body.length / 2, `${asset}: ${br.body.length} of ${plain.body.length} bytes`);
    }
  });

  test('API JSON is compressed when the client accepts it, and not otherwise', async () => {
    const br = await get(`${server.url}/api/events?limit=200`, { 'accept-encoding': 'br' });
    assert.equal(br.headers['content-encoding'], 'br');
    const gz = await get(`${server.url}/api/commitments`, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    const plain = await get(`${server.url}/api/events?limit=200`);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(JSON.parse(decode(br).toString()), JSON.parse(plain.body.toString()));
    assert.ok(br.body.length * 3 < plain.body.length, `${br.body.length} compressed of ${plain.body.length}`);
    // Errors keep their JSON shape through compression.
    const missing = await get(`${server.url}/api/events/no-such-event`, { 'accept-encoding': 'br' });
    assert.equal(missing.status, 404);
    assert.equal((JSON.parse(decode(missing).toString()) as { error: { code: string } }).error.code, 'not_found');
  });

  test('the Atom feed lists record changes and overdue commitments', async () => {
    const current = await fetch(`${server.url}/api/events/bucharest-summit-2008`);
    const record = (await current.json()) as Record<string, unknown>;
    const put = await fetch(`${server.url}/api/events/bucharest-summit-2008`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${server.editorToken}`,
        'content-type': 'application/json',
        'if-match': current.headers.get('etag')!,
      },
      body: JSON.stringify({ ...record, summary: 'Edited for the feed test.' }),
    });
    assert.equal(put.status, 200);
    const res = await get(`${server.url}/api/feed.atom`, { 'accept-encoding': 'gzip' });
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^application\/atom\+xml/);
    const xml = decode(res).toString();
    assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom"/);
    const entries = [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
    assert.ok(entries.length >= 2, xml.slice(0, 500));
    for (const entry of entries) {
      assert.match(entry, /<title type="html"><!\[CDATA\[.+\]\]><\/title>|<title[^>]*>.+<\/title>/);
      assert.match(entry, /<id>.+<\/id>/);
      assert.match(entry, /<updated>\d{4}-\d{2}-\d{2}T[\d:.]+Z<\/updated>/);
      assert.match(entry, /<link href="http:\/\/127\.0\.0\.1:\d+\//);
    }
    assert.match(entries[0]!, /Bucharest/, 'the newest change comes first');
    assert.ok(
      entries.some((e) => /Overdue: /.test(e) && /\/commitments\//.test(e)),
      'overdue commitments are entries',
    );
  });
});
