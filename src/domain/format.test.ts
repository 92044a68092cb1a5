import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent, formatSigned, formatTotal, round } from './format';

describe('round: half away from zero', () => {
  it.each([
    [(16 / 18) * 100, 2, 88.89],
    [(1 / 18) * 100, 2, 5.56],
    [(32 / 51) * 100, 2, 62.75],
    [0.125, 2, 0.13],
    [-0.125, 2, -0.13],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [7.805, 1, 7.8],
    [13.69, 1, 13.7],
  ] as const)('round(%d, %i) = %d', (value, digits, expected) => {
    expect(round(value, digits)).toBe(expected);
  });
});

describe('formatNumber, formatPercent, formatSigned, formatTotal', () => {
  it.each([
    [3, '3'],
    [88.8888, '88.89'],
    [2.5, '2.50'],
  ] as const)('formatNumber(%d) = %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });

  it.each([
    [(16 / 18) * 100, {}, '88.89 %'],
    [50, {}, '50.00 %'],
    [(35 / 17) * 100, { signed: true }, '+205.88 %'],
    [(35 / 17) * 100, {}, '205.88 %'],
    [-5, { signed: true }, '−5.00 %'],
    [-(16 / 18) * 100, {}, '−88.89 %'],
    [0, { signed: true }, '0.00 %'],
  ] as const)('formatPercent(%d, %o) = %s', (value, options, text) => {
    expect(formatPercent(value, options)).toBe(text);
  });

  it.each([
    [35, '+35'],
    [-16, '−16'],
    [0, '0'],
    [2.5, '+2.50'],
  ] as const)('formatSigned(%d) = %s', (value, text) => {
    expect(formatSigned(value)).toBe(text);
  });

  it.each([
    [9, '9'],
    [81 / 7, '11.6'],
    [11.25, '11.3'],
    [4.5, '4.5'],
  ] as const)('formatTotal(%d) = %s (prorated totals keep one decimal)', (value, text) => {
    expect(formatTotal(value)).toBe(text);
  });
});
