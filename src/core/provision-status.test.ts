import { describe, expect, it } from 'vitest';
import {
  evidenceHref,
  evidenceIncidentIds,
  HIDDEN_INCIDENT_LABEL,
  incidentEvidenceLabel,
  isSourceGrade,
  patchChangesStatus,
  shownEvidence,
  SOURCE_GRADES,
  statusChangeIssues,
  statusHistoryCsv,
  type PublishedStatusChange,
  type StatusEvidence,
} from './provision-status.ts';

const INCIDENT = '3f1c6a52-9d7e-4c59-8f0e-1a2b3c4d5e6f';

describe('source grades', () => {
  it('are the 36 Admiralty grades A1 to F6', () => {
    expect(SOURCE_GRADES).toHaveLength(36);
    expect(SOURCE_GRADES[0]).toBe('A1');
    expect(SOURCE_GRADES.at(-1)).toBe('F6');
    expect(SOURCE_GRADES.every(isSourceGrade)).toBe(true);
    for (const bad of ['G1', 'A7', 'a1', 'A10', '', 'B 2']) expect(isSourceGrade(bad)).toBe(false);
  });
});

describe('a change of status', () => {
  it('needs a reason that is not blank', () => {
    expect(statusChangeIssues({ from: 'minimal', to: 'full', reason: 'Monitors confirmed the release' })).toEqual([]);
    for (const reason of ['', '   \n', null, undefined]) {
      expect(statusChangeIssues({ from: 'minimal', to: 'full', reason })).toEqual([{ path: 'reason', message: 'is required when the status changes: say why' }]);
    }
  });

  it('must change the status, and names the fields it is given', () => {
    const paths = { status: 'status', reason: 'body.statusReason' };
    expect(statusChangeIssues({ from: 'full', to: 'full', reason: 'again' }, paths)).toEqual([{ path: 'status', message: 'is already "full": a change of status must change it' }]);
    expect(statusChangeIssues({ from: 'full', to: 'disputed', reason: ' ' }, paths)[0]!.path).toBe('body.statusReason');
  });

  it('is what a PATCH makes only when it sends another status', () => {
    expect(patchChangesStatus('minimal', undefined)).toBe(false);
    expect(patchChangesStatus('minimal', 'minimal')).toBe(false);
    expect(patchChangesStatus('minimal', 'disputed')).toBe(true);
  });
});

describe('evidence', () => {
  const evidence: StatusEvidence[] = [
    { kind: 'incident', incidentId: INCIDENT, label: 'Shelling at Rafah, 2026-06-19' },
    { kind: 'url', url: 'https://example.org/report 7.pdf', label: 'Monitoring report 7' },
  ];

  it('labels an incident by its category, place and day in the agreement’s zone', () => {
    // 21:30 UTC on the 19th is already the 20th in Gaza (UTC+3 in June).
    expect(incidentEvidenceLabel({ category: 'shelling', place: ' رفح ', occurredAt: '2026-06-19T21:30:00Z' }, 'Asia/Gaza')).toBe('Shelling at رفح, 2026-06-20');
    expect(incidentEvidenceLabel({ category: 'other', place: '', occurredAt: '2026-06-19T21:30:00Z' }, 'UTC')).toBe('Other, 2026-06-19');
  });

  it('hides an incident’s id and label from those who may not read incidents', () => {
    expect(shownEvidence(evidence, true)).toEqual(evidence);
    expect(shownEvidence(evidence, false)).toEqual([{ kind: 'incident', incidentId: null, label: HIDDEN_INCIDENT_LABEL }, evidence[1]]);
  });

  it('leads to the incident’s page or the address, with spaces escaped', () => {
    expect(evidenceHref(evidence[0]!, 'cairo-2026')).toBe(`/agreements/cairo-2026/incidents/${INCIDENT}`);
    expect(evidenceHref(evidence[0]!, 'cairo-2026', 'https://phaseline.example')).toBe(`https://phaseline.example/agreements/cairo-2026/incidents/${INCIDENT}`);
    expect(evidenceHref(evidence[1]!, 'cairo-2026')).toBe('https://example.org/report%207.pdf');
    expect(evidenceHref({ kind: 'incident', incidentId: null, label: HIDDEN_INCIDENT_LABEL }, 'cairo-2026')).toBeNull();
  });

  it('names each incident once', () => {
    expect(evidenceIncidentIds([...evidence, evidence[0]!, { kind: 'url', url: 'https://x.example' }])).toEqual([INCIDENT]);
  });
});

describe('the history as CSV', () => {
  const change = (seq: number, overrides: Partial<PublishedStatusChange> = {}): PublishedStatusChange => ({
    seq,
    from: seq === 1 ? null : 'minimal',
    to: seq === 1 ? 'minimal' : 'full',
    reason: seq === 1 ? 'Added with this status' : 'Released, as the ICRC confirmed',
    source: '',
    sourceGrade: null,
    evidence: [],
    actorName: 'Mediator',
    at: `2026-06-1${seq}T09:00:00.000Z`,
    ...overrides,
  });

  it('lists the changes oldest first under its header, CRLF lines, quoting what needs it', () => {
    const csv = statusHistoryCsv(
      [
        change(2, {
          source: 'ICRC, "weekly" note',
          sourceGrade: 'B2',
          evidence: [
            { kind: 'incident', incidentId: INCIDENT, label: 'x' },
            { kind: 'url', url: 'https://icrc.example/n', label: 'note' },
            { kind: 'incident', incidentId: null, label: HIDDEN_INCIDENT_LABEL },
          ],
        }),
        change(1),
      ],
      'cairo-2026',
    );
    expect(csv.split('\r\n')).toEqual([
      'seq,at,from,to,reason,source,grade,evidence,actor',
      '1,2026-06-11T09:00:00.000Z,,minimal,Added with this status,,,,Mediator',
      `2,2026-06-12T09:00:00.000Z,minimal,full,"Released, as the ICRC confirmed","ICRC, ""weekly"" note",B2,/agreements/cairo-2026/incidents/${INCIDENT} https://icrc.example/n,Mediator`,
      '',
    ]);
  });

  it('keeps text a spreadsheet would run as a formula as text, and line breaks inside their field', () => {
    const csv = statusHistoryCsv([change(1, { reason: '=HYPERLINK("x")', source: '+972 report', actorName: '@someone' }), change(2, { reason: 'two\nlines' })], 'a');
    const [, first, second] = csv.split('\r\n');
    expect(first).toBe(`1,2026-06-11T09:00:00.000Z,,minimal,"'=HYPERLINK(""x"")",'+972 report,,,'@someone`);
    expect(second).toBe('2,2026-06-12T09:00:00.000Z,minimal,full,"two\nlines",,,,Mediator');
  });

  it('is a header alone when there is nothing', () => {
    expect(statusHistoryCsv([], 'a')).toBe('seq,at,from,to,reason,source,grade,evidence,actor\r\n');
  });
});
