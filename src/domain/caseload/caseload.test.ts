import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../clinical-rules';
import { DATES, IDS, INDEX_DATE, summaryAt } from '../testing/reference-case';
import { caseloadCounts, caseloadRows, type CaseloadRecord } from './caseload';

/** The reference case's HAMD-17 (Table 1) up to time point `upTo` (0 = baseline). */
function referencePatient(id: string, code: string, upTo: number, interval?: number) {
  const points = IDS.slice(0, upTo + 1).map((visitId, t) => ({ visitId, t }));
  return {
    patient: { id, code, ...(interval === undefined ? {} : { expectedIntervalDays: interval }) },
    indexDate: INDEX_DATE,
    visits: points.map(({ visitId, t }) => ({ id: `${id}-${visitId}`, date: DATES[t] ?? '' })),
    assessments: points.map(({ visitId, t }) => ({
      id: `${id}-${visitId}-hamd`,
      visitId: `${id}-${visitId}`,
      scaleId: 'HAMD-17' as const,
      entry: summaryAt('HAMD-17', t),
    })),
    draftDate: null,
  } satisfies CaseloadRecord;
}

describe('caseloadRows', () => {
  // Table 1 dates: 2023-11-24, 2023-12-07, -14, -21, -28. Today 2024-01-02.
  const today = '2024-01-02';
  const records: CaseloadRecord[] = [
    referencePatient('a', 'DEZ-004', 4), // last 12-28, weekly: due 01-04, in 2 days
    referencePatient('b', 'DEZ-003', 3), // last 12-21, weekly: due 12-28, 5 days overdue
    referencePatient('c', 'DEZ-002', 2), // last 12-14, weekly: due 12-21, 12 days overdue
    referencePatient('d', 'DEZ-001', 4, 28), // last 12-28, every 4 weeks: due 01-25
    {
      patient: { id: 'e', code: 'NEW-1' },
      indexDate: null,
      visits: [],
      assessments: [],
      draftDate: '2024-01-02',
    },
  ];

  const rows = caseloadRows(records, DEFAULT_RULES, today);

  it('puts the longest overdue first, then first visits, this week, later', () => {
    expect(rows.map((r) => [r.code, r.due.state, r.due.dueDate])).toEqual([
      ['DEZ-002', 'overdue', '2023-12-21'],
      ['DEZ-003', 'overdue', '2023-12-28'],
      ['NEW-1', 'first-visit', null],
      ['DEZ-004', 'due-this-week', '2024-01-04'],
      ['DEZ-001', 'later', '2024-01-25'],
    ]);
    expect(rows.map((r) => r.due.daysLate)).toEqual([12, 5, null, -2, -23]);
  });

  it('gives the latest course status of the primary scale as the course page does', () => {
    const status = Object.fromEntries(rows.map((r) => [r.code, r.status?.label ?? null]));
    // HAMD-17 18 -> 2 -> 5 (remission, <= 7) -> 10 (44 %: response lost, not relapse)
    // -> 17 (relapse: HAMD-17 >= 16), the published reading of the reference case.
    expect(status).toEqual({
      'DEZ-002': 'remission',
      'DEZ-003': 'response lost',
      'NEW-1': null,
      'DEZ-004': 'relapse',
      'DEZ-001': 'relapse',
    });
  });

  it('keeps a visit in progress apart: it does not count as seen', () => {
    const fresh = rows.find((r) => r.code === 'NEW-1');
    expect(fresh?.draftDate).toBe('2024-01-02');
    expect(fresh?.due.lastVisit).toBeNull();
  });

  it('counts each group', () => {
    expect(caseloadCounts(rows)).toEqual({ overdue: 2, dueThisWeek: 1, firstVisit: 1, later: 1 });
  });
});
