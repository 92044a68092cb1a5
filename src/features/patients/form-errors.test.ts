import { describe, expect, it } from 'vitest';
import { firstErrorField, toFormErrors } from './form-errors';

const labels = { code: 'Patient code', birthYear: 'Birth year', date: 'Date' };

describe('toFormErrors', () => {
  it.each([
    ['code: is required', 'code', 'Patient code is required.'],
    ['code: must not be empty', 'code', 'Patient code must not be empty.'],
    [
      'birthYear: must be a year from 1900 on',
      'birthYear',
      'Birth year must be a year from 1900 on.',
    ],
    [
      'date: must be a date written YYYY-MM-DD (got "")',
      'date',
      'Date must be a date written YYYY-MM-DD (got "").',
    ],
  ] as const)('%s → %s: %s', (issue, field, sentence) => {
    expect(toFormErrors([issue], labels).fields[field]).toBe(sentence);
  });

  it('keeps issues of no known field in the list', () => {
    const errors = toFormErrors(['There is no patient with id x.', 'code: is required'], labels);
    expect(errors.other).toEqual(['There is no patient with id x.']);
    expect(firstErrorField(['birthYear', 'code', 'date'], errors.fields)).toBe('code');
  });
});
