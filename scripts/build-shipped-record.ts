// Builds data/ukraine-nato/ from the verified reference files in ../shared/reference/ukraine-nato/.
// Everything is kept as the reference states it; the one change is that an event's actors
// become party ids where the registry has that party (by name first, then by alias).
// Usage: node --import tsx scripts/build-shipped-record.ts [REFERENCE_DIR]
import fs from 'node:fs';
import path from 'node:path';
import { recordSetSchema, type Party } from '../src/domain/schemas.ts';
import { RECORD_KINDS } from '../src/domain/vocabulary.ts';

const referenceDir = process.argv[2] ?? path.resolve(import.meta.dirname, '../../shared/reference/ukraine-nato');
const outDir = path.resolve(import.meta.dirname, '../data/ukraine-nato');

const read = (name: string) => JSON.parse(fs.readFileSync(path.join(referenceDir, name), 'utf8'));
const record = recordSetSchema.parse({ events: read('timeline.json'), ...read('commitments.json') });

const partyFor = actorResolver(record.parties);
for (const event of record.events) event.actors = event.actors.map((actor) => partyFor(actor) ?? actor);

// Deliveries whose own sourced description states the act the commitment promised (so a
// commitment with no number is fulfilled by it; see docs/tracking.md). The reference files
// have no such mark; each entry here is a reading of that delivery's quote.
const FULFILLING_DELIVERIES = new Set([
  'jatec-opened-feb-2025', // "JATEC was officially opened in Bydgoszcz" fulfils "Establish JATEC in Bydgoszcz"
]);
for (const delivery of record.deliveries) if (FULFILLING_DELIVERIES.has(delivery.id)) delivery.fulfils = true;

fs.mkdirSync(outDir, { recursive: true });
for (const kind of RECORD_KINDS) {
  fs.writeFileSync(path.join(outDir, `${kind}.json`), JSON.stringify({ [kind]: record[kind] }, null, 1) + '\n');
  console.log(`${kind}: ${record[kind].length}`);
}

function actorResolver(parties: Party[]): (actor: string) => string | undefined {
  const byName = new Map(parties.map((p) => [p.name, p.id]));
  const byAlias = new Map<string, string>();
  for (const p of parties) for (const alias of p.aliases) if (!byAlias.has(alias)) byAlias.set(alias, p.id);
  return (actor) => byName.get(actor) ?? byAlias.get(actor);
}
