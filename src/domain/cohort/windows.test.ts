import { describe, expect, it } from 'vitest';
import { checkWindow, nearestByWeek, windowOf } from './windows';

const h3 = { halfWidth: 3 };

describe('windowOf', () => {
  it.each([
    [3, null],
    [4, 1],
    [7, 1],
    [10, 1],
    [11, 2],
    [0, null],
    [-2, null],
    [182, 26],
  ])('day %i is in window %s (± 3)', (day, week) => {
    expect(windowOf(day, h3)).toBe(week);
  });
  it('leaves gaps between narrower windows', () => {
    expect(windowOf(10, { halfWidth: 2 })).toBeNull();
    expect(windowOf(9, { halfWidth: 2 })).toBe(1);
  });
});

describe('nearestByWeek', () => {
  it('keeps the visit nearest the target day, the earlier on a tie', () => {
    const byWeek = nearestByWeek(
      [{ day: 5 }, { day: 8 }, { day: 13 }, { day: 15 }, { day: 27 }],
      h3,
    );
    expect([...byWeek.entries()].map(([w, p]) => [w, p.day])).toEqual([
      [1, 8],
      [2, 13],
      [4, 27],
    ]);
  });
});

describe('checkWindow', () => {
  it('refuses a half-width that would let windows overlap, saying why', () => {
    expect(checkWindow({ halfWidth: 4 })).toEqual({
      ok: false,
      reason:
        'Window half-width must be a whole number of days from 0 to 3 (got 4), so that no visit counts in two weeks.',
    });
    expect(checkWindow({ halfWidth: 2 }).ok).toBe(true);
  });
});
