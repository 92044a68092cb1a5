import { describe, expect, it } from 'vitest';
import { describeSafetyCheck, safetyChecks, type SafetyCheck } from './safety';
import { scoreEntry, type Score } from './scoring';
import type { AssessmentEntry } from './assessment';
import type { ScaleDefinition } from './scale-types';
import { HAMD17 } from './scales/hamd17';
import { MADRS } from './scales/madrs';
import { PHQ9 } from './scales/phq9';
import { DARS } from './scales/dars';

const score = (scale: ScaleDefinition, entry: AssessmentEntry): Score => {
  const result = scoreEntry(scale, entry);
  if (!result.ok) throw new Error(result.issues.map((i) => i.message).join(' '));
  return result.score;
};

/** Item entry with every item at its minimum except `item` = `value`. */
const withItem = (scale: ScaleDefinition, item: number, value: number | null): AssessmentEntry => ({
  mode: 'items',
  responses: scale.items.map((i) => (i.number === item ? value : i.min)),
});

const onlyCheck = (scale: ScaleDefinition, entry: AssessmentEntry): SafetyCheck => {
  const checks = safetyChecks(scale, score(scale, entry));
  expect(checks).toHaveLength(1);
  return checks[0]!;
};

/** "safe" may appear only inside "not an assurance of safety" (Louzon 2016: 0 is not safe). */
const saysSafe = (text: string): boolean =>
  /safe/i.test(text.replace('not an assurance of safety', ''));

describe('safety items', () => {
  // PHQ-9 item 9 ≥ 1: any answer other than "not at all" (AACN Crit Care Nurse; Simon 2013).
  // MADRS item 10 ≥ 4 and HAMD-17 item 3 ≥ 2: project rules (issue #2).
  it.each([
    ['PHQ-9', 9, 0, 'not-endorsed'],
    ['PHQ-9', 9, 1, 'flagged'],
    ['PHQ-9', 9, 3, 'flagged'],
    ['MADRS', 10, 3, 'not-endorsed'],
    ['MADRS', 10, 4, 'flagged'],
    ['MADRS', 10, 6, 'flagged'],
    ['HAMD-17', 3, 1, 'not-endorsed'],
    ['HAMD-17', 3, 2, 'flagged'],
    ['HAMD-17', 3, 4, 'flagged'],
  ] as const)('%s item %i = %i → %s', (id, item, value, status) => {
    const scale = { 'PHQ-9': PHQ9, MADRS, 'HAMD-17': HAMD17 }[id];
    const check = onlyCheck(scale, withItem(scale, item, value));
    expect(check).toMatchObject({ status, value });
    expect(check.rule.item).toBe(item);
    const text = describeSafetyCheck(scale, check);
    expect(text).toContain(`item ${item}`);
    expect(saysSafe(text)).toBe(false);
  });

  // Louzon 2016: 71.6 % of suicides had answered "not at all": never call 0 "safe".
  it('PHQ-9 item 9 = 0 is "not endorsed", with no assurance of safety (Louzon 2016)', () => {
    const check = onlyCheck(PHQ9, withItem(PHQ9, 9, 0));
    expect(describeSafetyCheck(PHQ9, check)).toBe(
      'PHQ-9 item 9 scored 0: not endorsed. This is not an assurance of safety.',
    );
  });

  it('PHQ-9 item 9 = 1 asks for a clinician suicide-risk assessment (AACN Crit Care Nurse)', () => {
    const text = describeSafetyCheck(PHQ9, onlyCheck(PHQ9, withItem(PHQ9, 9, 1)));
    expect(text).toContain('suicide-risk assessment');
    expect(text).toContain('(scored 1)');
  });

  // Wang 2024 Table 1 gives only the PHQ-9 total and item 1: item 9 was not recorded.
  it('item 9 missing from a summary is "not-recorded", not a zero (Wang 2024 Table 1)', () => {
    const check = onlyCheck(PHQ9, { mode: 'summary', total: 14, subscales: {}, items: { '1': 3 } });
    expect(check).toMatchObject({ status: 'not-recorded', value: null });
    const text = describeSafetyCheck(PHQ9, check);
    expect(text).toBe(
      'PHQ-9 item 9 was not recorded: ask it. An unanswered item is not an all-clear.',
    );
    expect(saysSafe(text)).toBe(false);
  });

  it('item 9 missing from a prorated item entry is "not-recorded"', () => {
    expect(onlyCheck(PHQ9, withItem(PHQ9, 9, null)).status).toBe('not-recorded');
  });

  it('DARS has no safety item', () => {
    expect(safetyChecks(DARS, score(DARS, withItem(DARS, 1, 0)))).toEqual([]);
  });
});
