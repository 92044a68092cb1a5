import { describe, expect, it } from 'vitest';
import type { AssessmentEntry } from './assessment';
import { buildCourseTable } from './course-table';
import { mergeEntries } from './entry-merge';
import { buildPatientCourses } from './patient-course';
import { HAMD17 } from './scales/hamd17';
import { validateEntry } from './validation';

// HAMD-17 item 16 is rated as 16A (by history) or 16B (by measured weight), never both;
// which one is recorded with the entry (CamCOPS hamd.py) and shown in the course table.
const items = (item16: number, variant?: string): AssessmentEntry => ({
  mode: 'items',
  responses: HAMD17.items.map((i) => (i.number === 16 ? item16 : 1)),
  ...(variant ? { variants: { '16': variant } } : {}),
});

describe('HAMD-17 item 16A / 16B', () => {
  it.each([
    ['A', true],
    ['B', true],
    ['C', false],
  ])('variant %s valid: %s', (variant, ok) => {
    const v = validateEntry(HAMD17, items(1, variant));
    expect(v.ok).toBe(ok);
    if (!v.ok)
      expect(v.issues[0]?.message).toBe('HAMD-17 item 16 is rated as 16A or 16B (got "C").');
  });

  it('refuses a variant on an item that has none', () => {
    const entry: AssessmentEntry = { ...items(1), variants: { '3': 'A' } };
    expect(validateEntry(HAMD17, entry)).toMatchObject({ ok: false });
  });

  it('the course table shows which one was rated, and "not assessed"', () => {
    const visits = [
      { id: 'v1', date: '2024-01-01' },
      { id: 'v2', date: '2024-01-08' },
      { id: 'v3', date: '2024-01-15' },
    ];
    const assessments = [
      { id: 'a1', visitId: 'v1', scaleId: 'HAMD-17' as const, entry: items(2, 'A') },
      { id: 'a2', visitId: 'v2', scaleId: 'HAMD-17' as const, entry: items(1, 'B') },
      { id: 'a3', visitId: 'v3', scaleId: 'HAMD-17' as const, entry: items(3, 'B') },
    ];
    const { rows } = buildCourseTable(buildPatientCourses(visits, assessments), null);
    const row = rows.find((r) => r.key === 'HAMD-17:item:16' || r.label.startsWith('Item 16'));
    expect(row?.label).toBe('Item 16 Loss of weight (16A/16B)');
    expect(row?.cells.map((c) => c.text)).toEqual(['2 (16A)', '1 (16B)', 'not assessed (16B)']);
  });

  it('a two-tab merge keeps the variant chosen in either tab', () => {
    const base = items(1);
    const mine = { ...items(1, 'B') };
    const theirs = items(2);
    expect(mergeEntries(base, mine, theirs)).toMatchObject({ variants: { '16': 'B' } });
  });
});
