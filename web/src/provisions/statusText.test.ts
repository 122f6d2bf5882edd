import { describe, expect, it } from 'vitest';
import { GRADE_OPTIONS, gradeText, sourceText, statusChangeBody, statusOptions, withEvidence, type EvidenceDraft } from './statusText.ts';

const INCIDENT = '3f1c6a52-9d7e-4c59-8f0e-1a2b3c4d5e6f';

describe('grades and sources in words', () => {
  it('writes a grade out, and offers none or A1 to F6', () => {
    expect(gradeText('B2')).toBe('B2 · usually reliable, probably true');
    expect(gradeText('F6')).toBe('F6 · reliability cannot be judged, truth cannot be judged');
    expect(gradeText('Z9')).toBe('Z9');
    expect(GRADE_OPTIONS).toHaveLength(37);
    expect(GRADE_OPTIONS[0]).toEqual({ value: '', label: 'Not graded' });
  });

  it('names the source with its grade, or says there was none', () => {
    expect(sourceText({ source: 'ICRC', sourceGrade: 'A1' })).toBe('ICRC · A1 · completely reliable, confirmed by other sources');
    expect(sourceText({ source: '  ', sourceGrade: null })).toBe('No source given');
    expect(sourceText({ source: '', sourceGrade: 'C3' })).toBe('C3 · fairly reliable, possibly true');
  });

  it('offers every status but the current one', () => {
    expect(statusOptions('minimal').map((o) => o.value)).toEqual(['not_started', 'intermediate', 'full', 'disputed']);
  });
});

describe('the status form’s body', () => {
  const evidence: EvidenceDraft[] = [
    { kind: 'incident', incidentId: INCIDENT, label: 'Detention at Khan Younis, 2026-06-19' },
    { kind: 'url', url: 'https://icrc.example/7', label: 'ICRC note 7' },
  ];

  it('asks for the new status before anything is sent', () => {
    expect(statusChangeBody({ status: '', reason: '', source: '', grade: '', evidence: [] }, 3)).toEqual({
      ok: false,
      issues: [
        { path: 'status', message: 'Choose the status the provision moves to.' },
        { path: 'reason', message: 'Say why the status changes: the reason is kept in the history for everyone who reads it.' },
      ],
    });
  });

  it('asks for a reason before anything is sent', () => {
    expect(statusChangeBody({ status: 'full', reason: ' \n', source: '', grade: '', evidence: [] }, 3)).toEqual({
      ok: false,
      issues: [{ path: 'reason', message: 'Say why the status changes: the reason is kept in the history for everyone who reads it.' }],
    });
  });

  it('sends the status, the trimmed reason and source, the grade or null, incidents by id and links with their labels', () => {
    expect(statusChangeBody({ status: 'full', reason: ' All released ', source: ' ICRC ', grade: 'B2', evidence }, 3)).toEqual({
      ok: true,
      body: {
        status: 'full',
        reason: 'All released',
        source: 'ICRC',
        sourceGrade: 'B2',
        evidence: [
          { kind: 'incident', incidentId: INCIDENT },
          { kind: 'url', url: 'https://icrc.example/7', label: 'ICRC note 7' },
        ],
        version: 3,
      },
    });
    expect(statusChangeBody({ status: 'full', reason: 'r', source: '', grade: '', evidence: [] }, 1)).toMatchObject({ ok: true, body: { sourceGrade: null, evidence: [] } });
  });

  it('lists an evidence item once', () => {
    expect(withEvidence(evidence, { kind: 'url', url: 'https://icrc.example/7', label: 'again' })).toEqual(evidence);
    expect(withEvidence(evidence, { kind: 'url', url: 'https://icrc.example/8', label: '' })).toHaveLength(3);
  });
});
