import { describe, expect, it } from 'vitest';
import type { AssessmentEntry } from './assessment';
import { HAMD17 } from './scales/hamd17';
import { scoreEntry } from './scoring';
import { validateEntry } from './validation';

// HAMD-17 item 16 (loss of weight): 0–2, or code 3 = "not assessed", which scores 0
// (scales.md §1, CamCOPS hamd.py). The same rule on both entry paths.
const itemEntry = (item16: number, others = 0): AssessmentEntry => ({
  mode: 'items',
  responses: HAMD17.items.map((i) => (i.number === 16 ? item16 : Math.min(others, i.max))),
});
const summaryEntry = (total: number, item16: number): AssessmentEntry => ({
  mode: 'summary',
  total,
  subscales: {},
  items: { '16': item16 },
});

describe.each([
  // path, entry, valid, total, note
  ['items', itemEntry(3), true, 0, 'Item 16 not assessed (scores 0).'],
  ['items', itemEntry(2), true, 2, 'All items answered.'],
  ['items', itemEntry(3, 1), true, 16, 'Item 16 not assessed (scores 0).'],
  ['summary', summaryEntry(0, 3), true, 0, 'Item 16 not assessed (scores 0).'],
  ['summary', summaryEntry(2, 3), true, 2, 'Item 16 not assessed (scores 0).'],
  ['summary', summaryEntry(50, 3), true, 50, 'Item 16 not assessed (scores 0).'],
  ['summary', summaryEntry(2, 2), true, 2, 'Summary data: transcribed total.'],
  ['summary', summaryEntry(1, 2), false, null, 'allow only 2–52'],
  ['summary', summaryEntry(51, 3), false, null, 'allow only 0–50'],
  ['summary', summaryEntry(10, 4), false, null, 'must be between 0 and 2 (got 4)'],
] as const)('HAMD-17 item 16, %s entry', (_path, entry, valid, total, note) => {
  it(`${JSON.stringify(entry.mode === 'items' ? entry.responses[15] : entry)} → ${valid ? total : 'refused'}`, () => {
    const validation = validateEntry(HAMD17, entry);
    expect(validation.ok).toBe(valid);
    const scored = scoreEntry(HAMD17, entry);
    if (!scored.ok) {
      expect(scored.issues.map((i) => i.message).join(' ')).toContain(note);
      return;
    }
    expect(scored.score.total).toBe(total);
    expect(scored.score.note).toContain(note);
    // "Not assessed" is no item value: nothing reads it as a rating of 3.
    if (entry.mode === 'summary' && entry.items['16'] === 3)
      expect(scored.score.items.has(16)).toBe(false);
  });
});
