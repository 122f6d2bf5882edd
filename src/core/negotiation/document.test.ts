import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BracketSyntaxError, parseDocument, renderDocument, type Block, type BlockInput } from './brackets.ts';

/** Markdown with its layout kept but not its spacing: lines trimmed, one space after a label, runs of blank lines made one. */
function normalise(md: string): string {
  return md
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^([-*+]|\d+(?:\.\d+)*\.?)[ \t]+/, '$1 '))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Markdown "up to whitespace": also without blank lines. */
function words(md: string): string {
  return normalise(md).replace(/\n+/g, '\n');
}

const PHASE_TWO = `# Phase Two: arrangements for the stabilization force

Illustrative text. The parties agree as follows, [subject to the approval of their
governments].

## 1. Contributors

1. The force shall be composed of contingents from [Egypt, Qatar and Türkiye] [Egypt and Jordan]
   [states agreed by both parties].
2. Contributors shall be named [within 30 days] of signature.
2.1 A contributor may withdraw on 90 days' notice \\[Article 12\\].
2.2. No contributor shall be a party to the conflict.

## 2. Funding

- Funding as set out in [Annex B](annex-b.md) [shall] [may] be provided by the donors' conference.
- [The parties shall bear no cost.]
* Disbursement is reviewed
  every six months.
+ Audits follow ![the flow chart](flow.png).

## 3. Rules of engagement and authority

The force acts [under Chapter VII] [with the consent of both parties]; it shall not [detain]
[arrest] persons.

### 3.1 Text in the parties' languages

- تنسحب القوات [خلال ثلاثين يوماً] [خلال ستين يوماً] من خط الانتشار.
- הכוחות יפעלו [בתיאום עם הצדדים] בהתאם לנספח.
`;

describe('parseDocument', () => {
  it('reads headings, numbered and bulleted items and paragraphs, with their lines', () => {
    const { title, blocks } = parseDocument(PHASE_TWO);
    expect(title).toBe('Phase Two: arrangements for the stabilization force');
    const summary = blocks.map((b) => (b.kind === 'heading' ? `h${b.level}@${b.line}` : `${b.marker || '¶'}|${b.number}@${b.line}`));
    expect(summary).toEqual([
      'h1@1',
      '¶|null@3',
      'h2@6',
      '1.|1@8',
      '2.|2@10',
      '2.1|2.1@11',
      '2.2.|2.2@12',
      'h2@14',
      '-|null@16',
      '-|null@17',
      '*|null@18',
      '+|null@20',
      'h2@22',
      '¶|null@24',
      'h3@27',
      '-|null@29',
      '-|null@30',
    ]);
  });

  it('keeps a clause text as written: continuation lines joined with a newline, escapes and links in place', () => {
    const clauses = parseDocument(PHASE_TWO).blocks.filter((b): b is Extract<Block, { kind: 'clause' }> => b.kind === 'clause');
    expect(clauses[0]?.text).toBe('Illustrative text. The parties agree as follows, [subject to the approval of their\ngovernments].');
    expect(clauses[1]?.text).toBe('The force shall be composed of contingents from [Egypt, Qatar and Türkiye] [Egypt and Jordan]\n   [states agreed by both parties].');
    expect(clauses[3]?.text).toBe("A contributor may withdraw on 90 days' notice \\[Article 12\\].");
    expect(clauses[5]?.text).toBe("Funding as set out in [Annex B](annex-b.md) [shall] [may] be provided by the donors' conference.");
    expect(clauses[7]?.text).toBe('Disbursement is reviewed\n  every six months.');
    expect(clauses.at(-2)?.text).toBe('تنسحب القوات [خلال ثلاثين يوماً] [خلال ستين يوماً] من خط الانتشار.');
  });

  it('has no title without a level-1 heading, and no blocks for an empty text', () => {
    expect(parseDocument('## Annex\n\nText.').title).toBeNull();
    expect(parseDocument('')).toEqual({ title: null, blocks: [] });
    expect(parseDocument('\n\n  \n')).toEqual({ title: null, blocks: [] });
  });

  it('does not take a year, an emphasis or a hashtag for a label or a heading', () => {
    const { blocks } = parseDocument('2026 is the year.\n*Emphasis* here.\n#hashtag\n---');
    expect(blocks).toEqual([{ kind: 'clause', marker: '', number: null, text: '2026 is the year.\n*Emphasis* here.\n#hashtag\n---', line: 1 }]);
  });

  it('ends a clause at the next item or heading without a blank line, and drops trailing spaces', () => {
    const { blocks } = parseDocument('Intro   \n- one  \ncontinued\n# Head #\n1. two\r\n2. three');
    expect(blocks).toEqual([
      { kind: 'clause', marker: '', number: null, text: 'Intro', line: 1 },
      { kind: 'clause', marker: '-', number: null, text: 'one\ncontinued', line: 2 },
      { kind: 'heading', level: 1, title: 'Head', line: 4 },
      { kind: 'clause', marker: '1.', number: '1', text: 'two', line: 5 },
      { kind: 'clause', marker: '2.', number: '2', text: 'three', line: 6 },
    ]);
  });

  it('drops a byte-order mark, so the first heading stays a heading', () => {
    expect(parseDocument('\uFEFF# Annex\r\n\r\nText.').blocks[0]).toEqual({ kind: 'heading', level: 1, title: 'Annex', line: 1 });
  });

  it('reads nested items as clauses of their own', () => {
    const { blocks } = parseDocument('1. Parent\n   - child [a]\n   - other');
    expect(blocks.map((b) => b.kind === 'clause' && b.text)).toEqual(['Parent', 'child [a]', 'other']);
  });

  it('names a bad bracket by its line and column in the file, also past a marker and indentation', () => {
    const md = '# T\n\nFine [a].\n\n  2.3.  Bad ] here\n- also [open\n  still [nested]';
    let error: unknown;
    try {
      parseDocument(md);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BracketSyntaxError);
    const e = error as BracketSyntaxError;
    expect(e.message).toMatch(/^line 5, column 13: a '\]' with no open bracket/);
    expect(e.details).toMatchObject({ line: 5, column: 13 });
    expect(e.details.errors).toEqual([
      { line: 5, column: 13, message: expect.stringMatching(/^line 5, column 13/) },
      { line: 7, column: 9, message: expect.stringMatching(/^line 7, column 9: .*opened at line 6, column 8/) },
    ]);
  });

  it('names an unclosed bracket in a paragraph by where it opens, counting the paragraph indentation', () => {
    expect(() => parseDocument('Intro.\n\n   An [unclosed\nparagraph.\n\nNext.')).toThrow(/^line 3, column 7: a '\[' that is never closed/);
  });
});

describe('renderDocument', () => {
  it('gives back the imported text, whitespace aside', () => {
    expect(normalise(renderDocument(parseDocument(PHASE_TWO).blocks))).toBe(normalise(PHASE_TWO));
  });

  it('is stable: rendering what it rendered gives the same text exactly', () => {
    const once = renderDocument(parseDocument(PHASE_TWO).blocks);
    expect(renderDocument(parseDocument(once).blocks)).toBe(once);
  });

  it('writes stored blocks with blank lines between them, items line by line, a bare marker for an empty item', () => {
    const blocks: BlockInput[] = [
      { kind: 'heading', level: 2, title: 'Annex' },
      { kind: 'clause', marker: '1.', text: 'One [a].' },
      { kind: 'clause', marker: '', text: 'Para\nwrapped.' },
      { kind: 'clause', marker: '-', text: '' },
    ];
    expect(renderDocument(blocks)).toBe('## Annex\n\n1. One [a].\n\nPara\nwrapped.\n\n-\n');
    expect(renderDocument([{ kind: 'clause', marker: '1.', text: 'a' }, { kind: 'clause', marker: '-', text: 'b' }, { kind: 'clause', marker: '', text: 'c' }])).toBe('1. a\n- b\n\nc\n');
    expect(renderDocument([])).toBe('');
  });

  it('round-trips generated documents (property)', () => {
    const word = fc.constantFrom('force', 'القوات', 'הכוחות', 'shall', '30', 'days', '\\[x\\]', '[Annex](a.md)', '*not*', '2026');
    const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' '));
    const bracketed = fc.oneof(
      sentence,
      sentence.map((s) => `[${s}]`),
      fc.tuple(sentence, sentence).map(([a, b]) => `[${a}] [${b}]`),
    );
    const text = fc.array(bracketed, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(' '));
    const lines = fc.array(text, { minLength: 1, maxLength: 3 }).map((ls) => ls.join('\n'));
    const block = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 6 }), sentence).map(([level, title]) => `${'#'.repeat(level)} ${title}`),
      fc.tuple(fc.constantFrom('1.', '2.3', '2.3.', '-', '*', '+', ''), lines).map(([marker, t]) => (marker ? `${marker} ${t}` : t)),
    );
    fc.assert(
      fc.property(fc.array(block, { maxLength: 8 }), (blocks) => {
        const md = blocks.join('\n\n');
        expect(words(renderDocument(parseDocument(md).blocks))).toBe(words(md));
      }),
    );
  });
});
