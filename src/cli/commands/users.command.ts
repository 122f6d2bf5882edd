/**
 * `phaseline users add|list|disable` and `phaseline tokens create|list|revoke`: accounts and API
 * tokens from the shell, e.g. the first administrator of a new installation.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { Email, Password } from '../../contract/index.ts';
import { services } from '../../server/app.ts';
import { generatePassword } from '../../server/auth/secrets.ts';
import { CLI_PRINCIPAL, cliActor, withDatabase, type CliIo } from '../context.ts';
import { parseOptions, UsageError } from '../options.ts';
import { addFormatOption, formatSchema, renderCsv, renderJson, renderTable } from '../output.ts';

const AddOptions = z.object({
  email: Email,
  name: z.string().trim().min(1, 'must not be empty').max(200),
  admin: z.boolean(),
  passwordStdin: z.boolean(),
});

/** Reads a password from standard input (one line), for scripts that must not put it in argv. */
async function readPassword(io: CliIo): Promise<string> {
  if (!io.stdin) throw new UsageError('--password-stdin: no standard input');
  const text = (await io.stdin()).replace(/\r?\n$/, '');
  const parsed = Password.safeParse(text);
  if (!parsed.success) throw new UsageError(`password from standard input: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

export function registerUsersCommand(program: Command, io: CliIo): void {
  const users = program.command('users').description('Accounts');

  users
    .command('add')
    .description('Create an account that can log in at once; prints a generated password unless --password-stdin')
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .requiredOption('--name <name>', 'display name')
    .option('--admin', 'make it an administrator (every right on every agreement)', false)
    .option('--password-stdin', 'read the password from standard input instead of generating one', false)
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(AddOptions, raw);
      const password = options.passwordStdin ? await readPassword(io) : generatePassword();
      const user = await withDatabase(io, (database) =>
        services(database, { clock: io.clock }).auth.createUser(
          { email: options.email, name: options.name, admin: options.admin, password },
          cliActor(),
        ),
      );
      io.stdout(`Created ${user.admin ? 'administrator' : 'user'} ${user.email} (${user.id}).\n`);
      if (!options.passwordStdin) io.stdout(`Password (shown this once): ${password}\n`);
    });

  addFormatOption(users.command('list').description('List accounts')).action(async (raw: Record<string, unknown>) => {
    const { format } = parseOptions(z.object({ format: formatSchema() }), raw);
    const list = await withDatabase(io, (database) => services(database, { clock: io.clock }).auth.listUsers());
    const rows = list.map((u) => [u.email, u.name, u.admin ? 'yes' : '', u.disabledAt ?? '', u.hasPassword ? 'yes' : 'invited', u.id]);
    const head = ['E-mail', 'Name', 'Admin', 'Disabled at', 'Password', 'Id'];
    if (format === 'json') io.stdout(renderJson(list));
    else if (format === 'csv') io.stdout(renderCsv(head, rows));
    else io.stdout(renderTable(head, rows));
  });

  users
    .command('disable')
    .description('Disable an account: it can no longer log in, and its sessions and tokens stop working')
    .argument('<email>', 'the account')
    .action(async (email: string) => {
      await withDatabase(io, async (database) => {
        const svc = services(database, { clock: io.clock });
        const user = await svc.auth.userByEmail(email);
        await svc.auth.updateUser(user.id, { version: user.version, disabled: true }, cliActor());
      });
      io.stdout(`Disabled ${email}.\n`);
    });

  const tokens = program.command('tokens').description('API tokens for scripts (Authorization: Bearer)');

  tokens
    .command('create')
    .description('Create an API token for an account; prints its secret once')
    .requiredOption('--user <email>', 'the account the token acts as')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--expires-in-days <n>', 'days until it expires (default: never)')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(
        z.object({
          user: Email,
          name: z.string().trim().min(1).max(100),
          expiresInDays: z.coerce.number().int().min(1).max(3650).optional(),
        }),
        raw,
      );
      const created = await withDatabase(io, async (database) => {
        const svc = services(database, { clock: io.clock });
        const user = await svc.auth.userByEmail(options.user);
        return svc.auth.createToken(user.id, { name: options.name, expiresInDays: options.expiresInDays ?? null }, cliActor());
      });
      io.stdout(`Created token ${created.id} for ${options.user}.\nToken (shown this once): ${created.token}\n`);
    });

  addFormatOption(tokens.command('list').description("An account's API tokens").requiredOption('--user <email>', 'the account')).action(
    async (raw: Record<string, unknown>) => {
      const { user: email, format } = parseOptions(z.object({ user: Email, format: formatSchema() }), raw);
      const list = await withDatabase(io, async (database) => {
        const svc = services(database, { clock: io.clock });
        const user = await svc.auth.userByEmail(email);
        return svc.auth.tokensOf(user.id);
      });
      const head = ['Id', 'Name', 'Created', 'Expires', 'Revoked', 'Last used'];
      const rows = list.map((t) => [t.id, t.name, t.createdAt, t.expiresAt ?? '', t.revokedAt ?? '', t.lastUsedAt ?? '']);
      if (format === 'json') io.stdout(renderJson(list));
      else if (format === 'csv') io.stdout(renderCsv(head, rows));
      else io.stdout(renderTable(head, rows));
    },
  );

  tokens
    .command('revoke')
    .description('Revoke an API token: it stops working at once')
    .argument('<id>', 'token id (see tokens list)')
    .action(async (id: string) => {
      const parsed = z.uuid().safeParse(id);
      if (!parsed.success) throw new UsageError(`token id: must be a UUID (got ${JSON.stringify(id)})`);
      await withDatabase(io, (database) =>
        services(database, { clock: io.clock }).auth.revokeToken(
          parsed.data,
          CLI_PRINCIPAL,
          cliActor(),
        ),
      );
      io.stdout(`Revoked token ${id}.\n`);
    });
}
