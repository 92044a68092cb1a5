import { describe, expect, it } from 'vitest';
import { daysBetween, isIsoDate, timeFromIndexPhrase, timeSinceLabel } from './time';

describe('timeSinceLabel', () => {
  it.each([
    [0, 'day 0'],
    [1, '1 d'],
    [6, '6 d'],
    [7, '1 wk'],
    [10, '10 d'],
    [14, '2 wk'],
    [28, '4 wk'],
    [-6, '−6 d'],
    [-7, '−1 wk'],
  ] as const)('%i days → %s', (days, label) => {
    expect(timeSinceLabel(days)).toBe(label);
  });

  it('the minus sign is U+2212, not a hyphen', () => {
    expect(timeSinceLabel(-6).codePointAt(0)).toBe(0x2212);
  });
});

describe('daysBetween', () => {
  // Wang 2024 timeline: dezocine 2023-11-30, baseline 2023-11-24, follow-ups weekly to 2023-12-28.
  it.each([
    ['2023-11-30', '2023-11-24', -6],
    ['2023-11-30', '2023-11-30', 0],
    ['2023-11-30', '2023-12-07', 7],
    ['2023-11-30', '2023-12-28', 28],
    ['2023-12-31', '2024-01-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    // Across the European DST change (calendar days, not 24-hour periods).
    ['2024-03-30', '2024-04-01', 2],
  ] as const)('%s → %s: %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2023-11-30', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-13-01', false],
    ['2023-1-5', false],
    ['30/11/2023', false],
    ['2023-11-30T10:00', false],
    ['', false],
  ] as const)('%s → %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('timeFromIndexPhrase (headings)', () => {
  it.each([
    [0, 'on the day of dezocine'],
    [1, '1 day after dezocine'],
    [-6, '6 days before dezocine'],
    [13, '13 days after dezocine'],
    [14, '2 weeks after dezocine'],
    [23, '23 days after dezocine'],
    [28, '4 weeks after dezocine'],
    [-56, '8 weeks before dezocine'],
    [61, 'about 2 months after dezocine'],
    [365, 'about 12 months after dezocine'],
    [729, 'about 24 months after dezocine'],
    [730, 'about 2 years after dezocine'],
    [-19303, 'about 53 years before dezocine'],
  ] as const)('%i days → %s', (days, phrase) => {
    expect(timeFromIndexPhrase(days, 'dezocine')).toBe(phrase);
  });

  it('has no minus sign and no bare day count for long spans', () => {
    expect(timeFromIndexPhrase(-19303, 'x')).not.toMatch(/[−-]|\d{3,} d/);
  });
});
