// Every command of the CLI; each module exports one `register*(program)`. They load on demand:
// a run loads only the module of the command it names (the checker need not load the web
// server), and `--help` or an unknown name loads them all.
import type { Command } from 'commander';

type Register = (program: Command) => void;

export const COMMANDS: Record<string, () => Promise<Register>> = {
  import: async () => (await import('./import-command.ts')).registerImport,
  export: async () => (await import('./export-command.ts')).registerExport,
  events: async () => (await import('./events-command.ts')).registerEvents,
  commitments: async () => (await import('./commitments-command.ts')).registerCommitments,
  report: async () => (await import('./report-command.ts')).registerReport,
  check: async () => (await import('./check-command.ts')).registerCheck,
  backup: async () => (await import('./backup-command.ts')).registerBackup,
  restore: async () => (await import('./restore-command.ts')).registerRestore,
  serve: async () => (await import('./serve-command.ts')).registerServe,
  user: async () => (await import('./user-command.ts')).registerUser,
  audit: async () => (await import('./audit-command.ts')).registerAudit,
  lint: async () => (await import('./lint-command.ts')).registerLint,
};
