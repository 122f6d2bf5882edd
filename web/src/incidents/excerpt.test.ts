// A row of the list shows the start of a description, cut at a word, in any script.
import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt.ts';

describe('excerpt', () => {
  it('keeps a short text whole, its white space made single spaces', () => {
    expect(excerpt('Shelling  near\nthe junction ')).toBe('Shelling near the junction');
    expect(excerpt('x'.repeat(140))).toBe('x'.repeat(140));
  });

  it('cuts a long text at the end of a word, without trailing punctuation, and adds an ellipsis', () => {
    expect(excerpt('one two three four', 9)).toBe('one two…');
    expect(excerpt('one two, three four', 9)).toBe('one two…');
    // The word that ends exactly at the limit stays.
    expect(excerpt('one two three', 7)).toBe('one two…');
    const long = `${'word '.repeat(40)}end`;
    const cut = excerpt(long);
    expect(cut.endsWith('word…')).toBe(true);
    expect(Array.from(cut).length).toBeLessThanOrEqual(141);
  });

  it('cuts Arabic and Hebrew at a word too, and keeps a letter with its vowel signs', () => {
    expect(excerpt('قصف مدفعي على حي الشجاعية، شرق مدينة غزة', 26)).toBe('قصف مدفعي على حي الشجاعية…');
    expect(excerpt('ירי רקטות לעבר שדרות מצפון', 15)).toBe('ירי רקטות לעבר…');
    const vowelled = 'مَدْرَسَة'.repeat(3);
    const cut = excerpt(vowelled, 4);
    expect(cut).toBe('مَدْرَسَ…');
  });
});
