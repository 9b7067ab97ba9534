// The claim checker: splits a text into units, reads each as a claim frame, links it to the
// records it is about and compares its details with them (src/domain/check/judge.ts). Units
// that assert nothing checkable (headings, captions, metadata, questions, predictions) are
// skipped, and say why on request. The work yields to the event loop every few milliseconds
// and stops with a clear error past its time budget, so one text never stalls a server.
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { TextAnalysis } from '../domain/check/analyze-text.ts';
import { analyzeText } from '../domain/check/analyze-text.ts';
import type { CheckedClaim, CheckEvidence, CheckResult, SKIP_REASONS } from '../domain/check/check-result.ts';
import { buildFrame, subjectIds, type ClaimFrame } from '../domain/check/claim-frame.ts';
import type { EvidenceDoc } from '../domain/check/evidence-doc.ts';
import { explain } from '../domain/check/explain.ts';
import { datedDays, pageRelativeDates, pageStamp, relativeYears, spansOverlap } from '../domain/check/find-dates.ts';
import { judge, type Judgement } from '../domain/check/judge.ts';
import {
  linkByConjunction,
  linkByFirstAct,
  linkByName,
  linkByNameAndDate,
  linkByOccurrence,
  linkByParties,
  linkByTitle,
  type Link,
} from '../domain/check/link.ts';
import type { Tagger } from '../domain/check/tagger.ts';
import { isContentToken, stem } from '../domain/check/tokenize.ts';
import { blankCitations, splitClaims } from '../domain/check/units.ts';
import { coordinatedClauses } from '../domain/check/clauses.ts';
import { CHECK_BUDGET_MS, overBudget } from './check-budget.ts';
import { checkerContext, type CheckerContext } from './checker-context.ts';
import type { EvidenceSource } from './evidence-source.ts';
import { winkTagger } from './wink-tagger.ts';

/** How many events a claim is weighed against. */
export const CANDIDATE_EVENTS = 40;
const MAX_EVIDENCE = 5;
/** How long the checker works before it lets other work on the event loop run. */
const SLICE_MS = 10;

export interface CheckOptions {
  /** Also return the units that were not checked, with the reason. */
  includeSkipped?: boolean;
  budgetMs?: number;
  tagger?: Tagger;
}

type SkipReason = (typeof SKIP_REASONS)[number];

const METADATA =
  /^(?:last updated|updated|published|posted|source|sources|read (?:more|also)|share|tags?|related|see also|credit|video|listen|subscribe|follow us)\b[^.]{0,80}?:/i;
const CAPTION =
  /^(?:photo|image|pictured|picture|file photo|caption)\b|\b(?:photo|image)\s*(?:credit)?\s*:|\((?:photo|image)\b[^)]*\)|getty images|©/i;
/** "KYIV, Jan 12 (Reuters) - ": where a report was filed, which is not what it reports. */
const DATELINE = /^[\p{Lu}][\p{Lu}\s.'’-]{1,40}(?:,[^–—\n-]{0,40})?\s*(?:\([^)]{1,30}\))?\s*[–—-]{1,2}\s+/u;

/** A claim states something checkable: a date, a place, an amount, an order, or someone acting. */
export function isCheckable(a: TextAnalysis): boolean {
  if (a.tokens.length < 4) return false;
  return (
    a.dates.some((d) => !d.bound) ||
    a.places.length > 0 ||
    a.amounts.length > 0 ||
    a.ordinals.length > 0 ||
    (a.yearless.length > 0 && a.actions.length > 0) ||
    (a.entities.size > 0 && a.actions.length > 0)
  );
}

/** The text a unit is read as: citation marks, the page's date stamp and a dateline blanked, offsets kept. */
function readingOf(unit: string, stamp = 0): string {
  const blanked = ' '.repeat(stamp) + blankCitations(unit).slice(stamp);
  const dateline = DATELINE.exec(blanked.slice(stamp));
  return dateline ? ' '.repeat(stamp + dateline[0].length) + blanked.slice(stamp + dateline[0].length) : blanked;
}

/** Longest unit read as prose: a sentence is far shorter; anything longer is a list, a table or junk. */
const MAX_PROSE = 2_000;

/** Text that is not prose: too long for a sentence, or mostly not letters. */
function notProse(unit: string): boolean {
  if (unit.length > MAX_PROSE) return true;
  const letters = unit.match(/\p{L}/gu)?.length ?? 0;
  return letters < unit.length * 0.4;
}

function skipReason(unit: string, frame: ClaimFrame): SkipReason | undefined {
  // A line that is only a date ("date 2024-02-16", "16 May 2023") stamps the page.
  const words = frame.analysis.tokens.filter((t) => !frame.analysis.dates.some((d) => t.start >= d.start && t.end <= d.end));
  if (METADATA.test(unit) || (frame.analysis.dates.length > 0 && words.length <= 1)) return 'metadata';
  if (CAPTION.test(unit)) return 'caption';
  if (frame.skip) return frame.skip;
  if (!isCheckable(frame.analysis)) return 'nothing-checkable';
  return undefined;
}

/** The year of the last date a unit gives, to date what the text says relative to it. */
function lastYear(a: TextAnalysis): number | undefined {
  const last = a.dates
    .filter((d) => !d.bound && d.precision !== 'decade')
    .sort((x, y) => x.start - y.start)
    .at(-1);
  return last && Number(last.from.slice(0, 4));
}

/** Words to find candidate events with: the claim's own, plus the names of what it mentions. */
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

/** Words to find a party's first act with: the party's name, the rank and the act ("council first inaugural meeting"). */
function firstActWords(frame: ClaimFrame, ctx: CheckerContext): string[] | undefined {
  const first = frame.act && frame.analysis.ordinals.find((o) => o.kind === 'first' && o.subject);
  if (!first) return undefined;
  const names = first.subject!.flatMap((id) => ctx.lexicon.gazetteer.entities.get(id)?.name.split(/[\s-]+/) ?? []);
  return [...names, 'first', 'inaugural', frame.analysis.text.slice(frame.act!.start, frame.act!.end)];
}

/** "The agreement was signed ...": the thing the text named last, when the noun fits it. */
function resolveReference(frame: ClaimFrame, last: Link | undefined): Link | undefined {
  if (!last || !frame.reference) return undefined;
  const head = last.docs[0]!;
  const fits = frame.reference === 'it' || head.kindWords.has(frame.reference) || head.kindWords.has(stem(frame.reference));
  // The claim must state an act the thing referred to records: "The agreement was signed ...".
  const act = frame.act?.action;
  const recorded = act !== undefined && last.core.some((d) => d.acts.some((x) => x.actions.has(act)));
  return fits && recorded ? { ...last, strength: 'reference', span: undefined } : undefined;
}

const toEvidence = (d: EvidenceDoc): CheckEvidence => ({ kind: d.kind, id: d.id, date: d.date, title: d.title, sources: d.sources });

/** The linked act first, then the records behind each detail, then what the record holds for the claimed date. */
function evidenceFor(j: Judgement, link: Link | undefined, frame: ClaimFrame, candidates: EvidenceDoc[]): EvidenceDoc[] {
  const out = new Map<string, EvidenceDoc>();
  const add = (d: EvidenceDoc | undefined) => d && out.size < MAX_EVIDENCE && out.set(`${d.kind}/${d.id}`, d);
  add(j.act);
  if (j.verdict === 'contradicted') {
    // What the record holds around the claimed date: the same month, for a date given to the day.
    const dates = frame.analysis.dates
      .filter((d) => !d.bound)
      .map((d) => ({ from: d.from.slice(0, 8) + '01', to: d.to.slice(0, 8) + '31' }));
    const entities = [...frame.analysis.entities];
    for (const c of candidates)
      if (c.acts.some((a) => dates.some((d) => spansOverlap(d, a.span))) && entities.some((id) => c.entities.has(id))) add(c);
  }
  for (const d of j.details) add(d.doc);
  for (const d of link?.docs ?? []) if (out.size < 3) add(d);
  return [...out.values()];
}

const CONFIDENCE = {
  supported: { name: 0.9, mention: 0.8, reference: 0.8, conjunction: 0.75 },
  contradicted: { name: 0.85, mention: 0, reference: 0.75, conjunction: 0 },
};

/** How sure the verdict is, by how the claim was linked: a name is surer than a back-reference or a conjunction. */
function confidenceOf(j: Judgement, link: Link | undefined): number {
  if (j.verdict === 'unverifiable' || !link) return link ? 0.5 : 0.3;
  return CONFIDENCE[j.verdict][link.strength];
}

/**
 * The link and the judgement of one claim. A record that merely mentions a name the claim uses
 * is a weak link: when it does not support the claim, the conjunction of participants, act
 * and date may single out the record that does.
 */
function linkAndJudge(
  frame: ClaimFrame,
  docs: EvidenceDoc[],
  last: Link | undefined,
  ctx: CheckerContext,
  keyCache: WeakMap<EvidenceDoc, Set<string>>,
): { link: Link | undefined; j: Judgement } {
  const entities = ctx.lexicon.gazetteer.entities;
  const link =
    linkByFirstAct(frame, docs) ??
    linkByName(frame, docs, ctx.names, ctx.lexicon, keyCache, ctx.entityShare) ??
    linkByParties(frame, docs, ctx.lexicon) ??
    resolveReference(frame, last) ??
    linkByTitle(frame, docs) ??
    linkByNameAndDate(frame, docs, ctx.lexicon, keyCache, ctx.entityShare) ??
    linkByOccurrence(frame, docs) ??
    linkByConjunction(frame, docs, ctx.entityShare);
  const j = judge(frame, link, entities);
  if (link?.strength !== 'mention' || j.verdict === 'supported') return { link, j };
  const other = linkByConjunction(frame, docs, ctx.entityShare);
  const k = other && judge(frame, other, entities);
  return k?.verdict === 'supported' ? { link: other, j: k } : { link, j };
}

interface ClauseCheck {
  frame: ClaimFrame;
  link: Link | undefined;
  j: Judgement;
  candidates: EvidenceDoc[];
}

const detailsOf = (j: Judgement) =>
  j.details.map((d) => ({
    kind: d.kind,
    claim: d.claim,
    ...(d.record ? { record: d.record } : {}),
    status: d.status,
    ...(d.doc ? { evidence_id: `${d.doc.kind}/${d.doc.id}` } : {}),
  }));

/**
 * A sentence's verdict from its clauses: contradicted when one clause is, supported when every
 * clause is (and no clause went unread), otherwise unverifiable, told by the first clause the record
 * does not support.
 */
function sentenceVerdict(judged: ClauseCheck[], unread = false): Omit<CheckedClaim, 'text' | 'start' | 'end'> {
  const deciding = judged.find((c) => c.j.verdict === 'contradicted') ?? judged.find((c) => c.j.verdict !== 'supported') ?? judged[0]!;
  const all = deciding.j.verdict === 'supported';
  if (all && unread) {
    const claim = sentenceVerdict(judged);
    return {
      ...claim,
      verdict: 'unverifiable',
      confidence: 0.5,
      explanation: `Only part of the sentence is confirmed. ${claim.explanation} Another clause states nothing the checker can compare.`,
    };
  }
  const told = all ? judged : [deciding];
  const evidence = new Map<string, CheckEvidence>();
  for (const c of told)
    for (const e of evidenceFor(c.j, c.link, c.frame, c.candidates).map(toEvidence))
      if (evidence.size < MAX_EVIDENCE) evidence.set(`${e.kind}/${e.id}`, e);
  return {
    verdict: deciding.j.verdict,
    confidence: Math.min(...told.map((c) => confidenceOf(c.j, c.link))),
    explanation: told.map((c) => explain(c.frame, c.link, c.j)).join(' '),
    evidence: [...evidence.values()],
    details: judged.flatMap((c) => detailsOf(c.j)),
    ...(deciding.link ? { link: { by: deciding.link.by, strength: deciding.link.strength } } : {}),
  };
}

export async function checkText(text: string, source: EvidenceSource, options: CheckOptions = {}): Promise<CheckResult> {
  const ctx = await checkerContext(source);
  const tagger = options.tagger ?? winkTagger;
  const deadline = Date.now() + (options.budgetMs ?? CHECK_BUDGET_MS);
  const keyCache = new WeakMap<EvidenceDoc, Set<string>>();
  const claims: CheckedClaim[] = [];
  const skipped: NonNullable<CheckResult['skipped']> = [];
  let last: Link | undefined;
  let anchorYear: number | undefined;
  let lastSubject: ClaimFrame['impliedSubject'];
  // "date 2022-09-30" before the first sentence: the page's date, which dates "on Friday" and "on September 30".
  let pageDate: string | undefined;
  let first = true;
  let sliceStart = Date.now();
  for (const unit of splitClaims(text)) {
    if (Date.now() - sliceStart > SLICE_MS) {
      await yieldToLoop();
      sliceStart = Date.now();
      if (Date.now() > deadline) throw overBudget(options.budgetMs ?? CHECK_BUDGET_MS);
    }
    const stamp = first ? pageStamp(unit.text) : undefined;
    first = false;
    if (stamp) {
      pageDate = stamp.date;
      anchorYear = Number(stamp.date.slice(0, 4));
      if (stamp.length >= unit.text.trimEnd().length) {
        if (options.includeSkipped) skipped.push({ text: unit.text, start: unit.start, end: unit.end, reason: 'metadata' });
        continue;
      }
    }
    if (notProse(unit.text)) {
      if (options.includeSkipped) skipped.push({ text: unit.text, start: unit.start, end: unit.end, reason: 'not-prose' });
      continue;
    }
    const reading = readingOf(unit.text, stamp?.length);
    const tags = tagger(reading);
    const parts = coordinatedClauses(reading, tags);
    // Each coordinated clause is read as a claim of its own; a sentence of one clause is read whole.
    const read = parts.map((part) => {
      const clause = parts.length === 1 ? reading : `${part.subject ? `${part.subject} ` : ''}${reading.slice(part.start, part.end)}`;
      const analysis = analyzeText(clause, ctx.lexicon);
      // "Later that year", "three years later": the year of the last date the text gave.
      analysis.dates.push(
        ...relativeYears(clause, anchorYear),
        ...datedDays(analysis.yearless, pageDate),
        ...pageRelativeDates(clause, pageDate),
      );
      if (pageDate?.length === 10) analysis.yearless = [];
      const frame = buildFrame(analysis, parts.length === 1 ? tags : tagger(clause), ctx.lexicon.knowledge.roles);
      return { analysis, frame, reason: skipReason(parts.length === 1 ? unit.text : clause, frame) };
    });
    for (const r of read) anchorYear = lastYear(r.analysis) ?? anchorYear;
    const checkable = read.filter((r) => !r.reason);
    if (checkable.length === 0) {
      if (options.includeSkipped) skipped.push({ text: unit.text, start: unit.start, end: unit.end, reason: read[0]!.reason! });
      continue;
    }
    const judged: ClauseCheck[] = [];
    for (const { analysis, frame } of checkable) {
      const own = subjectIds(frame);
      if (frame.reference === 'it' && own.length === 0 && lastSubject) frame.impliedSubject = lastSubject;
      if (own.length) lastSubject = { ids: own, text: ctx.lexicon.gazetteer.entities.get(own[0]!)?.name ?? own[0]! };
      const events = await source.candidateEvents(queryWords(analysis, ctx), CANDIDATE_EVENTS);
      const ranked = firstActWords(frame, ctx);
      // A party's first act is found by the party and the rank, whatever else the claim says about it.
      const firsts = ranked ? await source.candidateEvents(ranked, CANDIDATE_EVENTS) : [];
      const candidates = [...new Map([...events, ...firsts].map((e) => [e.id, e])).values()].map((e) => ctx.eventDoc(e));
      const { link, j } = linkAndJudge(frame, [...candidates, ...ctx.fixedDocs], last, ctx, keyCache);
      if (link?.strength === 'name') last = link;
      judged.push({ frame, link, j, candidates });
    }
    // A clause the checker cannot read ("and froze cooperation") is a claim it did not check.
    const unread = read.some((r) => r.reason === 'nothing-checkable');
    // The page's date stamp is not part of the claim.
    const from = stamp?.length ?? 0;
    claims.push({ text: unit.text.slice(from), start: unit.start + from, end: unit.end, ...sentenceVerdict(judged, unread) });
  }
  return options.includeSkipped ? { claims, skipped } : { claims };
}
