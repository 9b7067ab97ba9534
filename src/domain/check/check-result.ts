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

export const checkedClaimSchema = z.object({
  text: z.string(),
  /** Offsets into the checked text: text.slice(start, end) is the claim. */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  verdict: z.enum(VERDICTS),
  confidence: z.number().min(0).max(1),
  explanation: z.string(),
  evidence: z.array(checkEvidenceSchema),
});
export type CheckedClaim = z.infer<typeof checkedClaimSchema>;

export const checkResultSchema = z.object({ claims: z.array(checkedClaimSchema) });
export type CheckResult = z.infer<typeof checkResultSchema>;

export const checkRequestSchema = z.object({ text: z.string().min(1).max(100_000) });
export type CheckRequest = z.infer<typeof checkRequestSchema>;
