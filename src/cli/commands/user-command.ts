import { InvalidArgumentError, type Command } from 'commander';
import { addUser, listUsers, reissueToken, removeUser, ROLES, setRole, type Role } from '../../auth/accounts.ts';
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
  user
    .command('token <name>')
    .description('issue a new API token for a user (a lost one, or one to retire); the old token stops working')
    .action(async (name: string, _options: unknown, command: Command) => {
      const token = await withStore(command, (store) => reissueToken(store.db, name));
      process.stdout.write(`${token}\n`);
      process.stderr.write(`new token for "${name}"; the old one no longer works, and the one above will not be shown again\n`);
    });
  user
    .command('list')
    .description('list the accounts: name, role and when each was added')
    .option('--json', 'as JSON')
    .action(async (options: { json?: boolean }, command: Command) => {
      const users = await withStore(command, (store) => listUsers(store.db));
      if (options.json) return void process.stdout.write(`${JSON.stringify(users, null, 2)}\n`);
      const width = Math.max(4, ...users.map((u) => u.name.length));
      for (const u of users) process.stdout.write(`${u.name.padEnd(width)}  ${u.role.padEnd(6)}  added ${u.created_at.slice(0, 10)}\n`);
      process.stderr.write(`${users.length} ${users.length === 1 ? 'user' : 'users'}\n`);
    });
  user
    .command('remove <name>')
    .description('remove a user; their token stops working (their changes stay in the change log)')
    .action(async (name: string, _options: unknown, command: Command) => {
      await withStore(command, (store) => removeUser(store.db, name));
      process.stderr.write(`user "${name}" removed\n`);
    });
  user
    .command('role <name> <role>')
    .description("change a user's role")
    .action(async (name: string, role: string, _options: unknown, command: Command) => {
      const parsed = roleArg(role);
      await withStore(command, (store) => setRole(store.db, name, parsed));
      process.stderr.write(`user "${name}" is now ${parsed}\n`);
    });
}
