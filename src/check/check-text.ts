// The claim checker: finds the checkable claims in a text and judges each against the record.
import type { TextAnalysis } from '../domain/check/analyze-text.ts';
import { analyzeText } from '../domain/check/analyze-text.ts';
import type { CheckedClaim, CheckResult } from '../domain/check/check-result.ts';
import { decideVerdict } from '../domain/check/decide-verdict.ts';
import type { EvidenceDoc } from '../domain/check/evidence-doc.ts';
import { splitClaims } from '../domain/check/split-claims.ts';
import { isContentToken } from '../domain/check/tokenize.ts';
import { checkerContext, type CheckerContext } from './checker-context.ts';
import type { EvidenceSource } from './evidence-source.ts';

/** How many events a claim is weighed against. */
export const CANDIDATE_EVENTS = 40;

/** A claim states something checkable: a date, a place, an amount, an order, or someone acting. */
export function isCheckable(a: TextAnalysis): boolean {
  if (a.tokens.length < 4) return false;
  return (
    a.dates.some((d) => !d.bound) ||
    a.places.length > 0 ||
    a.amounts.length > 0 ||
    a.ordinals.length > 0 ||
    (a.entities.size > 0 && a.actions.length > 0)
  );
}

/** Words to search the record with: the claim's own, plus the names of what it mentions. */
function queryWords(a: TextAnalysis, ctx: CheckerContext): string[] {
  const words = new Set(a.tokens.filter(isContentToken).map((t) => t.lower));
  for (const p of a.places) words.add(p.name.toLowerCase());
  for (const id of a.entities) {
    const e = ctx.lexicon.gazetteer.entities.get(id);
    if (e) for (const w of e.name.split(/\s+/)) words.add(w.toLowerCase());
  }
  // A claim that spells out "cyber defence centre" should find records that say "CCDCOE".
  const stems = new Set(a.tokens.map((t) => t.stem));
  for (const [acronym, expansion] of ctx.lexicon.acronyms) {
    if (expansion.filter((s) => stems.has(s)).length >= Math.min(3, expansion.length)) words.add(acronym);
  }
  return [...words];
}

function toEvidence(d: EvidenceDoc) {
  return { kind: d.kind, id: d.id, date: d.date, title: d.title, sources: d.sources };
}

export async function checkText(text: string, source: EvidenceSource): Promise<CheckResult> {
  const ctx = await checkerContext(source);
  const claims: CheckedClaim[] = [];
  for (const span of splitClaims(text)) {
    const analysis = analyzeText(span.text, ctx.lexicon);
    if (!isCheckable(analysis)) continue;
    const events = await source.candidateEvents(queryWords(analysis, ctx), CANDIDATE_EVENTS);
    const v = decideVerdict(analysis, [events.map((e) => ctx.eventDoc(e)), ctx.fixedDocs], ctx.lexicon.gazetteer.entities);
    claims.push({
      text: span.text,
      start: span.start,
      end: span.end,
      verdict: v.verdict,
      confidence: v.confidence,
      explanation: v.explanation,
      evidence: v.evidence.map(toEvidence),
    });
  }
  return { claims };
}
