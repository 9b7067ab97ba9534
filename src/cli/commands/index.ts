// Every command of the CLI; each module exports one `register*(program)`.
import type { Command } from 'commander';
import { registerBackup } from './backup-command.ts';
import { registerEvents } from './events-command.ts';
import { registerExport } from './export-command.ts';
import { registerImport } from './import-command.ts';
import { registerRestore } from './restore-command.ts';
import { registerAudit } from './audit-command.ts';
import { registerServe } from './serve-command.ts';
import { registerUser } from './user-command.ts';

export const COMMANDS: ((program: Command) => void)[] = [registerImport, registerExport, registerEvents, registerBackup, registerRestore, registerServe, registerUser, registerAudit];
