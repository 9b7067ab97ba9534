import { InvalidArgumentError, type Command } from 'commander';
import { addUser, ROLES, type Role } from '../../auth/accounts.ts';
import { withStore } from '../open-cli-store.ts';

function roleArg(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value))
    throw new InvalidArgumentError(`"${value}" is not a role; one of: ${ROLES.join(', ')}`);
  return value as Role;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('manage API accounts');
  user
    .command('add <name>')
    .description('add a user and print their API token (shown only this once)')
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, roleArg)
    .action(async (name: string, options: { role: Role }, command: Command) => {
      const { token } = await withStore(command, (store) => addUser(store.db, name, options.role));
      process.stdout.write(`${token}\n`);
      process.stderr.write(`user "${name}" (${options.role}) added; the token above is not stored and will not be shown again\n`);
    });
}
