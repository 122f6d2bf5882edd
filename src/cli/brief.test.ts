/**
 * `phaseline brief`: the situation brief as Markdown, HTML, JSON or PDF, as of a day, for the
 * mediators, one party's delegates or everyone; the same day gives the same bytes, and no view holds
 * another audience's stance.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StanceCreate } from '../contract/index.ts';
import type { Principal } from '../core/index.ts';
import { cliDatabases, cliTestContext, withTestDatabase } from './test/monitoring.ts';
import { run } from './test/run.ts';

const ACTOR = { id: null, name: 'cli test set-up' };
const OPERATOR: Principal = { kind: 'user', userId: 'test', name: 'test', admin: true, memberships: [] };
const SECRETS = { hamas: 'HAMAS-ONLY-RESERVATION-CLI', mediators: 'MEDIATORS-ONLY-RESERVATION-CLI' };
const TEXT = '# Phase Two\n\n1. Funding shall come from [the donor conference].\n';

// Each run opens the database; on PGlite, on a busy machine, that takes seconds.
const SLOW = { timeout: 180_000 };

/** An agreement with Israel and Hamas, a document, and a reservation in Hamas's circle and one in the mediators' room. */
function briefAgreement(env: Record<string, string>) {
  return withTestDatabase(env, async (svc) => {
    const agreement = await svc.agreements.create(
      { slug: `brief-${randomUUID().slice(0, 8)}`, title: 'CLI brief test', summary: '', status: 'in_force', timeZone: 'Asia/Gaza', illustrative: false, public: false, sourceNote: '' },
      ACTOR,
    );
    const [israel, hamas] = [
      await svc.agreements.parties.create(agreement.slug, { name: 'Israel', localName: 'ישראל', role: 'belligerent', description: '' }, ACTOR),
      await svc.agreements.parties.create(agreement.slug, { name: 'Hamas', localName: 'حماس', role: 'belligerent', description: '' }, ACTOR),
    ];
    const doc = await svc.negotiation.create(agreement, { markdown: TEXT }, OPERATOR, ACTOR);
    const clause = doc.clauses[0]!;
    const say = (partyId: string, reservation: string, audience: 'party' | 'mediators') =>
      svc.negotiation.addStance(
        agreement,
        doc.id,
        clause.id,
        StanceCreate.parse({ groupKey: 'g0:the donor conference | ', alternative: 0, partyId, position: 'accept_with_reservation', reservation, reason: 'Stated', statedOn: '2026-06-18', audience }),
        OPERATOR,
        ACTOR,
      );
    await say(hamas.id, SECRETS.hamas, 'party');
    await say(israel.id, SECRETS.mediators, 'mediators');
    return { agreement, israel, hamas };
  });
}

describe.each(cliDatabases.slice(0, 1))('phaseline brief ($name)', (db) => {
  const ctx = cliTestContext(db);

  it('prints Markdown as the mediators by default, the same for the same day', SLOW, async () => {
    const { agreement } = await briefAgreement(ctx.env);
    const first = await run(['brief', agreement.slug, '--as-of', '2026-06-19'], ctx.env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^# Situation brief: CLI brief test\n\nAs of the end of 2026-06-19 \(Asia\/Gaza\) · the view of the mediators/);
    for (const title of ['## The Strategic Matrix', '## Negotiation state', '## Collapse risk', '## Sources']) expect(first.stdout).toContain(title);
    expect(first.stdout).toContain(SECRETS.hamas);
    expect(first.stdout).toContain(SECRETS.mediators);
    expect((await run(['brief', agreement.slug, '--as-of', '2026-06-19'], ctx.env)).stdout).toBe(first.stdout);
  });

  it("gives a party's delegates' view with --for and everyone's with --public, as JSON", SLOW, async () => {
    const { agreement, hamas } = await briefAgreement(ctx.env);
    const forHamas = await run(['brief', agreement.slug, '--for', 'hamas', '--format', 'json'], ctx.env);
    expect(forHamas.code).toBe(0);
    const view = JSON.parse(forHamas.stdout) as { audience: unknown; asOf: string };
    expect(view).toMatchObject({ audience: { kind: 'party', partyId: hamas.id, label: "Hamas's circle" }, asOf: '2026-06-20' });
    expect(forHamas.stdout).toContain(SECRETS.hamas);
    expect(forHamas.stdout).not.toContain(SECRETS.mediators);
    const forIsrael = await run(['brief', agreement.slug, '--for', 'Israel', '--format', 'html'], ctx.env);
    expect(forIsrael.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(forIsrael.stdout).toContain("the view of Israel&#39;s circle");
    expect(forIsrael.stdout).not.toContain(SECRETS.hamas);
    expect(forIsrael.stdout).not.toContain(SECRETS.mediators);
    const everyone = await run(['brief', agreement.slug, '--public'], ctx.env);
    expect(everyone.stdout).toContain('the view of everyone');
    expect(everyone.stdout).not.toMatch(/ONLY-RESERVATION/);
  });

  it('refuses a bad day, an unknown party, both views at once, and a PDF on a terminal', SLOW, async () => {
    const { agreement } = await briefAgreement(ctx.env);
    const cases: Array<[string[], RegExp]> = [
      [['--as-of', '2026-06-31'], /--as-of|asOf/],
      [['--as-of', '2026-06-21'], /asOf: must not be after today \(2026-06-20 in Asia\/Gaza\)/],
      [['--for', 'Qatar'], /No party "Qatar" in brief-[\w-]+: name one of (Israel, Hamas|Hamas, Israel)/],
      [['--for', 'Hamas', '--public'], /--for and --public/],
      [['--format', 'docx'], /--format: must be one of json, md, html, pdf/],
    ];
    for (const [args, message] of cases) {
      const res = await run(['brief', agreement.slug, ...args], ctx.env);
      expect(res.code, args.join(' ')).not.toBe(0);
      expect(res.stderr, args.join(' ')).toMatch(message);
    }
    const terminal = await run(['brief', agreement.slug, '--format', 'pdf'], ctx.env, { columns: 120, stdoutStream: new PassThrough() });
    expect(terminal.code).not.toBe(0);
    expect(terminal.stderr).toMatch(/a PDF is not written to a terminal: give --out <file>/);
  });

  // Chromium starts cold: it takes seconds, more on a busy machine.
  it('writes a PDF to --out, or its bytes to a pipe', { timeout: 240_000 }, async () => {
    const { agreement } = await briefAgreement(ctx.env);
    const out = join(ctx.folder(), 'brief.pdf');
    const res = await run(['brief', agreement.slug, '--format', 'pdf', '--as-of', '2026-06-19', '--out', out], ctx.env);
    expect(res.stderr).toBe('');
    expect(res.stdout).toMatch(new RegExp(`^Wrote the brief \\(${agreement.slug}-brief-2026-06-19-mediators\\.pdf\\) to .*brief\\.pdf \\([\\d,]+ bytes\\)\\.\\n$`));
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pipe = new PassThrough();
    const chunks: Buffer[] = [];
    pipe.on('data', (c: Buffer) => chunks.push(c));
    const piped = await run(['brief', agreement.slug, '--format', 'pdf'], ctx.env, { stdoutStream: pipe });
    expect(piped.code).toBe(0);
    expect(Buffer.concat(chunks).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });
});
