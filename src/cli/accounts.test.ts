import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/index.ts';
import { services } from '../server/app.ts';
import { migratedDataDir, run } from './test/run.ts';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
function env() {
  const data = migratedDataDir();
  cleanups.push(data.remove);
  return { PHASELINE_DATA_DIR: data.dir };
}

describe('phaseline users', () => {
  it('adds an administrator with a generated password that logs in', async () => {
    const e = env();
    const added = await run(['users', 'add', '--admin', '--email', 'Chief@Example.org', '--name', 'Chief Mediator'], e);
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/Created administrator chief@example\.org/);
    const password = /Password \(shown this once\): (\S+)/.exec(added.stdout)![1]!;
    const database = await openDatabase({ dataDir: e.PHASELINE_DATA_DIR });
    try {
      const session = await services(database).auth.login('chief@example.org', password);
      expect(session.user).toMatchObject({ admin: true, name: 'Chief Mediator' });
    } finally {
      await database.close();
    }
  });

  it('reads the password from standard input when asked, and refuses a short one', async () => {
    const e = env();
    const short = await run(['users', 'add', '--email', 'a@example.org', '--name', 'A', '--password-stdin'], e, { stdin: async () => 'short\n' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 12 characters/);
    const ok = await run(['users', 'add', '--email', 'a@example.org', '--name', 'A', '--password-stdin'], e, {
      stdin: async () => 'a long enough password\n',
    });
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toMatch(/Password/);
  });

  it('lists and disables accounts, and refuses a second account with the same e-mail', async () => {
    const e = env();
    await run(['users', 'add', '--email', 'm@example.org', '--name', 'M'], e);
    expect((await run(['users', 'add', '--email', 'M@example.org', '--name', 'Again'], e)).code).toBe(1);
    const list = await run(['users', 'list', '--format', 'json'], e);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ email: 'm@example.org', disabledAt: null })]);
    expect((await run(['users', 'disable', 'm@example.org'], e)).code).toBe(0);
    const after = await run(['users', 'list', '--format', 'csv'], e);
    expect(after.stdout.split('\n')[1]).toMatch(/^m@example\.org,M,,20\d\d-/);
    const missing = await run(['users', 'disable', 'nobody@example.org'], e);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/User nobody@example\.org was not found/) });
  });

  it('refuses a bad e-mail as a usage error', async () => {
    const res = await run(['users', 'add', '--email', 'not-an-email', '--name', 'X'], env());
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/option --email/);
  });
});

describe('phaseline tokens', () => {
  it('creates a token that authenticates, lists it without its secret, and revokes it', async () => {
    const e = env();
    await run(['users', 'add', '--email', 'script@example.org', '--name', 'Script'], e);
    const created = await run(['tokens', 'create', '--user', 'script@example.org', '--name', 'nightly export'], e);
    expect(created.code).toBe(0);
    const token = /Token \(shown this once\): (plt_\S+)/.exec(created.stdout)![1]!;
    const id = /Created token ([0-9a-f-]{36})/.exec(created.stdout)![1]!;
    const listed = await run(['tokens', 'list', '--user', 'script@example.org', '--format', 'json'], e);
    expect(listed.stdout).toContain(id);
    expect(listed.stdout).not.toContain(token);

    const check = async () => {
      const database = await openDatabase({ dataDir: e.PHASELINE_DATA_DIR });
      try {
        return await services(database).auth.fromBearer(token);
      } finally {
        await database.close();
      }
    };
    expect(await check()).not.toBeNull();
    expect((await run(['tokens', 'revoke', id], e)).code).toBe(0);
    expect(await check()).toBeNull();
    expect((await run(['tokens', 'revoke', 'not-a-uuid'], e)).code).toBe(2);
  });
});

describe('phaseline audit verify', () => {
  it('passes on an intact log and names the first altered entry after tampering', async () => {
    const e = env();
    await run(['demo', 'load'], e);
    const ok = await run(['audit', 'verify'], e);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/Audit log intact: \d+ entries checked/);
    expect(ok.stdout).toMatch(/Last hash: [0-9a-f]{64}/);

    const database = await openDatabase({ dataDir: e.PHASELINE_DATA_DIR });
    try {
      await database.pglite!.transaction(async (tx) => {
        await tx.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only');
        await tx.query("UPDATE audit_events SET actor_name = 'someone else' WHERE seq = 4");
        await tx.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only');
      });
    } finally {
      await database.close();
    }
    const broken = await run(['audit', 'verify'], e);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken at entry 4: entry 4 was altered/);
  });
});

describe('phaseline demo load --accounts', () => {
  it('prints one account per role and per party once', async () => {
    const e = env();
    const first = await run(['demo', 'load', '--accounts'], e);
    expect(first.code).toBe(0);
    for (const email of ['admin@', 'mediator@', 'monitor@', 'viewer@', 'hamas-delegate@', 'israel-delegate@', 'egypt-delegate@', 'qatar-delegate@']) {
      expect(first.stdout).toContain(email);
    }
    const again = await run(['demo', 'load', '--accounts'], e);
    expect(again.stdout).toMatch(/demo accounts exist already/);
  });
});
