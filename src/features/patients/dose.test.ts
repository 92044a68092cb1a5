import { describe, expect, it } from 'vitest';
import { parseDose } from './dose';

describe('parseDose', () => {
  it.each([
    ['', null],
    ['5', 5],
    [' 2.5 ', 2.5],
    ['0,5', 0.5],
    ['0', 0],
  ] as const)('%j → %s', (text, value) => {
    expect(parseDose(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['-5', 'Dose must not be negative (got "-5").'],
    ['- 5', 'Dose must not be negative (got "- 5").'],
    ['1e3', 'Dose must be a number written with digits, such as 2.5 (got "1e3").'],
    ['0x10', 'Dose must be a number written with digits, such as 2.5 (got "0x10").'],
    ['Infinity', 'Dose must be a number written with digits, such as 2.5 (got "Infinity").'],
    ['5 mg', 'Dose must be a number written with digits, such as 2.5 (got "5 mg").'],
  ] as const)('%j is refused', (text, reason) => {
    expect(parseDose(text)).toEqual({ ok: false, reason });
  });
});
