// Checks a claim's "first"/"only"/"second" against every candidate record: the record that
// ranks the same kind of act decides, whoever it names. So "Ukraine was the first non-NATO
// country to join the centre" is refuted by a record that Austria was, even though that
// record is not about Ukraine at all.
import type { TextAnalysis, Term } from './analyze-text.ts';
import type { DetailResult } from './compare-details.ts';
import type { EvidenceDoc } from './evidence-doc.ts';
import type { OrdinalMention } from './find-ordinals.ts';
import type { Entity } from './gazetteer.ts';
import type { Weigh } from './term-weights.ts';

/** How much of the claim's clause a record's clause must share to rank the same thing. */
export const SAME_RANKING = 0.5;

const ORDINAL_WORDS = new Set(['first', 'second', 'third', 'only', 'last', 'sole']);
const inClause = (terms: Term[], [a, b]: [number, number]) => terms.filter((t) => t.at >= a && t.at < b);

function clauseText(doc: EvidenceDoc, [a, b]: [number, number]): string {
  const tokens = doc.analysis.tokens;
  return doc.analysis.text.slice(tokens[a]!.start, tokens[b - 1]!.end);
}

interface Ranking {
  doc: EvidenceDoc;
  ordinal: OrdinalMention;
  similarity: number;
}

const clauseKeys = new WeakMap<OrdinalMention, Set<string>>();

function scopeSimilarity(scope: Term[], doc: EvidenceDoc, ordinal: OrdinalMention, weigh: Weigh): number {
  let keys = clauseKeys.get(ordinal);
  if (!keys) {
    keys = new Set(inClause(doc.analysis.terms, ordinal.clause).flatMap((t) => t.keys));
    clauseKeys.set(ordinal, keys);
  }
  let total = 0;
  let hit = 0;
  for (const t of scope) {
    const w = weigh(t);
    total += w;
    if (t.keys.some((k) => keys.has(k))) hit += w;
  }
  return total ? hit / total : 0;
}

export function compareOrder(
  claim: TextAnalysis,
  docs: EvidenceDoc[],
  sameThing: EvidenceDoc[],
  weigh: Weigh,
  entities: Map<string, Entity>,
): DetailResult[] {
  const results: DetailResult[] = [];
  for (const o of claim.ordinals) {
    const subject = o.subject ?? [];
    // The ordinal words themselves are compared by kind, not as topic.
    const scope = inClause(claim.terms, o.clause).filter((t) => !t.keys.some((k) => subject.includes(k.slice(1)) || ORDINAL_WORDS.has(k)));
    const said = claim.text.slice(claim.tokens[o.at]!.start, claim.tokens[o.clause[1] - 1]!.end);
    // A ranking of the same kind ("second" for "second") is preferred to a closer one of another.
    let best: Ranking | undefined;
    let other: Ranking | undefined;
    for (const doc of docs) {
      for (const d of doc.analysis.ordinals) {
        const similarity = scopeSimilarity(scope, doc, d, weigh);
        if (similarity < SAME_RANKING) continue;
        if (d.kind === o.kind && (!best || similarity > best.similarity)) best = { doc, ordinal: d, similarity };
        if (d.kind !== o.kind && (!other || similarity > other.similarity)) other = { doc, ordinal: d, similarity };
      }
    }
    best ??= other;
    const quote = best && clauseText(best.doc, best.ordinal.clause);
    const names = (ids: string[]) => ids.map((id) => entities.get(id)?.name ?? id);
    if (best && best.ordinal.kind === o.kind) {
      // A record that ranks the act twice (a title and a sentence) names the subject in either.
      const { doc } = best;
      const sameKind = doc.analysis.ordinals.filter((d) => d.kind === o.kind && scopeSimilarity(scope, doc, d, weigh) >= SAME_RANKING);
      const agrees = subject.length === 0 || sameKind.some((d) => subject.some((id) => d.all.includes(id)));
      const exclusive = o.kind === 'first' || o.kind === 'only' || o.kind === 'last';
      results.push({
        kind: 'first',
        status: agrees ? 'agree' : exclusive ? 'conflict' : 'unknown',
        claim: `${names(subject).join(', ')} ${said}`.trim(),
        record: quote,
        doc: best.doc,
      });
      continue;
    }
    if (best && o.kind === 'first' && subject.some((id) => best!.ordinal.before.includes(id))) {
      results.push({ kind: 'first', status: 'conflict', claim: said, record: quote, doc: best.doc });
      continue;
    }
    // The record of the same act puts the subject among others: "one of six", "alongside".
    const shared =
      (o.kind === 'first' || o.kind === 'only') && subject.length > 0
        ? sameThing.flatMap((doc) =>
            doc.analysis.shared.filter((s) => subject.some((id) => s.entities.includes(id))).map((s) => ({ doc, s })),
          )[0]
        : undefined;
    if (shared) {
      results.push({ kind: 'first', status: 'conflict', claim: said, record: clauseText(shared.doc, shared.s.clause), doc: shared.doc });
      continue;
    }
    results.push({ kind: 'first', status: 'unknown', claim: said });
  }
  return results;
}
