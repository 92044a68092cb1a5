import { describe, expect, it } from 'vitest';
import { pageTitle } from './page-title';

describe('pageTitle', () => {
  it('puts the most specific part first and the app last, skipping empty parts', () => {
    expect(pageTitle('Visit of 2023-12-07', 'DEZ-001')).toBe(
      'Visit of 2023-12-07 · DEZ-001 · Trajectory',
    );
    expect(pageTitle('Patients')).toBe('Patients · Trajectory');
    expect(pageTitle(null, 'DEZ-001', undefined, '')).toBe('DEZ-001 · Trajectory');
  });
});
