import { describe, expect, it } from 'vitest';
import { emptySummaryEntry, type AssessmentEntry } from './assessment';
import { itemReferences, itemValue, scalesOfLastVisit } from './item-reference';
import type { ScaleId } from './scale-types';

const items = (...r: (number | null)[]): AssessmentEntry => ({ mode: 'items', responses: r });
const visits = [
  { id: 'v1', date: '2024-01-01', status: 'final' as const },
  { id: 'v2', date: '2024-01-08', status: 'final' as const },
  { id: 'v3', date: '2024-01-15', status: 'draft' as const },
  { id: 'v4', date: '2024-01-22', status: 'final' as const },
];
const a = (visitId: string, scaleId: ScaleId, entry: AssessmentEntry) => ({
  visitId,
  scaleId,
  entry,
});
const assessments = [
  a('v1', 'HAMD-17', items(3, 2)),
  a('v1', 'PHQ-9', items(1)),
  a('v2', 'HAMD-17', items(1, null)),
  a('v3', 'HAMD-17', items(0, 0)),
  a('v4', 'MADRS', items(4)),
];

describe('itemValue', () => {
  it('reads a response, a summary single item, or null', () => {
    expect(itemValue(items(3, null), 1)).toBe(3);
    expect(itemValue(items(3, null), 2)).toBeNull();
    expect(itemValue({ ...emptySummaryEntry(), items: { '7': 2 } }, 7)).toBe(2);
    expect(itemValue(emptySummaryEntry(), 7)).toBeNull();
  });
});

describe('itemReferences', () => {
  it('takes the latest finished visit before this one with the scale, and the baseline', () => {
    const r = itemReferences(visits[2]!, visits, assessments, 'HAMD-17', 'v1');
    expect(r.previous?.visitId).toBe('v2');
    expect(r.baseline?.visitId).toBe('v1');
  });
  it('skips drafts and visits without the scale', () => {
    const r = itemReferences(visits[3]!, visits, assessments, 'HAMD-17', 'v1');
    expect(r.previous?.visitId).toBe('v2');
    const phq = itemReferences(visits[3]!, visits, assessments, 'PHQ-9', null);
    expect(phq.previous?.visitId).toBe('v1');
    expect(phq.baseline).toBeNull();
  });
  it('shows no baseline on the baseline visit itself, and nothing before the first visit', () => {
    const r = itemReferences(visits[0]!, visits, assessments, 'HAMD-17', 'v1');
    expect(r).toEqual({ previous: null, baseline: null });
  });
  it('orders visits of one day by their time', () => {
    const day = [
      { id: 'a', date: '2024-02-01', time: '08:00', status: 'final' as const },
      { id: 'b', date: '2024-02-01', time: '10:00', status: 'final' as const },
      { id: 'c', date: '2024-02-01', time: '12:00', status: 'draft' as const },
    ];
    const as = [a('a', 'HAMD-17', items(5)), a('b', 'HAMD-17', items(2))];
    expect(itemReferences(day[2]!, day, as, 'HAMD-17', null).previous?.visitId).toBe('b');
    expect(itemReferences(day[1]!, day, as, 'HAMD-17', null).previous?.visitId).toBe('a');
  });
});

describe('scalesOfLastVisit', () => {
  it("offers the last finished visit's scales", () => {
    expect(scalesOfLastVisit(visits[2]!, visits, assessments)).toEqual(['MADRS']);
    expect(scalesOfLastVisit(visits[0]!, visits.slice(0, 1), assessments)).toEqual([]);
  });
});
