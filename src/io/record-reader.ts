// Reads records from JSON files, CSV files (one per kind) and folders holding them, and
// validates every record as it streams past. Problems are collected with file, line,
// record and field; the caller decides to write nothing when there are any.
import fs from 'node:fs';
import path from 'node:path';
import { PactwatchError, type FieldProblem } from '../domain/errors.ts';
import { parseEventFast } from '../domain/event-fast-parse.ts';
import { RECORD_SCHEMAS } from '../domain/schemas.ts';
import { withoutRedundantTiers, type SourceTierTable } from '../domain/source-tiers.ts';
import { RECORD_KINDS, type RecordKind } from '../domain/vocabulary.ts';
import type { RecordBatch } from '../store/record-store.ts';
import { csvRecordReader, missingColumns } from './csv-columns.ts';
import { CsvSyntaxError, readCsvRows } from './csv-rows.ts';
import { findDuplicateKey } from './duplicate-keys.ts';
import { decodeInput } from './input-encoding.ts';

/**
 * Records a batch. A batch crosses from the reader thread as one JSON text, and V8 puts a string
 * over 128 KB in its large-object space, where making one costs some forty times as much: 250
 * events of 570 characters (143 KB) took 4.8-7.2 s per million events to join into one text,
 * 200 of them (114 KB) 0.12 s. At 100, batches of ordinary events stay well under.
 */
const BATCH_SIZE = 100;
/** Past this many problems, reading stops: the user has enough to fix. */
export const MAX_PROBLEMS = 50;

export interface ReadOptions {
  /** Bytes of input read so far, across files. */
  onBytes?(bytes: number): void;
  /** The input's encoding when it is not UTF-8 (input-encoding.ts). */
  encoding?: string;
  /** Overrides equal to this table's tier are dropped from valid records (source-tiers.ts). */
  sourceTiers?: SourceTierTable;
}

/** Expands folders into their .json and .csv files, in an order that writes referenced kinds first. */
export function inputFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new PactwatchError('bad_request', `${p}: no such file or folder`, 400, [
        { file: p, field: '(file)', message: 'does not exist' },
      ]);
    }
    if (!stat.isDirectory()) {
      files.push(p);
      continue;
    }
    const inside = fs
      .readdirSync(p)
      .filter((f) => /\.(json|csv)$/i.test(f))
      .sort((a, b) => kindOrder(a) - kindOrder(b) || a.localeCompare(b));
    if (inside.length === 0) throw new PactwatchError('bad_request', `${p}: the folder holds no .json or .csv file`, 400);
    files.push(...inside.map((f) => path.join(p, f)));
  }
  for (const file of files) {
    if (!/\.(json|csv)$/i.test(file)) {
      throw new PactwatchError('bad_request', `${file}: only .json and .csv files can be imported`, 400, [
        { file, field: '(file)', message: 'unknown format' },
      ]);
    }
  }
  return files;
}

/** The size of the files, in bytes: what progress counts up to. */
export function totalBytes(files: string[]): number {
  return files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
}

function kindOrder(file: string): number {
  const i = RECORD_KINDS.indexOf(path.basename(file).replace(/\.(json|csv)$/i, '') as RecordKind);
  return i === -1 ? RECORD_KINDS.length : i;
}

/**
 * Yields validated batches. Every problem found is pushed to `problems`; after the first,
 * nothing more is yielded (the import will be rolled back) but reading goes on to report
 * further problems, up to MAX_PROBLEMS.
 */
export async function* readRecordBatches(files: string[], problems: FieldProblem[], options: ReadOptions = {}): AsyncIterable<RecordBatch> {
  const seen = Object.fromEntries(RECORD_KINDS.map((k) => [k, new Set<string>()])) as Record<RecordKind, Set<string>>;
  const validator = (file: string) => (kind: RecordKind, raw: unknown, line: number | undefined, index: string) => {
    // Events come by the million: the hand-written parse takes those it is sure of, zod the rest.
    const fast = kind === 'events' ? parseEventFast(raw) : undefined;
    const result = fast ? { success: true as const, data: fast } : RECORD_SCHEMAS[kind].safeParse(raw);
    const id = typeof (raw as { id?: unknown })?.id === 'string' ? (raw as { id: string }).id : undefined;
    const record = id ?? index;
    if (!result.success) {
      for (const issue of result.error.issues.slice(0, 5)) {
        problems.push({ file, line, record, field: issue.path.join('.') || '(record)', message: issue.message });
      }
      return undefined;
    }
    if (seen[kind].has(result.data.id)) {
      problems.push({ file, line, record, field: 'id', message: `duplicate id "${result.data.id}" in this import` });
      return undefined;
    }
    seen[kind].add(result.data.id);
    return options.sourceTiers ? withoutRedundantTiers(result.data, options.sourceTiers) : result.data;
  };
  for (const file of files) {
    const reader = file.toLowerCase().endsWith('.csv') ? readCsv : readJson;
    for await (const batch of reader(file, validator(file), problems, options)) {
      if (problems.length === 0) yield batch;
      if (problems.length >= MAX_PROBLEMS) return;
    }
  }
}

type Validate = (kind: RecordKind, raw: unknown, line: number | undefined, index: string) => unknown;

async function* readJson(file: string, validate: Validate, problems: FieldProblem[], progress: ReadOptions): AsyncIterable<RecordBatch> {
  const bytes = fs.readFileSync(file);
  progress.onBytes?.(bytes.length);
  const text = decodeInput(file, bytes, progress.encoding);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    problems.push({
      file,
      line: position ? lineAt(text, Number(position)) : undefined,
      field: '(file)',
      message: `not valid JSON: ${(error as Error).message}`,
    });
    return;
  }
  const duplicate = findDuplicateKey(text);
  if (duplicate) {
    problems.push({
      file,
      line: duplicate.line,
      field: duplicate.key || '""',
      message: `the key "${duplicate.key}" appears twice in one object (JSON would keep only the last)`,
    });
    return;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    problems.push({ file, line: 1, field: '(file)', message: `must be one object {${RECORD_KINDS.join(', ')}}` });
    return;
  }
  for (const key of Object.keys(data)) {
    if (!RECORD_KINDS.includes(key as RecordKind))
      problems.push({ file, field: key || '""', message: `unknown key; expected ${RECORD_KINDS.join(', ')}` });
  }
  const lines = new LineFinder(text);
  for (const kind of RECORD_KINDS) {
    const list = (data as Record<string, unknown>)[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({ file, field: kind, message: 'must be a list' });
      continue;
    }
    const batches = new Batcher(kind);
    for (let i = 0; i < list.length; i++) {
      const raw = list[i];
      const id = typeof raw?.id === 'string' ? raw.id : undefined;
      const valid = validate(kind, raw, undefined, `${kind}[${i}]`);
      if (valid === undefined) {
        // Only failing records pay for finding their line.
        for (const p of problems)
          if (p.file === file && p.line === undefined && (p.record === id || p.record === `${kind}[${i}]`))
            p.line = id ? lines.lineOfId(id) : undefined;
        if (problems.length >= MAX_PROBLEMS) return;
        continue;
      }
      const full = batches.add(valid);
      if (full) yield full;
    }
    const last = batches.flush();
    if (last) yield last;
  }
}

async function* readCsv(file: string, validate: Validate, problems: FieldProblem[], progress: ReadOptions): AsyncIterable<RecordBatch> {
  const kind = path.basename(file).replace(/\.csv$/i, '') as RecordKind;
  if (!RECORD_KINDS.includes(kind)) {
    problems.push({
      file,
      field: '(file)',
      message: `a CSV file's name says its kind: one of ${RECORD_KINDS.map((k) => k + '.csv').join(', ')}`,
    });
    return;
  }
  let toRecord: ((cells: string[]) => unknown) | undefined;
  let width = 0;
  const batches = new Batcher(kind);
  try {
    for await (const { rows, lines } of readCsvRows(file, progress.onBytes, progress.encoding)) {
      for (let i = 0; i < rows.length; i++) {
        const cells = rows[i]!;
        const line = lines[i]!;
        if (!toRecord) {
          const missing = missingColumns(kind, cells);
          if (missing.length) {
            problems.push({
              file,
              line,
              field: missing.join(', '),
              message: `missing column${missing.length > 1 ? 's' : ''} in the header`,
            });
            return;
          }
          toRecord = csvRecordReader(kind, cells);
          width = cells.length;
          continue;
        }
        if (cells.length !== width)
          problems.push({ file, line, field: '(row)', message: `has ${cells.length} fields where the header has ${width}` });
        const valid = cells.length === width ? validate(kind, toRecord(cells), line, `line ${line}`) : undefined;
        if (valid === undefined) {
          if (problems.length >= MAX_PROBLEMS) return;
          continue;
        }
        const full = batches.add(valid);
        if (full) yield full;
      }
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    problems.push({ file, line: error.line, field: '(row)', message: error.message });
    return;
  }
  const last = batches.flush();
  if (last) yield last;
}

/** Gathers one kind's valid records into batches of BATCH_SIZE. */
class Batcher {
  private records: unknown[] = [];

  constructor(private readonly kind: RecordKind) {}

  /** Adds a record and returns a batch when one is full. */
  add(record: unknown): RecordBatch | undefined {
    this.records.push(record);
    return this.records.length === BATCH_SIZE ? this.flush() : undefined;
  }

  flush(): RecordBatch | undefined {
    if (this.records.length === 0) return undefined;
    const batch = { kind: this.kind, records: this.records } as RecordBatch;
    this.records = [];
    return batch;
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

class LineFinder {
  constructor(private readonly text: string) {}
  lineOfId(id: string): number | undefined {
    const match = new RegExp(`"id"\\s*:\\s*${JSON.stringify(id).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(this.text);
    return match ? lineAt(this.text, match.index) : undefined;
  }
}
