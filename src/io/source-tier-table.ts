// The source-tier table: the one shipped in data/source-tiers.json (editable), or another file.
// Read once per process and path: a server restart picks up an edit.
import fs from 'node:fs';
import path from 'node:path';
import { PactwatchError } from '../domain/errors.ts';
import { compileTierTable, type SourceTierTable } from '../domain/source-tiers.ts';

export const SHIPPED_SOURCE_TIERS_FILE = path.resolve(import.meta.dirname, '../../data/source-tiers.json');

const loaded = new Map<string, SourceTierTable>();

export function loadSourceTierTable(file: string = SHIPPED_SOURCE_TIERS_FILE): SourceTierTable {
  const cached = loaded.get(file);
  if (cached) return cached;
  let table: SourceTierTable;
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as { tiers?: unknown };
    if (!json.tiers || typeof json.tiers !== 'object' || Array.isArray(json.tiers)) throw new Error('needs "tiers": {host suffix: tier}');
    table = compileTierTable(json.tiers as Record<string, string>);
  } catch (error) {
    throw new PactwatchError('bad_request', `${file}: not a valid source-tier table: ${(error as Error).message}`, 400, [
      { file, field: 'tiers', message: (error as Error).message },
    ]);
  }
  loaded.set(file, table);
  return table;
}
