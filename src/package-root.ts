// Where Pactwatch's own files are (the shipped record, the rates table, the built web app):
// found by walking up from this module to the package's package.json, never from the working
// directory, so the same code finds them from the sources (src/), the compiled code (dist/)
// and an install under someone's node_modules/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'pactwatch') return dir;
    if (path.dirname(dir) === dir) throw new Error(`cannot find Pactwatch's package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A file or folder of the package, e.g. packagePath('data', 'exchange-rates.json'). */
export function packagePath(...parts: string[]): string {
  return path.join(PACKAGE_ROOT, ...parts);
}
