import { describe, expect, it } from 'vitest';
import { buildCourseTable } from './course-table';
import { buildPatientCourses } from './patient-course';

const visits = [
  { id: 'v0', date: '2023-11-24' },
  { id: 'v1', date: '2023-12-07' },
];
const assessments = visits.map((v, i) => ({
  id: `h${i}`,
  visitId: v.id,
  scaleId: 'HAMD-17' as const,
  entry: { mode: 'summary' as const, total: [18, 2][i] ?? null, subscales: {}, items: {} },
}));
const courses = buildPatientCourses(visits, assessments, { indexDate: '2023-11-30' });

describe('the course table: adverse events and notes', () => {
  it('adds one last row with each visit line, "—" where a visit has none', () => {
    const notes: Record<string, string> = { v1: 'AE: nausea, dizziness' };
    const { rows } = buildCourseTable(courses, '2023-11-30', undefined, (id) => notes[id] ?? '');
    const last = rows[rows.length - 1];
    expect(last?.label).toBe('Adverse events / note');
    expect(last?.kind).toBe('note');
    expect(last?.cells.map((c) => c.text)).toEqual(['—', 'AE: nausea, dizziness']);
  });
  it('has no such row when no visit has a note or an adverse event', () => {
    const { rows } = buildCourseTable(courses, '2023-11-30');
    expect(rows.some((r) => r.kind === 'note')).toBe(false);
  });
});
