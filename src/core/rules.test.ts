import { describe, expect, it } from 'vitest';
import { pamScore } from './domain.ts';
import { checkWindow, isValidTimeZone } from './rules.ts';
import { isSlug, isUuid, slugify } from './slug.ts';

describe('slugs', () => {
  it('accepts lower-case hyphenated words only', () => {
    expect(isSlug('cairo-2026')).toBe(true);
    for (const bad of ['Cairo-2026', 'cairo--2026', '-cairo', 'cairo-', 'cairo 2026', '', 'a'.repeat(65), 'القاهرة']) {
      expect(isSlug(bad), bad).toBe(false);
    }
  });

  it('makes a slug from a title, and nothing from a title without Latin letters', () => {
    expect(slugify('Cairo Talks: Phase Two (June 2026)')).toBe('cairo-talks-phase-two-june-2026');
    expect(slugify('Genève Accord')).toBe('geneve-accord');
    expect(slugify('محادثات القاهرة')).toBe('');
  });

  it('tells ids from slugs', () => {
    expect(isUuid('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(isUuid('cairo-2026')).toBe(false);
  });
});

describe('rules', () => {
  it('refuses a window that ends before it starts', () => {
    expect(checkWindow('2026-06-10', '2026-06-01', ['plannedStart', 'plannedEnd'])).toEqual([
      { path: 'plannedEnd', message: 'must not be before plannedStart (2026-06-10)' },
    ]);
    expect(checkWindow('2026-06-01', '2026-06-01', ['a', 'b'])).toEqual([]);
    expect(checkWindow(null, '2026-06-01', ['a', 'b'])).toEqual([]);
  });

  it('knows IANA time zones', () => {
    expect(isValidTimeZone('Asia/Gaza')).toBe(true);
    expect(isValidTimeZone('Africa/Cairo')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });

  it('scores the PAM scale', () => {
    expect([pamScore('not_started'), pamScore('minimal'), pamScore('intermediate'), pamScore('full')]).toEqual([0, 1, 2, 3]);
    expect(pamScore('disputed')).toBeNull();
  });
});
