// Inputs that have broken other systems: SQL injection, markup that runs script when rendered,
// text that trips encoders (NUL, lone surrogates, right-to-left overrides), and sizes and
// shapes at and past the limits. Generators mix these with random values.
import fc from 'fast-check';

export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE events; --",
  '" OR ""="',
  '1; DELETE FROM changes WHERE 1=1; --',
  "x' UNION SELECT name, token_hash, role, created_at FROM users --",
  "%' AND 1=0 UNION SELECT sqlite_version() --",
  "\\'; SELECT pg_sleep(5); --",
  "') OR 1=1 --",
  '*',
  '%',
  '_',
  'NEAR(a b)',
  'title:x OR summary:*',
  '"unbalanced',
  'AND OR NOT',
  '-',
  '::',
];

/** Each would run script if rendered as HTML rather than text; the payload marks the page. */
export const XSS_PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  'javascript:window.__pwned=1',
  '<a href="javascript:window.__pwned=1">click</a>',
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '{{constructor.constructor("window.__pwned=1")()}}',
];

export const AWKWARD_TEXT = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  '\ufeffbom',
  'Ukraine – NATO “charter”',
  'Україна',
  '𝕌𝕟𝕚𝕔𝕠𝕕𝕖 🇺🇦',
  'a\r\nb',
  '\t',
  ' ',
  '',
  '../../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '${process.exit(1)}',
  '__proto__',
  'constructor',
];

export const HOSTILE_STRINGS = [...SQL_INJECTIONS, ...XSS_PAYLOADS, ...AWKWARD_TEXT];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }).map((s) => s.repeat(1 + (s.length % 7) * 300)) },
);

/** Any JSON value, biased toward the hostile strings and wrong types. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1e308, 2 ** 53 + 1, [], {}, [null], { url: 'https://example.org' }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '2020-02-30',
      '0000',
      '9999-12-31',
      '2020-1-1',
      '20200101',
      'https://example.org',
      'ftp://x',
      'javascript:alert(1)',
    ),
  },
);

/** Percent-encodes; a lone surrogate has no UTF-8 form, so it goes out as invalid UTF-8 bytes. */
export function encodeHostile(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '')) + '%ED%A0%80';
  }
}
