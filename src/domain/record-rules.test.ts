import { describe, expect, it } from 'vitest';
import { brokenRules, type RuleRecords } from './record-rules';

const none: RuleRecords = { patientId: 'p1', events: [], visits: [], assessments: [] };
const event = (id: string, isIndex: boolean, date = '2024-01-10') => ({
  id,
  isIndex,
  label: 'dezocine',
  date,
});
const visit = (id: string, status: 'draft' | 'final', date: string) => ({ id, status, date });

describe('brokenRules: rules across one patient’s records after sync', () => {
  it('nothing broken: nothing listed', () => {
    expect(
      brokenRules({
        ...none,
        events: [event('e1', true), event('e2', false)],
        visits: [visit('v1', 'final', '2024-01-10'), visit('v2', 'draft', '2024-01-17')],
        assessments: [
          { id: 'a1', visitId: 'v1', scaleId: 'HAMD-17', date: '2024-01-10', status: 'final' },
        ],
      }),
    ).toEqual([]);
  });

  it('two index events: one break naming both, with the ways out', () => {
    const [found, ...more] = brokenRules({
      ...none,
      events: [event('e1', true, '2024-01-10'), event('e2', true, '2024-01-12')],
    });
    expect(more).toEqual([]);
    expect(found).toMatchObject({
      kind: 'index-event',
      id: 'index-event:p1',
      recordIds: ['e1', 'e2'],
    });
    expect(found?.explanation).toMatch(
      /^2 treatment events are marked as the index event: dezocine \(2024-01-10\) and dezocine \(2024-01-12\)/,
    );
    expect(found?.waysOut.length).toBeGreaterThan(0);
  });

  it('two draft visits: one break', () => {
    expect(
      brokenRules({
        ...none,
        visits: [visit('v1', 'draft', '2024-01-10'), visit('v2', 'draft', '2024-01-11')],
      }).map((b) => [b.kind, b.recordIds]),
    ).toEqual([['draft-visit', ['v1', 'v2']]]);
  });

  it("an assessment whose copy of its visit's date or status disagrees: one break each", () => {
    const found = brokenRules({
      ...none,
      visits: [visit('v1', 'final', '2024-01-11')],
      assessments: [
        { id: 'a1', visitId: 'v1', scaleId: 'HAMD-17', date: '2024-01-10', status: 'final' },
        { id: 'a2', visitId: 'v1', scaleId: 'MADRS', date: '2024-01-11', status: 'draft' },
        { id: 'a3', visitId: 'v1', scaleId: 'CGI-S', date: '2024-01-11', status: 'final' },
      ],
    });
    expect(found.map((b) => b.id)).toEqual(['visit-copy:a1', 'visit-copy:a2']);
    expect(found[0]?.explanation).toBe(
      'The HAMD-17 of the visit of 2024-01-11 has the date 2024-01-10 (the visit is on 2024-01-11): the visit was changed on one device while the assessment was changed on another.',
    );
    expect(found[1]?.explanation).toMatch(/the status draft \(the visit is final\)/);
  });
});
