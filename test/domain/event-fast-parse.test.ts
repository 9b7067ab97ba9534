// The hand-written event parse must never disagree with eventSchema: whatever it accepts, zod
// accepts with the same output (key order included), and whatever zod refuses, it leaves to zod.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseEventFast } from '../../src/domain/event-fast-parse.ts';
import { eventSchema } from '../../src/domain/schemas.ts';

const BASE = {
  id: 'ev-0000001',
  date: '2024-02-29',
  title: 'Summit in Vilnius',
  title_uk: 'Саміт у Вільнюсі',
  summary: 'Allies met.',
  summary_uk: null,
  aliases: ['Vilnius summit'],
  aliases_uk: [],
  type: 'summit',
  actors: ['nato', 'ukraine'],
  areas: ['membership'],
  sources: [{ url: 'https://example.org/a?b=1#c', quote: 'q', title: null, tier: 'primary' }],
};

const long = (n: number) => 'x'.repeat(n);
const STRINGS = [
  '',
  ' ',
  'x',
  ' x',
  'x ',
  '\tx',
  'x\n',
  '\u00a0x',
  'a\u0000b',
  'a\ud800b',
  '😀',
  'é',
  long(200),
  long(201),
  long(500),
  long(501),
];
const OTHERS = [undefined, null, 0, 1, true, {}, [], ['x'], [1], [null], ['x', ' y'], [long(201)], Array(101).fill('a')];
const URLS = [
  'https://example.org',
  'http://example.org/x',
  'HTTPS://example.org',
  'https:example.org',
  'https://',
  'https://exa mple.org',
  ' https://example.org',
  'https://example.org\n',
  'https://exa\nmple.org',
  'ftp://example.org',
  'https://[::1]/',
  'https://[zz]/',
  'https://example.org:99999/',
  `https://example.org/${long(1990)}`,
  `https://example.org/${long(1981)}`,
  'https://example.org/\u0000',
  'https://例子.测试/',
];
const SOURCE_VARIANTS: unknown[] = [
  ...URLS.map((url) => [{ url }]),
  [],
  null,
  'https://example.org',
  [{ url: 'https://example.org', quote: long(5001) }],
  [{ url: 'https://example.org', title: long(500), tier: 'other', extra: 1 }],
  [{ url: 'https://example.org', tier: 'best' }],
  [{ url: 'https://example.org', quote: 3 }],
  Array.from({ length: 20 }, () => ({ url: 'https://example.org' })),
  Array.from({ length: 21 }, () => ({ url: 'https://example.org' })),
  [['https://example.org']],
];
const DATES = ['2024', '2024-02', '2024-02-29', '2023-02-29', '2024-13', '24', '2024-1-1', ' 2024', 2024];
const IDS = ['a', 'a-b', 'a--b', '-a', 'A', 'a_b', long(200), long(201), 'ev-1 '];

function* variants(): Iterable<Record<string, unknown>> {
  yield BASE;
  yield { ...BASE, unknown: 'dropped' };
  for (const key of Object.keys(BASE)) {
    const values: unknown[] =
      key === 'sources' ? SOURCE_VARIANTS : key === 'date' ? DATES : key === 'id' ? IDS : [...STRINGS, ...OTHERS, 'summit', 'membership'];
    for (const value of values) {
      const raw: Record<string, unknown> = { ...BASE, [key]: value };
      if (value === undefined) delete raw[key];
      yield raw;
      if (Array.isArray(BASE[key as keyof typeof BASE])) for (const item of [...STRINGS, ...OTHERS]) yield { ...BASE, [key]: [item] };
    }
  }
}

test('accepts only what eventSchema accepts, and gives what it gives', () => {
  let accepted = 0;
  let cases = 0;
  for (const raw of variants()) {
    cases++;
    const fast = parseEventFast(raw);
    const zod = eventSchema.safeParse(raw);
    if (fast === undefined) continue;
    accepted++;
    assert.ok(zod.success, `zod refuses what the fast parse accepted: ${JSON.stringify(raw)}`);
    assert.equal(JSON.stringify(fast), JSON.stringify(zod.data), JSON.stringify(raw));
  }
  assert.ok(accepted > 50 && accepted < cases, `${accepted} of ${cases} accepted`);
});

test('accepts an event as a CSV row gives it (lists, sources of URLs only, absent optional fields)', () => {
  const raw = { id: 'ev-1', date: '1991', title: 'T', summary: 'S', aliases: [], aliases_uk: [], type: 'law', actors: ['nato'], areas: [] };
  const csvLike = { ...raw, sources: [{ url: 'https://example.org/1' }] };
  assert.deepEqual(parseEventFast(csvLike), eventSchema.parse(csvLike));
});
