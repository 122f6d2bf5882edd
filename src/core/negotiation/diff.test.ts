import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffStats, wordDiff, type DiffPart } from './diff.ts';

const join = (parts: DiffPart[], skip: DiffPart['op']) =>
  parts
    .filter((p) => p.op !== skip)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('marks replaced words, keeping the rest equal', () => {
    const parts = wordDiff('Deploy [within 30 days] [within 60 days].', 'Deploy within 30 days.');
    expect(join(parts, 'insert')).toBe('Deploy [within 30 days] [within 60 days].');
    expect(join(parts, 'delete')).toBe('Deploy within 30 days.');
    expect(parts[0]).toEqual({ op: 'equal', text: 'Deploy ' });
  });

  it('gives one equal part for the same text, and nothing for two empty ones', () => {
    expect(wordDiff('same text', 'same text')).toEqual([{ op: 'equal', text: 'same text' }]);
    expect(wordDiff('', '')).toEqual([]);
    expect(wordDiff('', 'new words')).toEqual([{ op: 'insert', text: 'new words' }]);
  });

  it('merges adjacent parts of the same op', () => {
    const parts = wordDiff('a b c', 'x y z');
    for (let i = 1; i < parts.length; i += 1) expect(parts[i]?.op).not.toBe(parts[i - 1]?.op);
  });

  it('diffs right-to-left text by words', () => {
    const parts = wordDiff('تنسحب القوات خلال ثلاثين يوماً', 'تنسحب القوات خلال ستين يوماً');
    expect(parts).toEqual([
      { op: 'equal', text: 'تنسحب القوات خلال ' },
      { op: 'delete', text: 'ثلاثين' },
      { op: 'insert', text: 'ستين' },
      { op: 'equal', text: ' يوماً' },
    ]);
  });

  it('always joins back into both texts (property)', () => {
    const text = fc.array(fc.constantFrom('force', 'shall', '[30 days]', ' ', '\n', 'القوات', ',', 'הכוחות'), { maxLength: 12 }).map((ws) => ws.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = wordDiff(before, after);
        expect(join(parts, 'insert')).toBe(before);
        expect(join(parts, 'delete')).toBe(after);
      }),
    );
  });
});

describe('diffStats', () => {
  it('counts inserted and deleted words', () => {
    expect(diffStats(wordDiff('The force shall deploy', 'The stabilization force may deploy now'))).toEqual({ inserted: 3, deleted: 1 });
    expect(diffStats([{ op: 'equal', text: 'all the same' }])).toEqual({ inserted: 0, deleted: 0 });
  });
});
