// The check result of CONTRACT.md ("Check result"), as a zod schema so the HTTP layer can
// validate and document it from the same source.
import { z } from 'zod';

export const VERDICTS = ['supported', 'contradicted', 'unverifiable'] as const;

export const checkEvidenceSchema = z.object({
  kind: z.enum(['event', 'agreement', 'commitment', 'delivery']),
  id: z.string(),
  date: z.string(),
  title: z.string(),
  sources: z.array(z.string()),
});
export type CheckEvidence = z.infer<typeof checkEvidenceSchema>;

export const DETAIL_KINDS = ['date', 'place', 'person', 'party', 'amount', 'ordinal', 'negation'] as const;

/** One detail the claim asserts, compared with the linked record. */
export const checkDetailSchema = z.object({
  kind: z.enum(DETAIL_KINDS),
  claim: z.string(),
  record: z.string().optional(),
  status: z.enum(['agree', 'conflict', 'missing']),
  evidence_id: z.string().optional(),
});
export type CheckDetail = z.infer<typeof checkDetailSchema>;

export const SKIP_REASONS = [
  'heading',
  'caption',
  'metadata',
  'question',
  'prediction',
  'opinion',
  'no-assertion',
  'nothing-checkable',
  'not-prose',
] as const;

/** A unit of the text the checker did not check, and why. */
export const skippedUnitSchema = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  reason: z.enum(SKIP_REASONS),
});

export const checkedClaimSchema = z.object({
  text: z.string(),
  /** Offsets into the checked text: text.slice(start, end) is the claim. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  verdict: z.enum(VERDICTS),
  confidence: z.number().min(0).max(1),
  explanation: z.string(),
  evidence: z.array(checkEvidenceSchema),
  /** The comparison behind the verdict; a supported claim has no detail in conflict or missing. */
  details: z.array(checkDetailSchema).optional(),
  /** How the claim was linked to the record: by a name, a back-reference or participants, act and date. */
  link: z.object({ by: z.string(), strength: z.enum(['name', 'mention', 'reference', 'conjunction']) }).optional(),
});
export type CheckedClaim = z.infer<typeof checkedClaimSchema>;

export const checkResultSchema = z.object({
  claims: z.array(checkedClaimSchema),
  /** Present when asked for: the units that were not checked, with the reason. */
  skipped: z.array(skippedUnitSchema).optional(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const checkRequestSchema = z.object({
  text: z.string().min(1).max(100_000),
  include_skipped: z.boolean().optional(),
});
export type CheckRequest = z.infer<typeof checkRequestSchema>;
