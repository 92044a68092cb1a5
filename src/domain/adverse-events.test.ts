import { describe, expect, it } from 'vitest';
import { normaliseAdverseEvents, splitAdverseEvents, visitNoteText } from './adverse-events';

describe('adverse events', () => {
  it('trims, drops empty entries and repeats ignoring case, keeping the order', () => {
    expect(normaliseAdverseEvents([' nausea ', 'Nausea', '', 'dry  mouth'])).toEqual([
      'nausea',
      'dry mouth',
    ]);
  });
  it('splits free text on commas, semicolons and lines', () => {
    expect(splitAdverseEvents('tinnitus; dry mouth,\nnausea, ')).toEqual([
      'tinnitus',
      'dry mouth',
      'nausea',
    ]);
  });
  it('writes one line for the course table and the print', () => {
    expect(visitNoteText({ adverseEvents: ['nausea', 'dizziness'], notes: ' slept badly ' })).toBe(
      'AE: nausea, dizziness · Note: slept badly',
    );
    expect(visitNoteText({ notes: 'pre-dose' })).toBe('Note: pre-dose');
    expect(visitNoteText({})).toBe('');
  });
});
