import { describe, expect, it } from 'vitest';
import { fhirDateTime, offsetText } from './fhir-time';

describe('FHIR date and dateTime of a visit', () => {
  it('keeps a date without a time a FHIR date', () => {
    expect(fhirDateTime('2023-11-30', undefined)).toBe('2023-11-30');
  });

  it('writes a time with seconds and the zone offset FHIR R4 requires', () => {
    expect(fhirDateTime('2023-11-30', '10:00', () => 480)).toBe('2023-11-30T10:00:00+08:00');
    expect(fhirDateTime('2024-07-01', '08:15', () => -300)).toBe('2024-07-01T08:15:00-05:00');
    expect(fhirDateTime('2024-07-01', '08:15', () => 330)).toBe('2024-07-01T08:15:00+05:30');
  });

  it.each([
    [0, '+00:00'],
    [60, '+01:00'],
    [-210, '-03:30'],
    [765, '+12:45'],
  ])('offset %i minutes is %s', (minutes, text) => {
    expect(offsetText(minutes)).toBe(text);
  });
});
