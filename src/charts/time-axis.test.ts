import { describe, expect, it } from 'vitest';
import { axisTitle, tickLabel, timeOrigin, timeSinceText, xExtent, xValue } from './time-axis';
import { REF_INDEX_EVENT, REF_REDOSE } from './testing/reference-case';

const origin = timeOrigin('2023-11-30', [REF_REDOSE, REF_INDEX_EVENT], '2023-11-24', '2023-11-24');

describe('time axis', () => {
  it('takes the index event as origin, named by its label', () => {
    expect(origin).toEqual({
      date: '2023-11-30',
      kind: 'index event',
      label: 'dezocine 0.1 mg/kg IV',
    });
  });

  it('falls back to the baseline, then to the first date', () => {
    expect(timeOrigin(null, [], '2023-11-24', '2023-11-01')).toEqual({
      date: '2023-11-24',
      kind: 'baseline',
    });
    expect(timeOrigin(undefined, [], undefined, '2023-11-01').date).toBe('2023-11-01');
    expect(timeOrigin(null, [REF_INDEX_EVENT], undefined, undefined).date).toBe('2023-11-30');
  });

  it.each([
    ['2023-11-24', 'days', -6],
    ['2023-12-07', 'days', 7],
    ['2023-12-28', 'days', 28],
    ['2023-12-07', 'weeks', 1],
    ['2023-12-10', 'weeks', 10 / 7],
  ] as const)('puts %s at %s = %d', (date, mode, expected) => {
    expect(xValue(date, { mode, origin })).toBeCloseTo(expected, 10);
  });

  it('gives a local-midnight timestamp in date mode', () => {
    expect(xValue('2023-12-07', { mode: 'date', origin })).toBe(new Date(2023, 11, 7).getTime());
  });

  it.each([
    ['2023-11-24', '−6 d'],
    ['2023-11-30', 'day 0'],
    ['2023-12-07', '1 wk'],
    ['2023-12-10', '10 d'],
  ])('says %s is %s since the index event', (date, text) => {
    expect(timeSinceText(date, origin)).toBe(text);
  });

  it.each([
    [0, 'days', 'day 0'],
    [-7, 'days', '−7 d'],
    [14, 'days', '14 d'],
    [1, 'weeks', '1 wk'],
    [-0.5, 'weeks', '−0.5 wk'],
  ] as const)('labels tick %d in %s as %s', (value, mode, text) => {
    expect(tickLabel(value, mode)).toBe(text);
  });

  it('labels date ticks by the local calendar date', () => {
    expect(tickLabel(new Date(2023, 11, 7).getTime(), 'date')).toBe('2023-12-07');
  });

  it('titles the axis with what time is counted from', () => {
    expect(axisTitle({ mode: 'weeks', origin })).toBe(
      'Weeks since dezocine 0.1 mg/kg IV (2023-11-30)',
    );
    expect(axisTitle({ mode: 'days', origin: { date: '2023-11-30', kind: 'index event' } })).toBe(
      'Days since index event (2023-11-30)',
    );
    expect(axisTitle({ mode: 'date', origin })).toBe('Date');
  });

  it('pads the extent and picks weekly ticks for short courses', () => {
    expect(xExtent([-6, 28], 'days')).toEqual({ min: -7.36, max: 29.36, stepSize: 7 });
    expect(xExtent([0, 400], 'days').stepSize).toBeUndefined();
    const weeks = xExtent([-6 / 7, 4], 'weeks');
    expect(weeks.min).toBeLessThan(-6 / 7);
    expect(weeks.stepSize).toBe(1);
    expect(xExtent([], 'days')).toEqual({ min: 0, max: 28, stepSize: undefined });
  });
});
