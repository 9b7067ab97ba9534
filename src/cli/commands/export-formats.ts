// The export formats `pactwatch export --format` knows. A format writes to a stream or to a
// path; add one by adding an entry.
import type { Writable } from 'node:stream';
import { checkText } from '../../check/check-text.ts';
import { storeEvidenceSource } from '../../check/store-evidence-source.ts';
import { todayIso } from '../../domain/partial-date.ts';
import { renderClaimReview } from '../../io/claimreview.ts';
import { exportCsv, exportJson } from '../../io/export-records.ts';
import { buildIcs } from '../../io/ics.ts';
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

interface ExportFormatSpec {
  needsOut: boolean;
  toStream?(store: RecordStore, out: Writable, options: ExportOptions): Promise<void>;
  toPath?(store: RecordStore, out: string): Promise<unknown>;
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

export const EXPORT_FORMATS: Record<string, ExportFormatSpec> = {
  json: { needsOut: false, toStream: (store, out) => exportJson(store, out) },
  csv: { needsOut: true, toPath: (store, out) => exportCsv(store, out) },
  sqlite: { needsOut: true, toPath: exportSqliteFile },
  ics: { needsOut: false, toStream: async (store, out) => void out.write(await buildIcs(store)) },
  timelinejs: { needsOut: false, toStream: async (store, out) => void out.write(json(await buildTimelineJs(store))) },
  // ClaimReview reviews checked claims, and the record stores no check results: it checks
  // the text given with --input (standard input by default) and reviews its decided claims.
  claimreview: {
    needsOut: false,
    async toStream(store, out, options) {
      const result = await checkText(await readTextInput(options.input), storeEvidenceSource(store));
      out.write(json(renderClaimReview(result, { url: options.url ?? 'https://example.org/pactwatch-review', datePublished: todayIso() })));
    },
  },
};
