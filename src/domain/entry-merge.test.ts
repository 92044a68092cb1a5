import { describe, expect, it } from 'vitest';
import type { AssessmentEntry } from './assessment';
import { mergeEntries } from './entry-merge';

const items = (...responses: (number | null)[]): AssessmentEntry => ({ mode: 'items', responses });
const summary = (
  total: number | null,
  subscales: Record<string, number> = {},
  it: Record<string, number> = {},
): AssessmentEntry => ({
  mode: 'summary',
  total,
  subscales,
  items: it,
});

describe('mergeEntries (two tabs on one visit)', () => {
  it('keeps the items each side changed: tab A item 1, tab B item 2', () => {
    const base = items(null, null, null);
    const a = items(2, null, null);
    const storedByB = items(null, 3, null);
    expect(mergeEntries(base, a, storedByB)).toEqual(items(2, 3, null));
  });

  it('a clear on this side wins over the stored value of that item only', () => {
    expect(mergeEntries(items(1, 1), items(null, 1), items(1, 2))).toEqual(items(null, 2));
  });

  it('both changed the same item: this side (the later save) wins', () => {
    expect(mergeEntries(items(0), items(1), items(2))).toEqual(items(1));
  });

  it('nothing stored changed: this side as it is; nothing here changed: the stored entry', () => {
    expect(mergeEntries(items(0, 0), items(1, 0), items(0, 0))).toEqual(items(1, 0));
    expect(mergeEntries(items(0, 0), items(0, 0), items(0, 3))).toEqual(items(0, 3));
  });

  it('merges summary totals, subscales and single items field by field', () => {
    const base = summary(null);
    const mine = summary(52, { hobbies: 15 });
    const theirs = summary(null, { food: 9 }, { '7': 2 });
    expect(mergeEntries(base, mine, theirs)).toEqual(
      summary(52, { hobbies: 15, food: 9 }, { '7': 2 }),
    );
  });

  it('a summary field cleared here stays cleared', () => {
    expect(mergeEntries(summary(10, { a: 1 }), summary(10, {}), summary(12, { a: 1 }))).toEqual(
      summary(12, {}),
    );
  });

  it('different modes: this side wins whole', () => {
    expect(mergeEntries(items(null), summary(5), items(2))).toEqual(summary(5));
  });
});
