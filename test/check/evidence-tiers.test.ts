// The check result's evidence lists each record's sources strongest tier first, each with its
// tier, by the shipped source-tier table.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rankedCheckResultSchema, rankEvidenceSources } from '../../src/check/evidence-tiers.ts';
import type { CheckResult } from '../../src/domain/check/check-result.ts';
import { loadSourceTierTable } from '../../src/io/source-tier-table.ts';

const evidence = (sources: string[]): CheckResult['claims'][number]['evidence'][number] => ({
  kind: 'event',
  id: 'e',
  date: '1997-07-09',
  title: 'An event',
  sources,
});

const result = (...lists: string[][]): CheckResult => ({
  claims: [{ text: 'x', start: 0, end: 1, verdict: 'supported', confidence: 0.9, explanation: 'x', evidence: lists.map(evidence) }],
});

test('sources come primary, reputable, other, keeping their order within a tier', () => {
  const ranked = rankEvidenceSources(
    result([
      'https://example.org/blog',
      'https://www.reuters.com/world/story',
      'https://www.nato.int/cps/en/natohq/topics_37750.htm',
      'https://another.example/page',
      'https://www.gov.uk/government/news/x',
    ]),
    loadSourceTierTable(),
  );
  const [e] = ranked.claims[0]!.evidence;
  assert.deepEqual(e!.sources, [
    'https://www.nato.int/cps/en/natohq/topics_37750.htm',
    'https://www.gov.uk/government/news/x',
    'https://www.reuters.com/world/story',
    'https://example.org/blog',
    'https://another.example/page',
  ]);
  assert.deepEqual(e!.source_tiers, ['primary', 'primary', 'reputable', 'other', 'other']);
  assert.doesNotThrow(() => rankedCheckResultSchema.parse(ranked));
});

test("an archive's copy takes the tier of the page it copied", () => {
  const ranked = rankEvidenceSources(
    result(['https://example.org/x', 'https://web.archive.org/web/2009/http://www.nato.int/docu/x.htm']),
    loadSourceTierTable(),
  );
  assert.deepEqual(ranked.claims[0]!.evidence[0]!.source_tiers, ['primary', 'other']);
});

test('a claim with no evidence, and evidence with no sources, stay as they are', () => {
  const ranked = rankEvidenceSources(result([]), loadSourceTierTable());
  assert.deepEqual(ranked.claims[0]!.evidence[0]!.sources, []);
  assert.deepEqual(ranked.claims[0]!.evidence[0]!.source_tiers, []);
  assert.deepEqual(rankEvidenceSources({ claims: [] }, loadSourceTierTable()), { claims: [] });
});
