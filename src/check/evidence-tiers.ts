// The check result as the API and the CLI give it: each evidence record's sources listed
// strongest tier first (primary, reputable, other), with each source's tier beside it in
// `source_tiers`, so a reader (and a ClaimReview's citations) meets the best source first.
// `sources` stays a list of URLs, as the contract has it. The checker's readings of records
// keep only the URLs, so the tier is the source-tier table's (data/source-tiers.json).
import { z } from 'zod';
import { checkedClaimSchema, checkEvidenceSchema, checkResultSchema, type CheckResult } from '../domain/check/check-result.ts';
import { strongestFirst, tableTier, type SourceTierTable } from '../domain/source-tiers.ts';
import { SOURCE_TIERS, type SourceTier } from '../domain/vocabulary.ts';

export const rankedEvidenceSchema = checkEvidenceSchema.extend({
  /** The tier of each source, in the order of `sources`. */
  source_tiers: z.array(z.enum(SOURCE_TIERS)),
});

export const rankedCheckResultSchema = checkResultSchema.extend({
  claims: z.array(checkedClaimSchema.extend({ evidence: z.array(rankedEvidenceSchema) })),
});
export type RankedCheckResult = z.infer<typeof rankedCheckResultSchema>;

export function rankEvidenceSources(result: CheckResult, table: SourceTierTable): RankedCheckResult {
  // A long text cites the same few records again and again: each URL is looked up once.
  const tiers = new Map<string, SourceTier>();
  const tierOf = (url: string) => tiers.get(url) ?? tiers.set(url, tableTier(url, table)).get(url)!;
  return {
    ...result,
    claims: result.claims.map((claim) => ({
      ...claim,
      evidence: claim.evidence.map((evidence) => {
        const ranked = strongestFirst(evidence.sources.map((url) => ({ url, tier: tierOf(url) })));
        return { ...evidence, sources: ranked.map((s) => s.url), source_tiers: ranked.map((s) => s.tier) };
      }),
    })),
  };
}
