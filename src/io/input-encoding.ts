// Imports read text as UTF-8, and only UTF-8 unless told otherwise. A Latin-1 file decoded as
// UTF-8 had its accents silently turned into U+FFFD, and a UTF-16 file was reported as
// "missing columns": now such input is refused, naming the file and what it looks like, or
// converted when `--encoding` says what it is. A byte-order mark is dropped in any format.
import { PactwatchError } from '../domain/errors.ts';

export interface InputDecoder {
  /** Text decoded from the next chunk of bytes (a character split across chunks waits). */
  write(bytes: Uint8Array): string;
  /** What is left at the end of the input. */
  end(): string;
}

/** Checks that `encoding` is one the decoder knows (a bad `--encoding` is bad usage). */
export function assertKnownEncoding(encoding: string): void {
  try {
    new TextDecoder(encoding);
  } catch {
    throw new PactwatchError('bad_request', `unknown encoding "${encoding}" (try utf-8, utf-16le, utf-16be, windows-1252, latin1)`, 400, [
      { field: '--encoding', message: 'unknown encoding' },
    ]);
  }
}

/**
 * A streaming decoder for one input file. Without `encoding`, the input must be UTF-8 (with or
 * without a BOM); anything else throws a PactwatchError naming the file, the line of the first
 * bad byte and the encoding the bytes look like.
 */
export function inputDecoder(file: string, encoding?: string): InputDecoder {
  if (encoding) {
    assertKnownEncoding(encoding);
    const decoder = new TextDecoder(encoding, { fatal: true });
    const decode = (bytes: Uint8Array | undefined, stream: boolean) => {
      try {
        return decoder.decode(bytes, { stream });
      } catch {
        throw refusal(file, `is not valid ${encoding}`, undefined, undefined);
      }
    };
    return { write: (bytes) => decode(bytes, true), end: () => decode(undefined, false) };
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  let lines = 1;
  const decode = (bytes: Uint8Array | undefined, stream: boolean): string => {
    if (first && bytes && bytes.length) {
      first = false;
      const utf16 = utf16Kind(bytes);
      if (utf16) throw refusal(file, `is ${utf16.toUpperCase()}, not UTF-8`, 1, utf16);
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream });
    } catch {
      // Decoded again, leniently, only to say where: the first replacement character.
      const lenient = new TextDecoder('utf-8').decode(bytes);
      const at = lenient.indexOf('\uFFFD');
      const before = at === -1 ? '' : lenient.slice(0, at);
      const line = lines + (before.match(/\n/g)?.length ?? 0);
      throw refusal(file, 'is not UTF-8', line, 'windows-1252');
    }
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
    return text;
  };
  return { write: (bytes) => decode(bytes, true), end: () => decode(undefined, false) };
}

/** The whole of a file's bytes as text, by the same rules. */
export function decodeInput(file: string, bytes: Uint8Array, encoding?: string): string {
  const decoder = inputDecoder(file, encoding);
  return decoder.write(bytes) + decoder.end();
}

/** UTF-16 by its byte-order mark, or by NUL bytes in every other place (ASCII text in UTF-16). */
function utf16Kind(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const n = Math.min(bytes.length, 200) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  if (oddNul > n / 4 && evenNul === 0) return 'utf-16le';
  if (evenNul > n / 4 && oddNul === 0) return 'utf-16be';
  return undefined;
}

function refusal(file: string, what: string, line: number | undefined, guess: string | undefined): PactwatchError {
  const hint = guess
    ? guess === 'windows-1252'
      ? '; it looks like a single-byte encoding such as Latin-1 or Windows-1252: convert it to UTF-8 or pass --encoding windows-1252 (or the encoding it is in)'
      : `: convert it to UTF-8 or pass --encoding ${guess}`
    : '';
  const message = `${what}${hint}`;
  return new PactwatchError('validation_failed', `${file}: ${message}; nothing was imported`, 400, [
    { file, line, field: '(encoding)', message },
  ]);
}
