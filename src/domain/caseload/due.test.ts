import { describe, expect, it } from 'vitest';
import { addDays, dueText, visitDue, DEFAULT_VISIT_INTERVAL_DAYS } from './due';

describe('addDays', () => {
  it.each([
    ['2024-01-01', 7, '2024-01-08'],
    ['2024-02-26', 7, '2024-03-04'], // leap year: 29 February counted
    ['2023-02-26', 7, '2023-03-05'],
    ['2024-12-30', 3, '2025-01-02'],
    ['2024-03-28', 7, '2024-04-04'], // across the European daylight-saving change
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('visitDue', () => {
  it('is weekly when the patient has no interval of their own', () => {
    expect(DEFAULT_VISIT_INTERVAL_DAYS).toBe(7);
    const due = visitDue('2024-01-01', undefined, '2024-01-03');
    expect(due).toEqual({
      state: 'due-this-week',
      intervalDays: 7,
      lastVisit: '2024-01-01',
      dueDate: '2024-01-08',
      daysLate: -5,
    });
  });

  // Last visit 2024-01-01, weekly: due 2024-01-08. "This week" is today and the 6 days after.
  it.each([
    ['2024-01-01', 'later', -7],
    ['2024-01-02', 'due-this-week', -6],
    ['2024-01-08', 'due-this-week', 0],
    ['2024-01-09', 'overdue', 1],
    ['2024-02-08', 'overdue', 31],
  ] as const)('on %s the weekly patient is %s (%i days late)', (today, state, daysLate) => {
    const due = visitDue('2024-01-01', undefined, today);
    expect(due.state).toBe(state);
    expect(due.daysLate).toBe(daysLate);
  });

  it('counts from the interval set for the patient', () => {
    const due = visitDue('2024-01-01', 28, '2024-01-20');
    expect(due.dueDate).toBe('2024-01-29');
    expect(due.state).toBe('later');
    expect(visitDue('2024-01-01', 28, '2024-01-30').state).toBe('overdue');
  });

  it('asks for a first visit when none is finished', () => {
    const due = visitDue(null, 14, '2024-01-20');
    expect(due).toEqual({
      state: 'first-visit',
      intervalDays: 14,
      lastVisit: null,
      dueDate: null,
      daysLate: null,
    });
  });
});

describe('dueText', () => {
  it.each([
    ['2024-01-10', '2 days overdue'],
    ['2024-01-09', '1 day overdue'],
    ['2024-01-08', 'due today'],
    ['2024-01-07', 'due in 1 day'],
    ['2024-01-03', 'due in 5 days'],
  ])('on %s: %s', (today, text) => {
    expect(dueText(visitDue('2024-01-01', 7, today))).toBe(text);
  });

  it('names a first visit', () => {
    expect(dueText(visitDue(null, 7, '2024-01-10'))).toBe('first visit due');
  });
});
