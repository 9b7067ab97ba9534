// `pactwatch lint`: what a reader of the record should never see, and what an editor should look
// at. Errors fail the lint (exit 1); warnings are for review, and fail it only with --strict.
//
// Errors:
// - denied-source: a source of tier "denied" anywhere (propaganda outlets, content farms).
// - weak-sources: a record none of whose sources is primary or reputable.
// - working-note: a working note in public text ("TODO", "FIXME", "Wikipedia-derived", "the
//   agreement text we ...").
// Warnings:
// - working-note-maybe: words that are often notes but may be real ("seed").
// - pledge-as-delivery: a delivered-stage delivery whose description reads as a promise or a
//   forecast (pledged, will, would, plans to, budgeted, estimated): file it as stage "allocated", or as a commitment.
// - near-duplicate-event: two events on the same date with very similar titles or summaries.
// - past-due-no-evidence: overdue with no delivery, breach or withdrawal recorded.
// - missing-title-uk: an event or agreement without a Ukrainian title.
import { trackCommitment } from './commitment-status.ts';
import type { RecordSet } from './schemas.ts';
import { sourceTier, type SourceTierTable } from './source-tiers.ts';
import type { RecordKind, SourceTier } from './vocabulary.ts';

export type LintSeverity = 'error' | 'warning';

export interface LintFinding {
  severity: LintSeverity;
  rule: string;
  kind: RecordKind;
  id: string;
  /** The field the finding is about, as a path ("sources.2", "summary"). */
  field: string | null;
  message: string;
}

export interface LintOptions {
  tiers: SourceTierTable;
  /** YYYY-MM-DD: what is past due. */
  today: string;
}

const NOTES: { pattern: RegExp; severity: LintSeverity }[] = [
  { pattern: /\b(TODO|FIXME|TBD|XXX)\b/, severity: 'error' },
  { pattern: /wikipedia[- ]derived/i, severity: 'error' },
  { pattern: /\[(citation needed|verify|check|source\??)\]/i, severity: 'error' },
  { pattern: /\bplaceholder\b/i, severity: 'error' },
  { pattern: /\b(the|this) (agreement|record|entry|text|data|source)s? we\b/i, severity: 'error' },
  { pattern: /\bwe (could not|couldn't|did not|didn't|need to|should|have not|haven't) /i, severity: 'error' },
  { pattern: /\bseed\b/i, severity: 'warning' },
];

// Verbs of promising and forecasting; "the pledge" or "Action Plan" as nouns are not.
const PLEDGE_WORDS =
  /\b(pledged|pledges to|pledging|will|would|could|plans to|planned|planning to|budgeted|budget request|intends to|intended to|forecasts?|estimated?|earmarked|to be (delivered|provided|allocated))\b/i;

const STOP_WORDS = new Set(
  'the a an of and or in on at to for with by from as is was are were be been its it this that nato ukraine ukrainian allies'.split(' '),
);

/** Content words of a text, lowercased, crudely stemmed. */
function words(text: string): Set<string> {
  return new Set(
    (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
      .filter((w) => w.length > 2 && !STOP_WORDS.has(w))
      .map((w) => w.replace(/(ing|ed|es|s)$/, '')),
  );
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared += 1;
  return shared / (a.size + b.size - shared);
}

type Sourced = { sources?: { url: string; tier?: SourceTier | null }[] };

export function lintRecord(record: Partial<RecordSet>, options: LintOptions): LintFinding[] {
  const findings: LintFinding[] = [];
  const add = (severity: LintSeverity, rule: string, kind: RecordKind, id: string, field: string | null, message: string) =>
    findings.push({ severity, rule, kind, id, field, message });

  const checkSources = (kind: RecordKind, id: string, prefix: string, holder: Sourced | null | undefined, needStrong: boolean) => {
    const sources = holder?.sources ?? [];
    const tiers = sources.map((s) => sourceTier(s.url, s.tier, options.tiers));
    tiers.forEach((tier, i) => {
      if (tier === 'denied') add('error', 'denied-source', kind, id, `${prefix}sources.${i}`, `denied source: ${sources[i]!.url}`);
    });
    if (needStrong && sources.length > 0 && !tiers.some((t) => t === 'primary' || t === 'reputable')) {
      add(
        'error',
        'weak-sources',
        kind,
        id,
        `${prefix}sources`,
        `no primary or reputable source (${sources.map((s) => s.url).join(', ')})`,
      );
    }
  };

  const checkText = (kind: RecordKind, id: string, fields: Record<string, string | null | undefined>) => {
    for (const [field, text] of Object.entries(fields)) {
      if (!text) continue;
      for (const note of NOTES) {
        const match = note.pattern.exec(text);
        if (match) {
          const rule = note.severity === 'error' ? 'working-note' : 'working-note-maybe';
          add(note.severity, rule, kind, id, field, `looks like a working note: "${match[0]}"`);
          break;
        }
      }
    }
  };

  const missingUk = (kind: RecordKind, id: string, titleUk: string | null | undefined) => {
    if (!titleUk?.trim()) add('warning', 'missing-title-uk', kind, id, 'title_uk', 'no Ukrainian title');
  };

  for (const e of record.events ?? []) {
    checkSources('events', e.id, '', e, true);
    checkText('events', e.id, { title: e.title, title_uk: e.title_uk, summary: e.summary, summary_uk: e.summary_uk });
    missingUk('events', e.id, e.title_uk);
  }
  for (const p of record.parties ?? []) {
    checkSources('parties', p.id, '', p, false);
    (p.offices ?? []).forEach((o, i) => checkSources('parties', p.id, `offices.${i}.`, o, true));
    (p.memberships ?? []).forEach((m, i) => checkSources('parties', p.id, `memberships.${i}.`, m, true));
    checkText('parties', p.id, { name: p.name, name_uk: p.name_uk });
  }
  for (const a of record.agreements ?? []) {
    checkSources('agreements', a.id, '', a, true);
    checkText('agreements', a.id, { title: a.title, title_uk: a.title_uk });
    missingUk('agreements', a.id, a.title_uk);
  }
  const deliveries = record.deliveries ?? [];
  for (const c of record.commitments ?? []) {
    checkSources('commitments', c.id, '', c, true);
    checkSources('commitments', c.id, 'withdrawn.', c.withdrawn, true);
    checkSources('commitments', c.id, 'breach.', c.breach, true);
    checkText('commitments', c.id, {
      description: c.description,
      'provision.text': c.provision?.text,
      'withdrawn.reason': c.withdrawn?.reason,
      'breach.description': c.breach?.description,
    });
    const tracked = trackCommitment(c, deliveries, options.today);
    if (tracked.status === 'overdue' && tracked.evidence === 'none') {
      add(
        'warning',
        'past-due-no-evidence',
        'commitments',
        c.id,
        null,
        `due ${tracked.deadline} and nothing recorded: add what was delivered, a breach or a withdrawal`,
      );
    }
  }
  for (const d of deliveries) {
    checkSources('deliveries', d.id, '', d, true);
    checkText('deliveries', d.id, { description: d.description });
    const pledge = (d.stage ?? 'delivered') === 'delivered' ? PLEDGE_WORDS.exec(d.description) : null;
    if (pledge) {
      add(
        'warning',
        'pledge-as-delivery',
        'deliveries',
        d.id,
        'stage',
        `the description says "${pledge[0]}": a pledge or allocation filed as delivered? (stage "allocated", or a commitment)`,
      );
    }
  }
  findings.push(...nearDuplicateEvents(record.events ?? [], record.agreements ?? []));
  return findings.sort(
    (a, b) =>
      Number(a.severity === 'warning') - Number(b.severity === 'warning') ||
      a.kind.localeCompare(b.kind) ||
      a.id.localeCompare(b.id) ||
      a.rule.localeCompare(b.rule),
  );
}

const TITLE_SIMILAR = 0.6;
const TEXT_SIMILAR = 0.5;

/**
 * Pairs of events on the same date whose titles, or titles and summaries, are very alike, or
 * that one agreement lists both of (a signing and what the signed text set up, told twice).
 */
export function nearDuplicateEvents(
  events: NonNullable<RecordSet['events']>,
  agreements: NonNullable<RecordSet['agreements']> = [],
): LintFinding[] {
  const linkedBy = new Map<string, string[]>();
  for (const a of agreements) for (const id of a.event_ids) linkedBy.set(id, [...(linkedBy.get(id) ?? []), a.id]);
  const byDate = new Map<string, typeof events>();
  for (const e of events) byDate.set(e.date, [...(byDate.get(e.date) ?? []), e]);
  const findings: LintFinding[] = [];
  for (const group of byDate.values()) {
    const described = group.map((e) => ({ e, title: words(e.title), text: words(`${e.title} ${e.summary}`) }));
    for (let i = 0; i < described.length; i++) {
      for (let j = i + 1; j < described.length; j++) {
        const [a, b] = [described[i]!, described[j]!];
        const score = Math.max(similarity(a.title, b.title), (similarity(a.text, b.text) * TITLE_SIMILAR) / TEXT_SIMILAR);
        const agreement = (linkedBy.get(a.e.id) ?? []).find((id) => linkedBy.get(b.e.id)?.includes(id));
        if (score < TITLE_SIMILAR && !agreement) continue;
        const why = score >= TITLE_SIMILAR ? 'much the same as' : `listed by agreement "${agreement}" with`;
        findings.push({
          severity: 'warning',
          rule: 'near-duplicate-event',
          kind: 'events',
          id: a.e.id,
          field: null,
          message: `same date (${a.e.date}) and ${why} event "${b.e.id}": "${a.e.title}" / "${b.e.title}"`,
        });
      }
    }
  }
  return findings;
}
