// Every command of the CLI; each module exports one `register*(program)`.
import type { Command } from 'commander';
import { registerBackup } from './backup-command.ts';
import { registerCheck } from './check-command.ts';
import { registerCommitments } from './commitments-command.ts';
import { registerReport } from './report-command.ts';
import { registerEvents } from './events-command.ts';
import { registerExport } from './export-command.ts';
import { registerImport } from './import-command.ts';
import { registerLint } from './lint-command.ts';
import { registerRestore } from './restore-command.ts';
import { registerAudit } from './audit-command.ts';
import { registerServe } from './serve-command.ts';
import { registerUser } from './user-command.ts';

export const COMMANDS: ((program: Command) => void)[] = [
  registerImport,
  registerExport,
  registerEvents,
  registerCommitments,
  registerReport,
  registerCheck,
  registerBackup,
  registerRestore,
  registerServe,
  registerUser,
  registerAudit,
  registerLint,
];
