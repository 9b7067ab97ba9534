// CSV rows with the line each starts on, read a chunk at a time so that a file of any size is
// never held whole. papaparse's low-level Parser does the splitting; its stream wrappers are
// not used because they drop syntax errors and cut UTF-8 characters at chunk boundaries.
import fs from 'node:fs';
import Papa from 'papaparse';
import { inputDecoder } from './input-encoding.ts';

export interface CsvRows {
  rows: string[][];
  /** The line each row starts on (1-based), counting newlines inside quoted cells. */
  lines: number[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const CHUNK_BYTES = 1 << 20;
/** An unclosed quote would otherwise buffer the rest of the file as one row. */
const MAX_ROW_CHARS = 1 << 20;

export async function* readCsvRows(file: string, onBytes?: (bytes: number) => void, encoding?: string): AsyncIterable<CsvRows> {
  const decoder = inputDecoder(file, encoding);
  const input = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES });
  let parser: Papa.Parser | undefined;
  let pending = '';
  let base = 0;
  let line = 1;

  const parse = (text: string, last: boolean): CsvRows => {
    if (!parser) {
      if (!text && !last) return { rows: [], lines: [] };
      text = text.replace(/^\uFEFF/, '');
      const nl = text.indexOf('\n');
      parser = new Papa.Parser({ delimiter: ',', newline: nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n' });
    }
    const chunk = pending + text;
    const result = parser.parse(chunk, base, !last) as { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
    pending = chunk.slice(result.meta.cursor - base);
    base = result.meta.cursor;
    const rows: string[][] = [];
    const lines: number[] = [];
    const startLines: number[] = [];
    for (const row of result.data) {
      startLines.push(line);
      // A blank line parses as one empty cell; it still counts as a line.
      if (row.length > 1 || row[0] !== '') {
        rows.push(row);
        lines.push(line);
      }
      line += 1;
      for (const cell of row) for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) line++;
    }
    const error = result.errors[0];
    if (error) throw new CsvSyntaxError(startLines[error.row ?? startLines.length] ?? line, error.message);
    if (pending.length > MAX_ROW_CHARS)
      throw new CsvSyntaxError(line, `a row longer than ${MAX_ROW_CHARS} characters: is a quote left open?`);
    return { rows, lines };
  };

  try {
    for await (const bytes of input as AsyncIterable<Buffer>) {
      onBytes?.(bytes.length);
      yield parse(decoder.write(bytes), false);
    }
    yield parse(decoder.end(), true);
  } finally {
    input.destroy();
  }
}
