import type { Command } from 'commander';
import { checkText } from '../../check/check-text.ts';
import { rankEvidenceSources, type RankedCheckResult } from '../../check/evidence-tiers.ts';
import { storeEvidenceSource } from '../../check/store-evidence-source.ts';
import { loadSourceTierTable } from '../../io/source-tier-table.ts';
import { withStore } from '../open-cli-store.ts';
import { readTextInput } from '../read-text-input.ts';

const MARK = { supported: '✔ supported', contradicted: '✘ contradicted', unverifiable: '? unverifiable' } as const;

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description('check the claims in a text against the record')
    .argument('[file]', 'a text file, or - (the default) for standard input')
    .option('--json', 'print the check result as JSON (CONTRACT.md, "Check result")')
    .action(async (file: string | undefined, options: { json?: boolean }, command: Command) => {
      const text = await readTextInput(file);
      const checked = await withStore(command, (store) => checkText(text, storeEvidenceSource(store)));
      const result = rankEvidenceSources(checked, loadSourceTierTable());
      process.stdout.write(options.json ? JSON.stringify(result, null, 2) + '\n' : formatCheck(result));
    });
}

function formatCheck(result: RankedCheckResult): string {
  if (result.claims.length === 0) return 'No checkable claims found.\n';
  return (
    result.claims
      .map((c) => {
        const evidence = c.evidence.map(
          (e) => `    ${e.date} ${e.title} [${e.kind} ${e.id}]\n${e.sources.map((s, i) => `      ${s} (${e.source_tiers[i]})`).join('\n')}`,
        );
        return [`${MARK[c.verdict]} (${c.confidence.toFixed(2)}): ${c.text}`, `  ${c.explanation}`, ...evidence].join('\n');
      })
      .join('\n\n') + '\n'
  );
}
