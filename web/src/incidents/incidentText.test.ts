// An unknown count reads "not known", never 0; a grade carries its meaning.
import { describe, expect, it } from 'vitest';
import { casualtiesText, countText, gradeCode, gradeMeaning, pointText, sizeText } from './incidentText.ts';

describe('casualties', () => {
  it('says "not known" for null and keeps a real zero', () => {
    expect(countText(null)).toBe('not known');
    expect(countText(0)).toBe('0');
    expect(casualtiesText(null, null)).toBe('killed not known, injured not known');
    expect(casualtiesText(0, 4)).toBe('0 killed, 4 injured');
    expect(casualtiesText(2, null)).toBe('2 killed, injured not known');
  });
});

describe('Admiralty grade', () => {
  it('writes the code and the meaning of both halves', () => {
    expect(gradeCode({ reliability: 'B', credibility: 2 })).toBe('B2');
    expect(gradeMeaning({ reliability: 'B', credibility: 2 })).toBe('Usually reliable (B); Probably true (2)');
    expect(gradeMeaning({ reliability: 'F', credibility: 6 })).toBe('Reliability cannot be judged (F); Truth cannot be judged (6)');
  });
});

describe('sizes and points', () => {
  it('writes sizes in binary units', () => {
    expect(sizeText(null)).toBe('');
    expect(sizeText(512)).toBe('512 B');
    expect(sizeText(2048)).toBe('2.0 KB');
    expect(sizeText(20 * 1_048_576)).toBe('20 MB');
  });

  it('writes a point with hemispheres, latitude first', () => {
    expect(pointText(34.45, 31.52)).toBe('31.5200° N, 34.4500° E');
    expect(pointText(-70.1, -33.4)).toBe('33.4000° S, 70.1000° W');
    expect(pointText(null, 31)).toBeNull();
  });
});
