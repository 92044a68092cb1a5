import { describe, expect, it } from 'vitest';
import {
  compareDated,
  dateTimeText,
  hoursBetween,
  isClockTime,
  onOrBeforeIndex,
  visitSlotClash,
} from './visit-time';

describe('visit times', () => {
  it.each([
    ['00:00', true],
    ['09:30', true],
    ['23:59', true],
    ['24:00', false],
    ['9:30', false],
    ['09:60', false],
    ['09:30:00', false],
    ['', false],
  ])('%j is a clock time: %s', (text, ok) => {
    expect(isClockTime(text)).toBe(ok);
  });

  it('orders visits by date, then time (an untimed visit first on its day), then id', () => {
    const visits = [
      { id: 'd7', date: '2023-12-07' },
      { id: 'plus24', date: '2023-12-01', time: '10:00' },
      { id: 'plus2', date: '2023-11-30', time: '12:00' },
      { id: 'pre', date: '2023-11-30', time: '08:00' },
      { id: 'base', date: '2023-11-24' },
    ];
    expect([...visits].sort(compareDated).map((v) => v.id)).toEqual([
      'base',
      'pre',
      'plus2',
      'plus24',
      'd7',
    ]);
    expect(
      compareDated({ id: 'a', date: '2023-11-30' }, { id: 'b', date: '2023-11-30', time: '00:00' }),
    ).toBe(-1);
  });

  it('writes the time after the date only when there is one', () => {
    expect(dateTimeText({ date: '2023-11-30', time: '08:00' })).toBe('2023-11-30 08:00');
    expect(dateTimeText({ date: '2023-11-30' })).toBe('2023-11-30');
  });

  it('lets several visits share a day only with a time each, all different', () => {
    const pre = { id: 'pre', date: '2023-11-30', time: '08:00' };
    expect(
      visitSlotClash([pre], { id: 'new', date: '2023-11-30', time: '12:00' }, 'DEZ-001'),
    ).toBeNull();
    expect(visitSlotClash([pre], { id: 'new', date: '2023-12-01' }, 'DEZ-001')).toBeNull();
    expect(visitSlotClash([pre], { id: 'new', date: '2023-11-30', time: '08:00' }, 'DEZ-001')).toBe(
      'DEZ-001 already has a visit on 2023-11-30 at 08:00.',
    );
    expect(visitSlotClash([pre], { id: 'new', date: '2023-11-30' }, 'DEZ-001')).toMatch(
      /already has a visit on 2023-11-30 \(at 08:00\)\. Give this visit its time of day too\./,
    );
    expect(
      visitSlotClash(
        [{ id: 'old', date: '2023-11-30' }],
        { id: 'new', date: '2023-11-30', time: '12:00' },
        'DEZ-001',
      ),
    ).toMatch(/without a time\. Two visits on one day need a time each/);
    // A visit is never in the way of itself (an edit of its own time).
    expect(visitSlotClash([pre], { ...pre, time: '08:15' }, 'DEZ-001')).toBeNull();
  });

  it('counts wall-clock hours between moments, a missing time being the start of the day', () => {
    const dose = { date: '2023-11-30', time: '10:00' };
    expect(hoursBetween(dose, { date: '2023-11-30', time: '08:00' })).toBe(-2);
    expect(hoursBetween(dose, { date: '2023-11-30', time: '12:00' })).toBe(2);
    expect(hoursBetween(dose, { date: '2023-12-01', time: '10:00' })).toBe(24);
    expect(hoursBetween(dose, { date: '2023-12-07', time: '10:30' })).toBe(168.5);
    expect(hoursBetween({ date: '2023-11-30' }, { date: '2023-12-01' })).toBe(24);
    // Across a month end and the spring daylight-saving change in Europe (2024-03-31).
    expect(
      hoursBetween({ date: '2024-03-30', time: '22:00' }, { date: '2024-03-31', time: '04:00' }),
    ).toBe(6);
  });

  it('puts a visit on the index day before the dose only when both times say so', () => {
    const index = { date: '2023-11-30', time: '10:00' };
    expect(onOrBeforeIndex({ date: '2023-11-30', time: '08:00' }, index)).toBe(true);
    expect(onOrBeforeIndex({ date: '2023-11-30', time: '10:00' }, index)).toBe(true);
    expect(onOrBeforeIndex({ date: '2023-11-30', time: '12:00' }, index)).toBe(false);
    expect(onOrBeforeIndex({ date: '2023-11-30' }, index)).toBe(true);
    expect(onOrBeforeIndex({ date: '2023-11-30', time: '12:00' }, { date: '2023-11-30' })).toBe(
      true,
    );
    expect(onOrBeforeIndex({ date: '2023-11-29', time: '23:00' }, index)).toBe(true);
    expect(onOrBeforeIndex({ date: '2023-12-01', time: '01:00' }, index)).toBe(false);
  });
});
