// The `pactwatch` command line. Each command lives in commands/ and registers itself on the
// program; this file only wires global options and turns errors into exit codes:
// 0 success, 1 bad input (message names file, line/record and field), 2 bad usage.
import fs from 'node:fs';
import { Command, CommanderError } from 'commander';
import { PactwatchError, describeProblem } from '../domain/errors.ts';
import { packagePath } from '../package-root.ts';
import { COMMANDS } from './commands/index.ts';
import { addHelpExamples } from './help-examples.ts';

export const EXIT_OK = 0;
export const EXIT_BAD_INPUT = 1;
export const EXIT_USAGE = 2;

/** Global options that take a value: skipped with it when looking for the command's name. */
const VALUE_OPTIONS = new Set(['--db', '--database-url']);

/** The command `argv` names, if it names one of ours (the first word that is not an option). */
export function commandName(argv: string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return Object.hasOwn(COMMANDS, arg) ? arg : undefined;
  }
  return undefined;
}

/** The program with the command `argv` names, or with every command (help, a mistyped name). */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const name = commandName(argv);
  const registers = await Promise.all((name ? [COMMANDS[name]!] : Object.values(COMMANDS)).map((load) => load()));
  const program = new Command('pactwatch')
    .description('A sourced record of international cooperation agreements, and a checker for what is said about them.')
    .version(packageVersion(), '-V, --version', 'print the version of Pactwatch')
    .option('--db <path>', 'SQLite database file', 'var/pactwatch.db')
    .option('--database-url <url>', 'PostgreSQL connection URL (also read from DATABASE_URL)')
    .option('--empty', 'when creating a new database, do not load the shipped record')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showHelpAfterError();
  for (const register of registers) register(program);
  for (const command of program.commands) command.exitOverride();
  addHelpExamples(program);
  return program;
}

function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  // `pactwatch export | head` closes the pipe early; that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT_OK);
    throw error;
  });
  try {
    await (await buildProgram(argv)).parseAsync(argv);
    return EXIT_OK;
  } catch (error) {
    return exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    return error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? EXIT_OK : EXIT_USAGE;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`pactwatch: ${error.message}\n`);
    return EXIT_USAGE;
  }
  if (error instanceof PactwatchError) {
    process.stderr.write(`pactwatch: ${error.message}\n`);
    for (const problem of error.details ?? []) process.stderr.write(`  ${describeProblem(problem)}\n`);
    return EXIT_BAD_INPUT;
  }
  process.stderr.write(`pactwatch: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return EXIT_BAD_INPUT;
}

/** Wrong flags or arguments: exit 2. */
export class UsageError extends Error {}
