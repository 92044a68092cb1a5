import { describe, expect, it } from 'vitest';
import { cssString, pageMarginRule } from './page-margin';

describe('the running head of a printed page', () => {
  it('names the patient code and the print date', () => {
    expect(pageMarginRule('DEZ-001', '2026-12-02')).toContain(
      'content: "DEZ-001 · Patient summary · printed 2026-12-02"',
    );
  });

  it.each([
    ['a "quoted" code', String.raw`"a \"quoted\" code"`],
    [String.raw`back\slash`, String.raw`"back\\slash"`],
    ['two\nlines', '"two lines"'],
    ['"; } body { display: none', String.raw`"\"; } body { display: none"`],
  ])('keeps %j a string, never CSS', (text, literal) => {
    expect(cssString(text)).toBe(literal);
  });
});
