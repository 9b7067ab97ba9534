import fs from 'node:fs';
import { PactwatchError } from '../domain/errors.ts';

/** Reads a text argument: a file path, or standard input for "-" or no argument. */
export async function readTextInput(file: string | undefined): Promise<string> {
  if (file === undefined || file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new PactwatchError('bad_request', `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`, 400, [
      { file, field: '(file)', message: 'cannot be read' },
    ]);
  }
}
