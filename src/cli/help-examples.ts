// An example or two for every command's --help, by the command's full name ("user add").
// test/cli/cli-help.test.ts fails for a command that has none.
import type { Command } from 'commander';

export const HELP_EXAMPLES: Record<string, string[]> = {
  pactwatch: ['pactwatch events --q Bucharest', 'pactwatch check article.txt', 'pactwatch serve --port 8080'],
  serve: ['pactwatch serve', 'pactwatch --db var/other.db serve --port 9000 --host 0.0.0.0'],
  import: ['pactwatch import my-record/', 'pactwatch import events.csv parties.csv'],
  export: [
    'pactwatch export --out record.json',
    'pactwatch export --format csv --out export/',
    'pactwatch export --format claimreview --input article.txt --url https://example.org/review',
  ],
  events: ['pactwatch events --q "Bucharest summit"', 'pactwatch events --from 2008 --to 2008 --area membership --actor NATO --json'],
  commitments: ['pactwatch commitments --status overdue', 'pactwatch commitments --party united-kingdom --area security-assistance --json'],
  report: ['pactwatch report', 'pactwatch report --json --no-convert'],
  check: ['pactwatch check article.txt', 'echo "Ukraine applied to join NATO in September 2022." | pactwatch check - --json'],
  backup: ['pactwatch backup --out snapshot.db'],
  restore: ['pactwatch restore snapshot.db'],
  user: ['pactwatch user add alice --role editor', 'pactwatch user list'],
  'user add': ['pactwatch user add alice --role editor'],
  'user token': ['pactwatch user token alice'],
  'user list': ['pactwatch user list --json'],
  'user remove': ['pactwatch user remove alice'],
  'user role': ['pactwatch user role alice admin'],
  audit: ['pactwatch audit verify', 'pactwatch audit head'],
  'audit verify': ['pactwatch audit verify', 'pactwatch audit verify --head 120:3f2a...'],
  'audit head': ['pactwatch audit head'],
  'audit baseline': ['pactwatch audit baseline'],
  lint: ['pactwatch lint', 'pactwatch lint data/ukraine-nato --json'],
};

/** The command's name as typed after `pactwatch` ("user add"), or "pactwatch" for the program. */
export function fullName(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(' ') || 'pactwatch';
}

/** Adds the examples to the help of the command and each of its subcommands. */
export function addHelpExamples(command: Command): void {
  const examples = HELP_EXAMPLES[fullName(command)];
  if (examples)
    command.addHelpText('after', `\nExample${examples.length > 1 ? 's' : ''}:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`);
  for (const sub of command.commands) addHelpExamples(sub);
}
