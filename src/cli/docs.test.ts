/**
 * `phaseline docs import|list|status|diff|export`: the demo's Phase Two text imported and exported
 * back (the same text, whitespace aside), a bad bracket refused with its line and column and nothing
 * written, the status with every stance and who blocks, word diffs after an edit, and DOCX and PDF
 * files that hold the text with its brackets marked.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { cliDatabases, cliTestContext, countsOf, withTestDatabase } from './test/monitoring.ts';
import { run } from './test/run.ts';

const PHASE_TWO = readFileSync(join(import.meta.dirname, '../server/demo/data/phase-two-text.md'), 'utf8');
const PHASE_TWO_TITLE = 'Phase Two: structural text (illustrative draft)';
const FORCE = 'g0:neutral States acceptable to both parties | States nominated by the mediators';
const ACTOR = { id: null, name: 'cli test set-up' };
const OPERATOR = { kind: 'user' as const, userId: 'test', name: 'test', admin: true, memberships: [] };

// Each run opens the database; on PGlite, on a busy machine, that takes seconds.
const SLOW = { timeout: 180_000 };

/** A new agreement in Asia/Gaza with Israel and Hamas as belligerents. */
function docsAgreement(env: Record<string, string>) {
  return withTestDatabase(env, async (svc) => {
    const agreement = await svc.agreements.create(
      { slug: `docs-${randomUUID().slice(0, 8)}`, title: 'CLI docs test', summary: '', status: 'drafting', timeZone: 'Asia/Gaza', illustrative: false, public: false, sourceNote: '' },
      ACTOR,
    );
    for (const name of ['Israel', 'Hamas']) await svc.agreements.parties.create(agreement.slug, { name, localName: '', role: 'belligerent', description: '' }, ACTOR);
    return agreement;
  });
}

/** Whitespace aside: runs of spaces and blank lines count as one space. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Summary {
  id: string;
  title: string;
  clauseCount: number;
  revision: number;
  deadline: string | null;
  consensus: { clauses: number; agreed: number; blocked: number; agreedShare: number };
}
interface Status {
  id: string;
  agreedShare: number;
  consensus: Summary['consensus'];
  clauses: Array<{
    id: string;
    number: string | null;
    status: string;
    groups: Array<{
      key: string;
      status: string;
      alternatives: Array<{ index: number; text: string; stances: Array<{ party: string; position: string; audience: string; reservation: string }> }>;
      blockers: Array<{ party: string; alternative: number }>;
    }>;
  }>;
}

describe.each(cliDatabases)('phaseline docs on $name', (db) => {
  const context = cliTestContext(db);
  const { env } = context;

  async function imported(markdown = PHASE_TWO, ...more: string[]) {
    const agreement = await docsAgreement(env);
    const path = context.file('text.md', markdown);
    const result = await run(['docs', 'import', path, '--agreement', agreement.slug, '--format', 'json', ...more], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return { agreement, path, doc: JSON.parse(result.stdout) as Summary };
  }
  const docsArgs = (command: string, doc: Summary, slug: string, ...more: string[]) => ['docs', command, doc.id, '--agreement', slug, ...more];

  it('imports the Phase Two text: its id, title and clause count', SLOW, async () => {
    const agreement = await docsAgreement(env);
    const path = context.file('phase-two.md', PHASE_TWO);
    const result = await run(['docs', 'import', path, '--agreement', agreement.slug, '--deadline', '2026-07-01T12:00:00+03:00'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Imported ${path} into ${agreement.slug}: document [0-9a-f-]{36}, "${PHASE_TWO_TITLE.replace(/[()]/g, '\\$&')}", 11 clauses\\.\\n$`));

    const list = await run(['docs', 'list', '--agreement', agreement.slug, '--format', 'json'], env);
    const { items } = JSON.parse(list.stdout) as { items: Summary[] };
    expect(items).toEqual([
      expect.objectContaining({ title: PHASE_TWO_TITLE, clauseCount: 11, revision: 1, deadline: '2026-07-01T09:00:00.000Z', consensus: expect.objectContaining({ clauses: 11, agreed: 4 }) }),
    ]);
    // The deadline on the agreement's clocks (Asia/Gaza is UTC+3 in summer).
    const table = await run(['docs', 'list', '--agreement', agreement.slug], env);
    expect(table.stdout).toContain('Deadline (Asia/Gaza)');
    expect(table.stdout).toContain('2026-07-01 12:00');
    expect(table.stdout).toContain('4 (36%)');
    expect(table.stdout).toMatch(/1 documents\n$/);
    const csv = await run(['docs', 'list', '--agreement', agreement.slug, '--format', 'csv'], env);
    expect(csv.stdout.split('\n')[0]).toBe('id,title,clauses,agreed,blocked,converging,open,agreed_share,deadline,revision');
    expect(csv.stdout).toContain(`${items[0]!.id},${PHASE_TWO_TITLE},11,4,0,0,7,`);
  });

  it('refuses a bad bracket with the file, line and column, and writes nothing', SLOW, async () => {
    const agreement = await docsAgreement(env);
    const before = await countsOf(env, agreement.id);
    const path = context.file('bad.md', '# Annex\n\n1. Fine [text].\n2. The force shall [deploy [within] days.\n');
    const result = await run(['docs', 'import', path, '--agreement', agreement.slug], env);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`phaseline: ${path}: line 4, column 28: a '[' inside a bracket that is still open; brackets do not nest (opened at line 4, column 20)\n`);
    expect(await countsOf(env, agreement.id)).toEqual(before);
    const list = await run(['docs', 'list', '--agreement', agreement.slug, '--format', 'json'], env);
    expect(JSON.parse(list.stdout)).toEqual({ items: [] });
  });

  it("prints each clause's groups, every stance (the CLI is the operator) and who blocks", SLOW, async () => {
    const { agreement, doc } = await imported();
    await withTestDatabase(env, async (svc) => {
      const parties = new Map((await svc.agreements.parties.list(agreement.id)).map((p) => [p.name, p.id]));
      const view = await svc.negotiation.view(agreement, doc.id, OPERATOR);
      const clause8 = view.clauses.find((c) => c.number === '8')!;
      const stance = (party: string, alternative: number, position: 'accept' | 'reject' | 'accept_with_reservation', audience: 'all' | 'party', reservation = '') =>
        svc.negotiation.addStance(
          agreement,
          doc.id,
          clause8.id,
          { groupKey: FORCE, alternative, partyId: parties.get(party)!, position, reservation, reason: 'Stated in the room', statedOn: '2026-06-18', audience },
          OPERATOR,
          ACTOR,
        );
      await stance('Israel', 0, 'reject', 'party');
      await stance('Hamas', 1, 'reject', 'all');
      await stance('Hamas', 0, 'accept_with_reservation', 'all', 'Egypt among them');
    });
    const result = await run(docsArgs('status', doc, agreement.slug, '--format', 'json'), env);
    expect(result.stderr).toBe('');
    const status = JSON.parse(result.stdout) as Status;
    expect(status.id).toBe(doc.id);
    expect(status.agreedShare).toBeCloseTo(4 / 11);
    expect(status.clauses).toHaveLength(11);
    const clause8 = status.clauses.find((c) => c.number === '8')!;
    expect(clause8.status).toBe('blocked');
    expect(clause8.groups).toEqual([
      {
        key: FORCE,
        status: 'blocked',
        agreedAlternative: null,
        alternatives: [
          {
            index: 0,
            text: 'neutral States acceptable to both parties',
            // By party name.
            stances: [
              expect.objectContaining({ party: 'Hamas', position: 'accept_with_reservation', reservation: 'Egypt among them', audience: 'all' }),
              // A stance for its party's circle only: the operator sees it.
              expect.objectContaining({ party: 'Israel', position: 'reject', audience: 'party' }),
            ],
          },
          { index: 1, text: 'States nominated by the mediators', stances: [expect.objectContaining({ party: 'Hamas', position: 'reject' })] },
        ],
        blockers: [
          { partyId: expect.any(String), party: 'Israel', alternative: 0 },
          { partyId: expect.any(String), party: 'Hamas', alternative: 1 },
        ],
      },
    ]);
    expect(status.clauses.find((c) => c.number === '3')).toMatchObject({ status: 'agreed', groups: [] });

    const table = await run(docsArgs('status', doc, agreement.slug), env);
    expect(table.stdout).toContain('Israel rejects');
    expect(table.stdout).toContain('Hamas accepts with reservation (Egypt among them)');
    expect(table.stdout).toMatch(/Agreed: 4 of 11 clauses \(36%\); blocked 1, converging 0, open 6\n$/);
  });

  it('diffs two versions of a clause and two revisions of the document, word by word', SLOW, async () => {
    const { agreement, doc } = await imported();
    await withTestDatabase(env, async (svc) => {
      const clause = (await svc.negotiation.view(agreement, doc.id, OPERATOR)).clauses.find((c) => c.number === '6')!;
      await svc.negotiation.updateClause(
        agreement,
        doc.id,
        clause.id,
        { version: clause.version, text: 'Foreign forces shall complete their withdrawal from the sectors listed in Annex B.', reason: 'Annex B replaces Annex A' },
        OPERATOR,
        ACTOR,
      );
    });
    const text = await run(docsArgs('diff', doc, agreement.slug, '--clause', '6'), env);
    expect(text.stderr).toBe('');
    expect(text.stdout).toBe('clause 6, version 1 -> 2\nForeign forces shall complete their withdrawal from the [-core -]sectors listed in Annex [-A-]{+B+}.\n');
    const json = await run(docsArgs('diff', doc, agreement.slug, '--clause', '6', '--from', '1', '--to', '2', '--format', 'json'), env);
    const parsed = JSON.parse(json.stdout) as { from: number; to: number; clause: { number: string }; parts: Array<{ op: string; text: string }> };
    expect(parsed).toMatchObject({ from: 1, to: 2, clause: { number: '6' } });
    expect(parsed.parts.filter((p) => p.op !== 'equal')).toEqual([
      { op: 'delete', text: 'core ' },
      { op: 'delete', text: 'A' },
      { op: 'insert', text: 'B' },
    ]);
    const whole = await run(docsArgs('diff', doc, agreement.slug), env);
    expect(whole.stdout).toMatch(/^document .+, revision 1 -> 2\n/);
    expect(whole.stdout).toContain('Annex [-A-]{+B+}.');

    const unknown = await run(docsArgs('diff', doc, agreement.slug, '--clause', '99'), env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Clause 99 was not found');

    // The revision before the edit still exports as imported.
    const past = await run(docsArgs('export', doc, agreement.slug, '--format', 'md', '--revision', '1'), env);
    expect(words(past.stdout)).toBe(words(PHASE_TWO));
  });

  it('exports to Markdown the text it imported, whitespace aside, on standard output or to a file', SLOW, async () => {
    const { agreement, doc } = await imported();
    const result = await run(docsArgs('export', doc, agreement.slug, '--format', 'md'), env);
    expect(result.stderr).toBe('');
    expect(words(result.stdout)).toBe(words(PHASE_TWO));
    const out = join(context.folder(), 'phase-two.md');
    const written = await run(docsArgs('export', doc, agreement.slug, '--format', 'md', '--out', out), env);
    expect(written.stdout).toMatch(new RegExp(`^Exported document ${doc.id} \\(revision 1\\) as md to ${out} \\(\\d[\\d,]* bytes\\)\\.\\n$`));
    expect(readFileSync(out, 'utf8')).toBe(result.stdout);
  });

  it("finds a document's agreement from its id alone, and refuses an agreement it does not belong to", SLOW, async () => {
    const { doc } = await imported();
    const alone = await run(['docs', 'export', doc.id, '--format', 'md'], env);
    expect(alone.stderr).toBe('');
    expect(words(alone.stdout)).toBe(words(PHASE_TWO));
    const status = await run(['docs', 'status', doc.id, '--format', 'json'], env);
    expect(status.code).toBe(0);
    expect((JSON.parse(status.stdout) as Status).id).toBe(doc.id);
    const other = await docsAgreement(env);
    const elsewhere = await run(['docs', 'status', doc.id, '--agreement', other.slug], env);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toMatch(/^phaseline: Document .* was not found/);
    for (const id of [randomUUID(), 'not-a-document-id']) {
      const missing = await run(['docs', 'diff', id], env);
      expect(missing.code, missing.stderr).toBeGreaterThan(0);
      expect(missing.stderr).toMatch(/^phaseline: /);
      expect(missing.stderr).not.toMatch(/uuid|syntax/i);
    }
  });
});

describe('phaseline docs export as DOCX and PDF', () => {
  const context = cliTestContext(cliDatabases[0]!);
  const { env } = context;
  const ARABIC = 'تلتزم الأطراف [بوقف شامل] لإطلاق النار.';
  const MARKDOWN = ['# Force annex', '', '## Mandate', '', `1. The force shall deploy [within 30 days] [within 60 days].`, `2. ${ARABIC}`, '', 'Plain <b>text</b> & more.', ''].join('\n');

  async function annex() {
    const agreement = await docsAgreement(env);
    const path = context.file('annex.md', MARKDOWN);
    const result = await run(['docs', 'import', path, '--agreement', agreement.slug, '--format', 'json'], env);
    expect(result.code).toBe(0);
    return { agreement, doc: JSON.parse(result.stdout) as Summary };
  }

  it('writes a Word file: title, headings, numbered clauses, bracketed runs marked, Arabic right to left, the draft header', SLOW, async () => {
    const { agreement, doc } = await annex();
    const out = join(context.folder(), 'annex.docx');
    const result = await run(['docs', 'export', doc.id, '--agreement', agreement.slug, '--format', 'docx', '--out', out], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const files = unzipSync(new Uint8Array(readFileSync(out)));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toContain('Force annex');
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain('The force shall deploy ');
    // Each run keeps its brackets, in the "Bracketed text" character style, highlighted.
    for (const run of ['[within 30 days]', '[within 60 days]', '[بوقف شامل]']) {
      expect(xml).toMatch(new RegExp(`<w:r><w:rPr><w:rStyle w:val="BracketedText"/>(?:(?!</w:rPr>).)*<w:highlight w:val="yellow"/>(?:(?!</w:r>).)*<w:t xml:space="preserve">${run.replace(/[[\]]/g, '\\$&')}</w:t>`));
    }
    expect(strFromU8(files['word/styles.xml']!)).toMatch(/<w:style w:type="character" w:styleId="BracketedText"[^>]*>(?:(?!<\/w:style>).)*<w:name w:val="Bracketed text"\/>/);
    // The Arabic clause is a right-to-left paragraph; the English ones are not.
    const paragraphs = xml.split('<w:p>').slice(1);
    expect(paragraphs.find((p) => p.includes('تلتزم'))).toContain('<w:bidi/>');
    expect(paragraphs.find((p) => p.includes('The force shall deploy'))).not.toContain('<w:bidi/>');
    expect(xml).toContain('Plain &lt;b&gt;text&lt;/b&gt; &amp; more.');
    expect(strFromU8(files['word/header1.xml']!)).toContain(`${agreement.title} · revision 1 · Draft: text in brackets is not agreed`);
  });

  // Chromium starts cold: it takes seconds, more on a busy machine.
  it('prints a PDF with Chromium', SLOW, async () => {
    const { agreement, doc } = await annex();
    const out = join(context.folder(), 'annex.pdf');
    const result = await run(['docs', 'export', doc.id, '--agreement', agreement.slug, '--format', 'pdf', '--out', out], { ...env, PATH: process.env.PATH ?? '' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('says what to install when there is no Chromium, and writes no file', SLOW, async () => {
    const { agreement, doc } = await annex();
    const out = join(context.folder(), 'annex.pdf');
    const result = await run(['docs', 'export', doc.id, '--agreement', agreement.slug, '--format', 'pdf', '--out', out], { ...env, CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "phaseline: PDF export needs Chromium: install Debian's `chromium` package or set CHROMIUM_PATH (CHROMIUM_PATH is /nonexistent/chromium, which is not an executable file)\n",
    );
    expect(existsSync(out)).toBe(false);
  });

  it('writes binary formats only to a file', SLOW, async () => {
    const { agreement, doc } = await annex();
    const result = await run(['docs', 'export', doc.id, '--agreement', agreement.slug, '--format', 'docx'], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('phaseline: option --out: --format docx writes a binary file: give --out <file>\n');
  });
});
