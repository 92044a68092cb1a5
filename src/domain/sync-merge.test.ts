import { describe, expect, it } from 'vitest';
import type { AssessmentEntry } from './assessment';
import { mergeVersions } from './sync-merge';

const items = (...responses: (number | null)[]): AssessmentEntry => ({ mode: 'items', responses });
const hamd = (entry: AssessmentEntry, more: Record<string, unknown> = {}) => ({
  id: 'a1',
  visitId: 'v1',
  patientId: 'p1',
  date: '2024-01-10',
  scaleId: 'HAMD-17',
  scaleVersion: 'HAMD-17 (Hamilton 1960/1967)',
  status: 'final',
  updatedAt: '2024-01-10T10:00:00.000Z',
  rev: '2-aaa',
  author: 'Dr Li',
  entry,
  ...more,
});
const zeros = (n: number) => Array.from({ length: n }, () => 0);
const withItem = (values: readonly (number | null)[], i: number, v: number | null) =>
  values.map((x, j) => (j === i ? v : x));

describe('mergeVersions: an assessment changed on two devices', () => {
  const base = hamd(items(...zeros(17)));

  it('items changed on one side each merge automatically, and the result validates', () => {
    const mine = hamd(items(...withItem(zeros(17), 0, 2)), { rev: '3-mine' });
    const theirs = hamd(items(...withItem(zeros(17), 2, 1)), {
      rev: '3-theirs',
      updatedAt: '2024-01-11T09:00:00.000Z',
    });
    const merged = mergeVersions('assessments', base, mine, theirs);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect((merged.value?.entry as { responses: number[] }).responses.slice(0, 4)).toEqual([
      2, 0, 1, 0,
    ]);
    // Bookkeeping is not a choice: the later save time is kept.
    expect(merged.value?.updatedAt).toBe('2024-01-11T09:00:00.000Z');
  });

  it('an item changed on both sides to different values needs a choice, and the choice decides', () => {
    const mine = hamd(items(...withItem(zeros(17), 2, 2)));
    const theirs = hamd(items(...withItem(zeros(17), 2, 3)));
    const merged = mergeVersions('assessments', base, mine, theirs);
    expect(merged).toMatchObject({
      ok: false,
      conflicts: [{ field: 'HAMD-17 item 3', key: 'responses.2', base: 0, mine: 2, theirs: 3 }],
    });
    const chosen = mergeVersions('assessments', base, mine, theirs, { 'responses.2': 'theirs' });
    expect(chosen.ok && (chosen.value?.entry as { responses: number[] }).responses[2]).toBe(3);
  });

  it('both sides made the same change: no choice', () => {
    const mine = hamd(items(...withItem(zeros(17), 4, 1)));
    expect(mergeVersions('assessments', base, mine, hamd(mine.entry)).ok).toBe(true);
  });

  it('a merge that does not validate is offered as a whole-entry choice, with the reason', () => {
    // A base with item 1 out of range cannot come from the app; the merged entry keeps it.
    const bad = hamd(items(...withItem(zeros(17), 0, 9)));
    const mine = hamd(items(...withItem(withItem(zeros(17), 0, 9), 1, 1)));
    const theirs = hamd(items(...withItem(withItem(zeros(17), 0, 9), 2, 1)));
    const merged = mergeVersions('assessments', bad, mine, theirs);
    expect(merged.ok).toBe(false);
    if (merged.ok) return;
    expect(merged.conflicts.map((c) => c.key)).toEqual(['entry']);
    expect(merged.problems.join(' ')).toMatch(/do not make a valid HAMD-17/);
    const kept = mergeVersions('assessments', bad, mine, theirs, { entry: 'mine' });
    expect(kept.ok && kept.value?.entry).toEqual(mine.entry);
  });

  it('without a common ancestor, every item that differs is a choice', () => {
    const mine = hamd(items(...withItem(zeros(17), 0, 2)));
    const theirs = hamd(items(...withItem(zeros(17), 2, 1)));
    const merged = mergeVersions('assessments', null, mine, theirs);
    expect(merged.ok ? [] : merged.conflicts.map((c) => c.key)).toEqual([
      'responses.0',
      'responses.2',
    ]);
    const chosen = mergeVersions('assessments', null, mine, theirs, {
      'responses.0': 'mine',
      'responses.2': 'theirs',
    });
    expect(chosen.ok && (chosen.value?.entry as { responses: number[] }).responses[0]).toBe(2);
    expect(chosen.ok && (chosen.value?.entry as { responses: number[] }).responses[2]).toBe(1);
  });

  it('item variants merge like items (HAMD-17 16A/16B)', () => {
    const v = (variants: Record<string, string>, change = 0) =>
      hamd({ mode: 'items', responses: withItem(zeros(17), 0, change), variants });
    const merged = mergeVersions(
      'assessments',
      v({ '16': 'A' }),
      v({ '16': 'A' }, 1),
      v({ '16': 'B' }),
    );
    expect(merged.ok && merged.value?.entry).toEqual({
      mode: 'items',
      responses: withItem(zeros(17), 0, 1),
      variants: { '16': 'B' },
    });
  });

  it('the rater changed on both sides is a choice of its own', () => {
    const merged = mergeVersions(
      'assessments',
      base,
      hamd(base.entry, { rater: 'Dr Li' }),
      hamd(base.entry, { rater: 'Dr Wu' }),
    );
    expect(merged.ok ? [] : merged.conflicts.map((c) => c.key)).toEqual(['rater']);
  });
});

describe('mergeVersions: a patient, visit or event, field by field', () => {
  const patient = { id: 'p1', code: 'DEZ-001', name: 'Hui Wang', notes: '', codeKey: 'dez-001' };

  it('fields changed on one side each merge', () => {
    const merged = mergeVersions(
      'patients',
      patient,
      { ...patient, name: 'Hui Wang-Li', rev: '2-a' },
      { ...patient, notes: 'seen weekly', rev: '2-b' },
    );
    expect(merged).toMatchObject({
      ok: true,
      value: { name: 'Hui Wang-Li', notes: 'seen weekly' },
    });
  });

  it('the same field changed differently needs a choice, named in words', () => {
    const merged = mergeVersions(
      'events',
      { id: 'e1', isIndex: false, dose: 5 },
      { id: 'e1', isIndex: true, dose: 5 },
      { id: 'e1', isIndex: false, dose: 6 },
    );
    expect(merged.ok).toBe(true);
    const both = mergeVersions(
      'events',
      { id: 'e1', dose: 5 },
      { id: 'e1', dose: 4 },
      { id: 'e1', dose: 6 },
    );
    expect(both).toMatchObject({ ok: false, conflicts: [{ field: 'dose', mine: 4, theirs: 6 }] });
  });

  it('deleted on one device and edited on the other: always a choice, keep or delete', () => {
    const merged = mergeVersions('visits', { id: 'v1', notes: 'a' }, null, {
      id: 'v1',
      notes: 'b',
    });
    expect(merged).toMatchObject({ ok: false, conflicts: [{ key: 'record' }] });
    expect(mergeVersions('visits', null, null, { id: 'v1' }, { record: 'mine' })).toEqual({
      ok: true,
      value: null,
    });
  });
});
