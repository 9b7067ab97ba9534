// The export formats `pactwatch export --format` knows. A format writes to a stream or to a
// path; add one by adding an entry.
import type { Writable } from 'node:stream';
import { exportCsv, exportJson } from '../../io/export-records.ts';
import type { RecordStore } from '../../store/record-store.ts';

interface ExportFormatSpec {
  needsOut: boolean;
  toStream?(store: RecordStore, out: Writable): Promise<void>;
  toPath?(store: RecordStore, out: string): Promise<unknown>;
}

export const EXPORT_FORMATS: Record<string, ExportFormatSpec> = {
  json: { needsOut: false, toStream: exportJson },
  csv: { needsOut: true, toPath: exportCsv },
};
