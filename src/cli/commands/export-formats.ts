// The export formats `pactwatch export --format` knows. A format writes to a stream or to a
// path; add one by adding an entry.
import type { Writable } from 'node:stream';
import { checkText } from '../../check/check-text.ts';
import { rankEvidenceSources } from '../../check/evidence-tiers.ts';
import { storeEvidenceSource } from '../../check/store-evidence-source.ts';
import { todayIso } from '../../domain/partial-date.ts';
import { renderClaimReview } from '../../io/claimreview.ts';
import { exportCsv, exportJson } from '../../io/export-records.ts';
import { buildIcs } from '../../io/ics.ts';
import { loadSourceTierTable } from '../../io/source-tier-table.ts';
import { exportSqliteFile } from '../../io/sqlite-export.ts';
import { buildTimelineJs } from '../../io/timelinejs.ts';
import type { RecordStore } from '../../store/record-store.ts';
import { readTextInput } from '../read-text-input.ts';

export interface ExportOptions {
  /** claimreview: the text whose claims are checked and reviewed. */
  input?: string;
  /** claimreview: the page that will publish the reviews. */
  url?: string;
}

/** What an export wrote, for the user: a line per file (or one for the stream), and why when nothing. */
export interface ExportReport {
  /** e.g. "431 events, 121 parties" */
  wrote: { file?: string; what: string }[];
  /** Said when the export is empty for a reason the user can act on. */
  note?: string;
}

interface ExportFormatSpec {
  /** How the format is named in messages. */
  label: string;
  needsOut: boolean;
  toStream?(store: RecordStore, out: Writable, options: ExportOptions): Promise<ExportReport>;
  toPath?(store: RecordStore, out: string): Promise<ExportReport>;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const KIND_NAMES: Record<string, [string, string]> = {
  events: ['event', 'events'],
  parties: ['party', 'parties'],
  agreements: ['agreement', 'agreements'],
  commitments: ['commitment', 'commitments'],
  deliveries: ['delivery', 'deliveries'],
};
const kindCount = (kind: string, n: number) => plural(n, ...(KIND_NAMES[kind] ?? [kind, kind]));
const counted = (counts: Record<string, number>) => ({
  wrote: [
    {
      what: Object.entries(counts)
        .map(([kind, n]) => kindCount(kind, n))
        .join(', '),
    },
  ],
});

export const EXPORT_FORMATS: Record<string, ExportFormatSpec> = {
  json: { label: 'JSON', needsOut: false, toStream: async (store, out) => counted(await exportJson(store, out)) },
  csv: {
    label: 'CSV',
    needsOut: true,
    toPath: async (store, dir) => ({
      wrote: (await exportCsv(store, dir)).map(({ file, kind, rows }) => ({ file, what: kindCount(kind, rows) })),
    }),
  },
  sqlite: { label: 'SQLite', needsOut: true, toPath: async (store, file) => counted(await exportSqliteFile(store, file)) },
  ics: {
    label: 'iCalendar',
    needsOut: false,
    async toStream(store, out) {
      const ics = await buildIcs(store);
      out.write(ics);
      return { wrote: [{ what: plural(ics.match(/^BEGIN:VEVENT/gm)?.length ?? 0, 'deadline') }] };
    },
  },
  timelinejs: {
    label: 'TimelineJS',
    needsOut: false,
    async toStream(store, out) {
      const timeline = await buildTimelineJs(store);
      out.write(json(timeline));
      return { wrote: [{ what: plural(timeline.events.length, 'slide') }] };
    },
  },
  // ClaimReview reviews checked claims, and the record stores no check results: it checks
  // the text given with --input (standard input by default) and reviews its decided claims.
  claimreview: {
    label: 'ClaimReview',
    needsOut: false,
    async toStream(store, out, options) {
      const text = await readTextInput(options.input);
      // Citations strongest source first.
      const result = rankEvidenceSources(await checkText(text, storeEvidenceSource(store)), loadSourceTierTable());
      const reviews = renderClaimReview(result, { url: options.url ?? 'https://example.org/pactwatch-review', datePublished: todayIso() });
      out.write(json(reviews));
      const unverifiable = result.claims.filter((claim) => claim.verdict === 'unverifiable').length;
      return {
        wrote: [
          {
            what: `${plural(reviews.length, 'review')} of ${plural(result.claims.length, 'claim')}${unverifiable ? ` (${unverifiable} unverifiable, not reviewed)` : ''}`,
          },
        ],
        note: reviews.length ? undefined : claimReviewEmptyBecause(text, result.claims.length, options.input),
      };
    },
  },
};

/** Why a ClaimReview export holds no review. */
function claimReviewEmptyBecause(text: string, claims: number, input: string | undefined): string {
  const from = input === undefined || input === '-' ? 'standard input' : input;
  if (!text.trim())
    return `no text to check: ${from} is empty. ClaimReview reviews the claims of a text: give --input FILE or pipe the text in`;
  if (!claims)
    return `no checkable claim in the text from ${from} (a claim states a date, a place, an amount, a "first", or a party or person doing something)`;
  const all = claims === 1 ? 'the one claim in the text is' : `all ${claims} claims in the text are`;
  return `${all} unverifiable, and ClaimReview reviews only the claims the record supports or contradicts`;
}
