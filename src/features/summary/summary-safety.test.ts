import { describe, expect, it } from 'vitest';
import { formatInstant, localDate, summariseSafety, type SafetyAssessment } from './summary-safety';

const phq9 = (item9: number) => ({
  mode: 'items' as const,
  responses: [1, 1, 1, 1, 1, 1, 1, 1, item9, 0],
});
const hamdSummary = { mode: 'summary' as const, total: 18, subscales: {}, items: {} };

const assessments: SafetyAssessment[] = [
  { id: 'a1', date: '2024-01-03', scaleId: 'PHQ-9', entry: phq9(2), status: 'final' },
  { id: 'a2', date: '2024-01-10', scaleId: 'PHQ-9', entry: phq9(1), status: 'final' },
  { id: 'a3', date: '2024-01-17', scaleId: 'PHQ-9', entry: phq9(0), status: 'draft' },
  { id: 'a4', date: '2024-01-17', scaleId: 'HAMD-17', entry: hamdSummary, status: 'draft' },
  {
    id: 'a5',
    date: '2024-01-17',
    scaleId: 'DARS',
    entry: { mode: 'summary', total: 30, subscales: {}, items: {} },
    status: 'final',
  },
];

describe('summariseSafety', () => {
  it('pairs each flag with the acknowledgement of its value, and leaves the rest open', () => {
    const acks = [
      {
        assessmentId: 'a1',
        item: 9,
        value: 2,
        acknowledgedBy: 'Dr Lyu',
        acknowledgedAt: '2024-01-03T10:00:00.000Z',
        note: 'Safety plan agreed',
      },
      // Acknowledged at a value the item no longer has: the flag is open again.
      {
        assessmentId: 'a2',
        item: 9,
        value: 3,
        acknowledgedBy: 'Dr Zhao',
        acknowledgedAt: '2024-01-10T10:00:00.000Z',
      },
    ];
    const { flags } = summariseSafety(assessments, acks);
    expect(flags.map((f) => [f.date, f.value, f.ack?.by ?? 'OPEN'])).toEqual([
      ['2024-01-10', 1, 'OPEN'],
      ['2024-01-03', 2, 'Dr Lyu'],
    ]);
    expect(flags[1]?.ack?.note).toBe('Safety plan agreed');
  });

  it('says what each scale recorded last, including a safety item not recorded', () => {
    const { latest } = summariseSafety(assessments, []);
    expect(latest).toEqual([
      { scaleId: 'PHQ-9', item: 9, date: '2024-01-17', status: 'not-endorsed', value: 0 },
      { scaleId: 'HAMD-17', item: 3, date: '2024-01-17', status: 'not-recorded', value: null },
    ]);
  });

  it('has nothing to say without scales that have a safety item', () => {
    expect(summariseSafety([], [])).toEqual({ flags: [], latest: [] });
  });
});

describe('dates', () => {
  it('prints local calendar dates and times', () => {
    expect(localDate(new Date(2024, 0, 5, 23, 30))).toBe('2024-01-05');
    const at = new Date(2024, 0, 5, 9, 7).toISOString();
    expect(formatInstant(at)).toBe('2024-01-05 09:07');
    expect(formatInstant('not a date')).toBe('not a date');
  });
});

describe('an entry that no longer validates (issue 11)', () => {
  it('keeps its safety flag on the print summary', () => {
    const stale: SafetyAssessment = {
      id: 'old',
      date: '2024-02-01',
      scaleId: 'PHQ-9',
      // Total 2 cannot include item 9 = 3: no score, but the item was recorded.
      entry: { mode: 'summary', total: 2, subscales: {}, items: { '9': 3 } },
      status: 'final',
    };
    const { flags } = summariseSafety([stale], []);
    expect(flags.map((f) => [f.scaleId, f.item, f.value])).toEqual([['PHQ-9', 9, 3]]);
  });
});
