// Abuse of a real server on loopback: oversized and deeply nested bodies, huge query strings,
// slow clients, token guessing, path traversal against the file-serving route, and SQL
// injection strings in every text field and filter. Each case must be refused or handled
// without a 5xx, in the contract's error shape, with nothing stored changed by a refusal.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import { RECORD_KINDS, type RecordKind } from '../../src/domain/vocabulary.ts';
import { SHIPPED_RECORD_DIR } from '../../src/io/shipped-record.ts';
import { DEFAULT_TOKEN_GUESS_LIMIT } from '../../src/http/auth-hooks.ts';
import { startServer, type TestServer } from '../http/http-server.ts';
import { DIALECTS, sqliteDialect, tempDir } from '../support/test-stores.ts';
import { assertAnswer, send, type Answer } from './support/answers.ts';
import { fingerprint } from './support/fingerprint.ts';
import { AWKWARD_TEXT, encodeHostile, SQL_INJECTIONS } from './support/hostile-values.ts';
import { report, scaled } from './support/scale.ts';

const SHIPPED = Object.fromEntries(
  RECORD_KINDS.map((kind) => [kind, JSON.parse(fs.readFileSync(path.join(SHIPPED_RECORD_DIR, `${kind}.json`), 'utf8'))[kind][0]]),
) as Record<RecordKind, Record<string, unknown>>;

/** The text fields of a record, as paths: ['title'], ['sources', 0, 'quote'], ... */
function textPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return prefix[0] === 'id' ? [] : [prefix];
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => textPaths(v, [...prefix, k]));
}

function withText(record: Record<string, unknown>, at: (string | number)[], text: string): Record<string, unknown> {
  const copy = structuredClone(record);
  let parent = copy as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  parent[at[at.length - 1]!] = text;
  return copy;
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: abuse`, { skip: dialect.skip }, () => {
    let server: TestServer;
    let tried = 0;
    const editor = () => ({ authorization: `Bearer ${server.tokens.editor}`, 'content-type': 'application/json' });
    /** Sends, checks the answer's shape, counts the case; a refusal must leave everything as it was. */
    async function abuse(method: string, url: string, init: Parameters<typeof send>[3] = {}): Promise<Answer> {
      // Reads cannot change anything by construction; their test compares the digest once at the end.
      const before = method === 'GET' ? undefined : await fingerprint(server.db.store);
      const answer = await send(server.base, method, url, init, 10_000);
      tried++;
      assertAnswer(answer);
      if (before && answer.status >= 400)
        assert.equal(await fingerprint(server.db.store), before, `refused ${method} ${url.slice(0, 80)} changed the database`);
      return answer;
    }

    before(async () => {
      server = await startServer(dialect, { tokenGuessLimit: DEFAULT_TOKEN_GUESS_LIMIT });
    });
    after(async () => {
      report('abuse cases tried', tried, dialect.name);
      await server?.close();
    });

    test('oversized bodies are refused with 413, declared or streamed', async () => {
      const big = JSON.stringify({ ...SHIPPED.events, id: 'big', summary: 'x'.repeat(2 * 1024 * 1024) });
      assert.equal((await abuse('POST', '/api/events', { body: big, headers: editor() })).status, 413);
      async function* chunks() {
        for (let i = 0; i < 64; i++) yield Buffer.alloc(64 * 1024, 0x20);
      }
      const streamed = await fetch(`${server.base}/api/events`, {
        method: 'POST',
        headers: editor(),
        body: chunks() as unknown as BodyInit,
        duplex: 'half',
      } as RequestInit);
      tried++;
      assert.equal(streamed.status, 413);
      // Under the byte limit but past every field's length limit: a 400 that names the field.
      const long = await abuse('POST', '/api/events', {
        body: JSON.stringify({ ...SHIPPED.events, id: 'long', title: 'x'.repeat(600_000) }),
        headers: editor(),
      });
      assert.equal(long.status, 400);
      assert.match(long.text, /"field":"title"/);
    });

    test('deeply nested JSON is refused without a 5xx', async () => {
      for (const depth of [1_000, 100_000, 500_000]) {
        await abuse('POST', '/api/events', { body: '['.repeat(depth) + ']'.repeat(depth), headers: editor() });
        await abuse('POST', '/api/events', {
          body: JSON.stringify({ ...SHIPPED.events, id: `deep-${depth}` }).replace(
            '"summary":',
            `"deep":${'{"a":'.repeat(depth / 10)}1${'}'.repeat(depth / 10)},"summary":`,
          ),
          headers: editor(),
        });
        await abuse('GET', `/api/events?${'a[b]'.repeat(Math.min(depth, 3_000))}=1`);
      }
    });

    test('huge query strings and many parameters: refused or answered, never a 5xx', async () => {
      for (const size of [1_000, 8_000, 16_000, 64_000, 1_000_000]) {
        const answer = await abuse('GET', `/api/events?q=${'a'.repeat(size)}`);
        assert.ok(
          answer.status === 200 || answer.status === 400 || answer.status === 414 || answer.status === 431,
          `q of ${size}: ${answer.status}`,
        );
      }
      await abuse('GET', `/api/events?${Array.from({ length: 2_000 }, (_, i) => `area=membership&p${i}=1`).join('&')}`);
      await abuse('GET', `/api/events?actor=${Array.from({ length: 1_000 }, (_, i) => `a${i}`).join(',')}`);
    });

    test('slow clients do not starve the others', async () => {
      const slow = Array.from({ length: scaled(50, 200) }, () => net.connect(Number(new URL(server.base).port), '127.0.0.1'));
      try {
        for (const socket of slow) {
          socket.on('error', () => {});
          socket.write('POST /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n');
        }
        for (let second = 0; second < scaled(2, 6); second++) {
          for (const socket of slow) socket.write(`X-Drip-${second}: 1\r\n`);
          const answer = await abuse('GET', '/api/events?limit=5');
          assert.equal(answer.status, 200);
          assert.ok(answer.ms < 1_000, `a normal request took ${Math.round(answer.ms)} ms beside ${slow.length} slow clients`);
          await sleep(500);
        }
      } finally {
        for (const socket of slow) socket.destroy();
      }
    });

    test('SQL injection and awkward strings in every text field: stored exactly, or refused naming the field', async () => {
      let n = 0;
      const strings = [...SQL_INJECTIONS, ...AWKWARD_TEXT];
      // The fast run tries a rotating few strings per field; the full run tries all of them on every field.
      const perField = scaled(4, strings.length);
      for (const kind of RECORD_KINDS) {
        for (const at of textPaths(SHIPPED[kind])) {
          for (const text of Array.from({ length: perField }, (_, i) => strings[(n + i) % strings.length]!)) {
            const record = withText({ ...SHIPPED[kind], id: `inject-${kind}-${n++}` }, at, text);
            const answer = await abuse('POST', `/api/${kind}`, { body: JSON.stringify(record), headers: editor() });
            if (answer.status === 201) {
              const stored = await send(server.base, 'GET', `/api/${kind}/${record.id}`, {}, 10_000);
              assert.equal(stored.etag, answer.etag, `${kind}.${at.join('.')}: stored differs from acknowledged`);
              // Names and titles are trimmed on the way in; nothing else may change.
              assert.ok(
                [text, text.trim()].includes(pathValue(JSON.parse(stored.text), at) as string),
                `${kind}.${at.join('.')} = ${JSON.stringify(text)} came back altered`,
              );
            } else {
              assert.equal(answer.status, 400, `${kind}.${at.join('.')} = ${JSON.stringify(text)}: ${answer.text}`);
              assert.ok(
                JSON.parse(answer.text).error.details.some((d: { field: string }) => d.field === at.join('.')),
                `${kind}.${at.join('.')}: the refusal does not name the field: ${answer.text}`,
              );
            }
          }
        }
      }
    });

    test('SQL injection strings in every filter: answered normally, the tables intact', async () => {
      const before = await fingerprint(server.db.store);
      const filters = [
        '/api/events?q=',
        '/api/events?actor=',
        '/api/events?area=',
        '/api/events?type=',
        '/api/events?from=',
        '/api/events?cursor=',
        '/api/commitments?party=',
        '/api/commitments?status=',
        '/api/commitments?area=',
        '/api/changes?since=',
        '/api/changes?record=events/',
        '/api/events/',
        '/api/parties/',
      ];
      for (const filter of filters) {
        for (const text of [...SQL_INJECTIONS, ...AWKWARD_TEXT]) {
          const answer = await abuse('GET', filter + encodeHostile(text));
          assert.ok([200, 400, 404].includes(answer.status), `${filter}${text}: ${answer.status}`);
        }
      }
      assert.equal(await fingerprint(server.db.store), before, 'a read with an injection string changed the database');
      assert.ok(JSON.parse((await send(server.base, 'GET', '/api/events?limit=1')).text).total > 100, 'the events are still there');
    });

    test('token guessing is rate limited and answers alike for near and far misses', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++) {
        const answer = await abuse('POST', '/api/events', {
          body: '{}',
          headers: { authorization: `Bearer pw_guess${i}`, 'content-type': 'application/json' },
        });
        statuses.push(answer.status);
        if (answer.status === 429) break;
      }
      assert.ok(statuses.includes(429), `300 wrong tokens from one client were never rate limited (${[...new Set(statuses)].join(', ')})`);
      assert.ok(statuses.every((s) => s === 401 || s === 429));
    });
  });
}

function pathValue(record: unknown, at: (string | number)[]): unknown {
  return at.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], record);
}

describe('path traversal against the file-serving route', () => {
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = tempDir('pactwatch-traversal-');
    const webRoot = path.join(dir, 'web');
    fs.mkdirSync(path.join(webRoot, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>pactwatch</title>');
    fs.writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'TRAVERSAL-SECRET');
    server = await startServer(sqliteDialect, { webRoot });
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('no request reaches a file outside the web root', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%252e%252e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '//secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      '/..%00/secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/assets/....//....//secret.txt',
      '/.%2e/.%2e/etc/passwd',
    ];
    let tried = 0;
    for (const attempt of attempts) {
      // fetch would normalise the dots away; a raw request sends the path as written.
      const raw = await rawGet(server.base, attempt);
      tried++;
      assert.ok(!raw.includes('TRAVERSAL-SECRET') && !raw.includes('root:x:0:0'), `${attempt} served a file outside the web root`);
      assert.doesNotMatch(raw.split('\r\n')[0]!, /^HTTP\/1\.1 5/, `${attempt}: ${raw.split('\r\n')[0]}`);
    }
    assert.match(await rawGet(server.base, '/assets/app.js'), /console\.log/);
    report('abuse cases tried', tried, 'path traversal');
  });
});

function rawGet(base: string, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(new URL(base).port), '127.0.0.1');
    let data = '';
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer to GET ${target}`)));
    socket.on('data', (d) => (data += d));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
    socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}
