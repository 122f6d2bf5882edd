/**
 * The exports' layout without a database: clauses cut into plain and bracketed pieces (each run its
 * own piece, brackets kept, escapes and links plain), the direction of a clause, the HTML page
 * (everything escaped), file names, and finding Chromium.
 */
import { describe, expect, it } from 'vitest';
import { clausePieces, exportBlocks, exportFileName, headerLine, isRightToLeft, type ExportSource } from './export-layout.ts';
import { ChromiumMissingError, documentHtml, findChromium } from './export-pdf.ts';

const source = (markdown: string, extra: Partial<ExportSource> = {}): ExportSource => ({
  agreement: { title: 'Cairo <talks>', slug: 'cairo', timeZone: 'Africa/Cairo', illustrative: false },
  document: { id: 'd', title: 'Force annex', revision: 3 },
  revision: 3,
  markdown,
  generatedAt: new Date('2026-06-20T12:00:00Z'),
  ...extra,
});

describe('clause pieces', () => {
  it('makes each run of a group its own bracketed piece, the spaces between them plain', () => {
    expect(clausePieces('Deploy [within 30 days]  [within 60 days] now.')).toEqual([
      { kind: 'text', text: 'Deploy ' },
      { kind: 'bracketed', text: '[within 30 days]' },
      { kind: 'text', text: '  ' },
      { kind: 'bracketed', text: '[within 60 days]' },
      { kind: 'text', text: ' now.' },
    ]);
  });

  it('keeps a single run (text or nothing) as one piece, and an empty run', () => {
    expect(clausePieces('Funded by [donors].')).toEqual([
      { kind: 'text', text: 'Funded by ' },
      { kind: 'bracketed', text: '[donors]' },
      { kind: 'text', text: '.' },
    ]);
    expect(clausePieces('A [] [b]').filter((p) => p.kind === 'bracketed')).toEqual([
      { kind: 'bracketed', text: '[]' },
      { kind: 'bracketed', text: '[b]' },
    ]);
  });

  it('prints escaped brackets as brackets and leaves links plain', () => {
    expect(clausePieces('See \\[note\\] and the [annex](https://example.org).')).toEqual([
      { kind: 'text', text: 'See [note] and the [annex](https://example.org).' },
    ]);
    expect(clausePieces('[a \\] b]')).toEqual([{ kind: 'bracketed', text: '[a ] b]' }]);
  });
});

describe('direction', () => {
  it('follows the first letter', () => {
    expect(isRightToLeft('1. تلتزم الأطراف [بوقف] النار')).toBe(true);
    expect(isRightToLeft('הצדדים יפסיקו את האש')).toBe(true);
    expect(isRightToLeft('The parties (الأطراف) shall')).toBe(false);
    expect(isRightToLeft('2026 -- ...')).toBe(false);
  });
});

describe('blocks', () => {
  it('leaves out a first level-1 heading that repeats the title', () => {
    const blocks = exportBlocks(source('# Force annex\n\n## Mandate\n\n1. Text [a].\n'));
    expect(blocks.map((b) => b.kind)).toEqual(['heading', 'clause']);
    expect(exportBlocks(source('# Another title\n\nText.\n'))[0]).toEqual({ kind: 'heading', level: 1, title: 'Another title' });
  });
});

describe('the HTML page printed to PDF', () => {
  it('escapes every text, styles the brackets and sets each clause dir="auto"', () => {
    const html = documentHtml(source('## <img src=x onerror=alert(1)>\n\n1. Deploy [<script>alert(1)</script>] & go.\n2. تلتزم [بوقف].\n', {
      document: { id: 'd', title: 'Annex "A" <b>', revision: 3 },
    }));
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('<title>Annex &quot;A&quot; &lt;b&gt;</title>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<mark class="bracketed">[&lt;script&gt;alert(1)&lt;/script&gt;]</mark> &amp; go.');
    expect(html).toContain('<p class="clause item" dir="auto"><span class="label" dir="ltr">2.</span><span class="text">تلتزم <mark class="bracketed">[بوقف]</mark>.</span></p>');
    expect(html).toContain(`<header dir="auto">Cairo &lt;talks&gt; · revision 3 · Draft: text in brackets is not agreed</header>`);
    expect(html).toContain('exported 2026-06-20 15:00 (Africa/Cairo)');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('names a past revision in the header and the file name', () => {
    const past = source('Text.\n', { revision: 2 });
    expect(headerLine(past)).toBe('Cairo <talks> · revision 2 of 3 · Draft: text in brackets is not agreed');
    expect(exportFileName(past, 'pdf')).toBe('force-annex-r2.pdf');
    expect(exportFileName(source('x', { document: { id: 'd', title: 'ملحق', revision: 3 } }), 'docx')).toBe('document.docx');
  });
});

describe('finding Chromium', () => {
  it('takes CHROMIUM_PATH when set, and refuses one that does not exist', async () => {
    await expect(findChromium('/nonexistent/chromium', '/usr/bin')).rejects.toThrow(ChromiumMissingError);
    await expect(findChromium('/nonexistent/chromium', '/usr/bin')).rejects.toThrow(
      "PDF export needs Chromium: install Debian's `chromium` package or set CHROMIUM_PATH (CHROMIUM_PATH is /nonexistent/chromium, which is not an executable file)",
    );
  });
});
