import { describe, expect, it } from 'vitest';
import { csvCell } from './csv-format';

describe('csvCell', () => {
  it.each<[string | number | null, 'text' | 'number', string]>([
    [null, 'text', ''],
    [null, 'number', ''],
    ['plain', 'text', 'plain'],
    ['a,b', 'text', '"a,b"'],
    ['say "hi"', 'text', '"say ""hi"""'],
    ['two\nlines', 'text', '"two\nlines"'],
    ['x#1', 'text', '"x#1"'],
    [' padded ', 'text', '" padded "'],
    ['=1+1', 'text', "'=1+1"],
    ['+41 22', 'text', "'+41 22"],
    ['-5', 'text', "'-5"],
    ['@SUM(A1)', 'text', "'@SUM(A1)"],
    ['\tTAB', 'text', "'\tTAB"],
    ['=HYPERLINK("x")', 'text', '"\'=HYPERLINK(""x"")"'],
    [-6, 'number', '-6'],
    [13.5, 'number', '13.5'],
    [0, 'number', '0'],
  ])('%j as %s → %s', (value, kind, expected) => {
    expect(csvCell(value, kind)).toBe(expected);
  });

  it('refuses a non-number in a number column (a bug, not data)', () => {
    expect(() => csvCell('7', 'number')).toThrow();
    expect(() => csvCell(Number.NaN, 'number')).toThrow();
  });
});
