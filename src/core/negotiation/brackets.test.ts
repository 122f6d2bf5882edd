import { describe, expect, it } from 'vitest';
import { BracketSyntaxError, bracketGroups, segments, settle, settleGroup, stripBrackets } from './brackets.ts';
import { DomainError, RuleViolationError } from '../errors.ts';

function syntaxError(run: () => unknown): BracketSyntaxError {
  try {
    run();
  } catch (error) {
    if (error instanceof BracketSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a BracketSyntaxError');
}

describe('bracket groups', () => {
  it('reads a text without brackets as having no group', () => {
    expect(bracketGroups('The parties shall cease all hostilities.')).toEqual([]);
  });

  it('reads a single run as the text or its omission', () => {
    const text = 'The force shall deploy [within 30 days] after signature.';
    const [group] = bracketGroups(text);
    expect(group).toEqual({
      key: 'g0:within 30 days | ',
      alternatives: ['within 30 days', ''],
      single: true,
      start: text.indexOf('['),
      end: text.indexOf(']') + 1,
    });
  });

  it('groups runs separated only by spaces or tabs, each run an alternative', () => {
    const text = 'Funded by [the donors] [the United Nations]\t[the parties equally].';
    const groups = bracketGroups(text);
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      alternatives: ['the donors', 'the United Nations', 'the parties equally'],
      single: false,
      key: 'g0:the donors | the United Nations | the parties equally',
      start: text.indexOf('['),
      end: text.lastIndexOf(']') + 1,
    });
    expect(bracketGroups('[a][b]')[0]?.alternatives).toEqual(['a', 'b']);
  });

  it('starts a new group after a newline or any other text between runs', () => {
    expect(bracketGroups('[a]\n[b]').map((g) => g.key)).toEqual(['g0:a | ', 'g0:b | ']);
    expect(bracketGroups('[a], [b]').map((g) => g.alternatives)).toEqual([
      ['a', ''],
      ['b', ''],
    ]);
  });

  it('counts duplicate groups in the key, so twins keep apart', () => {
    const groups = bracketGroups('[Egypt] [Qatar] shall chair; [Egypt] [Qatar] shall report; [x]; [Egypt] [Qatar] shall host.');
    expect(groups.map((g) => g.key)).toEqual(['g0:Egypt | Qatar', 'g1:Egypt | Qatar', 'g0:x | ', 'g2:Egypt | Qatar']);
    // a single run and a run beside an empty one offer the same alternatives: the same group, twice
    expect(bracketGroups('[a] and [a] []').map((g) => g.key)).toEqual(['g0:a | ', 'g1:a | ']);
  });

  it('keeps escaped brackets literal, and as written in alternatives', () => {
    expect(bracketGroups('A literal \\[1\\] note.')).toEqual([]);
    expect(bracketGroups('[see note \\[1\\]]')[0]?.alternatives).toEqual(['see note \\[1\\]', '']);
    expect(bracketGroups('\\\\[a]')[0]?.alternatives).toEqual(['a', '']);
  });

  it('does not read a link or an image as a bracket, also inside a run', () => {
    expect(bracketGroups('As set out in [Annex A](annex-a.md) and ![map](map.png).')).toEqual([]);
    expect(bracketGroups('See [the map (2026)](https://example.org/a_(b)) here.')).toEqual([]);
    const text = 'Forces withdraw [as in [Annex A](a.md)] [to the 1967 lines].';
    expect(bracketGroups(text)[0]?.alternatives).toEqual(['as in [Annex A](a.md)', 'to the 1967 lines']);
  });

  it('reads a bracket followed by a space and parentheses as a bracket, not a link', () => {
    expect(bracketGroups('[UN forces] (see Annex)')[0]?.alternatives).toEqual(['UN forces', '']);
  });

  it('ignores brackets in code spans', () => {
    expect(bracketGroups('Field `contributors[0]` and ``a]`b``.')).toEqual([]);
    expect(bracketGroups('An unclosed `tick [x]')[0]?.alternatives).toEqual(['x', '']);
  });

  it('reads Arabic and Hebrew text in brackets', () => {
    const text = 'تنسحب القوات [خلال ثلاثين يوماً] [خلال ستين يوماً] מן [האזור].';
    expect(bracketGroups(text).map((g) => g.alternatives)).toEqual([
      ['خلال ثلاثين يوماً', 'خلال ستين يوماً'],
      ['האזור', ''],
    ]);
  });

  it('lets a run span a soft line break', () => {
    expect(bracketGroups('[a long\nrun] [b]')[0]?.alternatives).toEqual(['a long\nrun', 'b']);
  });
});

describe('bracket errors', () => {
  it('names a nested bracket with its line and column and where the open one started', () => {
    const error = syntaxError(() => bracketGroups('The [force [of] parties].'));
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('bracket_syntax');
    expect(error.details).toEqual({ line: 1, column: 12 });
    expect(error.message).toMatch(/^line 1, column 12: .*nest.*opened at line 1, column 5/);
  });

  it('names a stray closing bracket', () => {
    const error = syntaxError(() => bracketGroups('Done] now'));
    expect(error.details).toEqual({ line: 1, column: 5 });
    expect(error.message).toMatch(/^line 1, column 5: a '\]' with no open bracket/);
  });

  it('names a bracket never closed by where it opens', () => {
    const error = syntaxError(() => bracketGroups('[a] and [b then'));
    expect(error.details).toEqual({ line: 1, column: 9 });
    expect(error.message).toMatch(/never closed/);
  });

  it('counts lines and columns from the origin, columns from 1 on later lines', () => {
    expect(syntaxError(() => bracketGroups('x ]', { line: 7, column: 4 })).details).toEqual({ line: 7, column: 6 });
    expect(syntaxError(() => bracketGroups('first line\n  and ]', { line: 7, column: 4 })).details).toEqual({ line: 8, column: 7 });
    expect(syntaxError(() => bracketGroups('[open\nstill [nested', { line: 3, column: 4 })).details).toEqual({ line: 4, column: 7 });
  });

  it('checks the link text: a link is no excuse for a stray bracket after it', () => {
    expect(syntaxError(() => bracketGroups('[a](b)]')).details).toEqual({ line: 1, column: 7 });
  });
});

describe('segments', () => {
  it('cuts the text into plain runs and groups, without empty text', () => {
    const text = '[Egypt] [Qatar] chairs the committee [until 2027].';
    const parts = segments(text);
    expect(parts.map((p) => (p.kind === 'text' ? p.text : p.group.key))).toEqual([
      'g0:Egypt | Qatar',
      ' chairs the committee ',
      'g0:until 2027 | ',
      '.',
    ]);
    expect(segments('plain')).toEqual([{ kind: 'text', text: 'plain' }]);
    expect(segments('')).toEqual([]);
  });
});

describe('stripBrackets', () => {
  it('reads each group as its first alternative', () => {
    expect(stripBrackets('Deploy [in 30 days] [in 60 days] with [heavy] arms.')).toBe('Deploy in 30 days with heavy arms.');
  });
});

describe('settleGroup', () => {
  const text = 'The force shall deploy [within 30 days] after signature.';
  const key = 'g0:within 30 days | ';

  it('keeps the text of a single run, without its brackets', () => {
    expect(settleGroup(text, key, 0)).toBe('The force shall deploy within 30 days after signature.');
  });

  it('removes an omitted run and the doubled space it leaves', () => {
    expect(settleGroup(text, key, 1)).toBe('The force shall deploy after signature.');
    expect(settleGroup('[Initially,] the force deploys.', 'g0:Initially, | ', 1)).toBe('the force deploys.');
    expect(settleGroup('The force deploys [at once].', 'g0:at once | ', 1)).toBe('The force deploys.');
    expect(settleGroup('The force deploys [at once]', 'g0:at once | ', 1)).toBe('The force deploys');
    expect(settleGroup('one\n[two] three', 'g0:two | ', 1)).toBe('one\nthree');
    expect(settleGroup('one [two]\nthree', 'g0:two | ', 1)).toBe('one\nthree');
    expect(settleGroup('the[-led] force', 'g0:-led | ', 1)).toBe('the force');
  });

  it('keeps the chosen run of a multi-run group, dropping the others and their spacing', () => {
    const multi = 'Funded by [the donors] [the United Nations] [nobody], from 2026.';
    const k = 'g0:the donors | the United Nations | nobody';
    expect(settleGroup(multi, k, 0)).toBe('Funded by the donors, from 2026.');
    expect(settleGroup(multi, k, 1)).toBe('Funded by the United Nations, from 2026.');
    expect(settleGroup(multi, k, 2)).toBe('Funded by nobody, from 2026.');
    expect(settleGroup('Deploy [heavy] [] arms.', 'g0:heavy | ', 1)).toBe('Deploy arms.');
  });

  it('keeps links and escapes of the chosen alternative as written', () => {
    expect(settleGroup('As in [[Annex A](a.md) \\[draft\\]].', 'g0:[Annex A](a.md) \\[draft\\] | ', 0)).toBe('As in [Annex A](a.md) \\[draft\\].');
  });

  it('leaves other groups in place and says how twins after the settled one are renamed', () => {
    const twins = '[a] [b] first; [x] then; [a] [b] second.';
    const result = settle(twins, 'g0:a | b', 1);
    expect(result.text).toBe('b first; [x] then; [a] [b] second.');
    expect(result.renamed).toEqual([{ from: 'g1:a | b', to: 'g0:a | b' }]);
    expect(settle(twins, 'g1:a | b', 0)).toEqual({ text: '[a] [b] first; [x] then; a second.', renamed: [] });
  });

  it('lists renamed twins in key order, so renaming them one by one never collides', () => {
    const three = '[a] one, [a] two, [a] three.';
    expect(settle(three, 'g0:a | ', 1)).toEqual({
      text: 'one, [a] two, [a] three.',
      renamed: [
        { from: 'g1:a | ', to: 'g0:a | ' },
        { from: 'g2:a | ', to: 'g1:a | ' },
      ],
    });
  });

  it('refuses an unknown group or alternative', () => {
    expect(() => settleGroup(text, 'g1:within 30 days | ', 0)).toThrow(RuleViolationError);
    expect(() => settleGroup(text, key, 2)).toThrow(/no alternative 2/);
    expect(() => settleGroup(text, key, -1)).toThrow(RuleViolationError);
    expect(() => settleGroup(text, key, 0.5)).toThrow(RuleViolationError);
  });
});
