import { describe, expect, it } from 'vitest';
import { emptyItemEntry } from '../../domain/assessment';
import { HAMD17 } from '../../domain/scales/hamd17';
import { PHQ9 } from '../../domain/scales/phq9';
import { finishChecks } from './finish-checks';

describe('checks before a visit is finished', () => {
  it('names a PHQ-9 prorated over an unanswered item 9 (NHS rule fills the total, not the safety item)', () => {
    const phq = { mode: 'items' as const, responses: [0, 0, 0, 0, 0, 0, 0, 0, null, null] };
    const { withData, warnings } = finishChecks([HAMD17, PHQ9], {
      'HAMD-17': emptyItemEntry(17),
      'PHQ-9': phq,
    });
    expect(withData.map((s) => s.id)).toEqual(['PHQ-9']);
    expect(warnings).toEqual(['Safety item not answered: PHQ-9 item 9.']);
  });

  it('names scales without a total, and says nothing when all is complete', () => {
    const hamd = {
      mode: 'items' as const,
      responses: HAMD17.items.map((i) => (i.number === 5 ? null : 0)),
    };
    expect(finishChecks([HAMD17], { 'HAMD-17': hamd }).warnings).toEqual([
      'HAMD-17: no total yet.',
    ]);
    const full = { mode: 'items' as const, responses: HAMD17.items.map(() => 0) };
    expect(finishChecks([HAMD17], { 'HAMD-17': full }).warnings).toEqual([]);
  });
});
