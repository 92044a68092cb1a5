import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraftAssessment } from '../../src/db/assessments-repo';
import { getPatientRecord } from '../../src/db/patient-queries';
import { emptyItemEntry } from '../../src/domain/assessment';
import { expectFailure, expectOk, freshDatabase, newDraftVisit } from './helpers';

beforeEach(freshDatabase);

const phq = (...values: (number | null)[]) => ({
  mode: 'items' as const,
  responses: emptyItemEntry(10).responses.map((v, i) => values[i] ?? v),
});

const draftVisit = async () => (await newDraftVisit('TABS-1', '2024-03-01')).visitId;

describe('the same draft visit edited in two tabs', () => {
  it('keeps both tabs’ items: each save merges with what the other tab stored', async () => {
    const visitId = await draftVisit();
    const empty = phq();
    // Both tabs opened the visit before anything was stored (base null).
    const a = expectOk(
      await saveDraftAssessment({ visitId, scaleId: 'PHQ-9', entry: phq(2), base: null }),
    );
    const b = expectOk(
      await saveDraftAssessment({ visitId, scaleId: 'PHQ-9', entry: phq(null, 3), base: null }),
    );
    expect(b.entry).toEqual(phq(2, 3));
    // Tab A goes on from what it last saved; B's item 2 survives.
    const a2 = expectOk(
      await saveDraftAssessment({
        visitId,
        scaleId: 'PHQ-9',
        entry: phq(2, null, 1),
        base: a.entry,
      }),
    );
    expect(a2.entry).toEqual(phq(2, 3, 1));
    const stored = await getPatientRecord(a2.patientId);
    expect(stored?.assessments[0]?.entry).toEqual(phq(2, 3, 1));
    expect(empty.responses).toHaveLength(10);
  });

  it('refuses, writing nothing, when the merged summary would not add up', async () => {
    const visitId = await draftVisit();
    const summary = (total: number | null, subscales: Record<string, number>) => ({
      mode: 'summary' as const,
      total,
      subscales,
      items: {},
    });
    const a = expectOk(
      await saveDraftAssessment({
        visitId,
        scaleId: 'DARS',
        entry: summary(17, { hobbies: 3, food: 4, social: 4 }),
        base: null,
      }),
    );
    // Tab B, unaware of A, transcribes another total and the sensory domain.
    const failure = expectFailure(
      await saveDraftAssessment({
        visitId,
        scaleId: 'DARS',
        entry: summary(52, { sensory: 18 }),
        base: null,
      }),
    );
    expect(failure.reason).toMatch(
      /changed in another tab.*do not fit together.*add up to 29, but the total is 52/,
    );
    const record = await getPatientRecord(a.patientId);
    expect(record?.assessments[0]?.entry).toEqual(a.entry);
  });

  it('without a base the entry is written as given (a single form)', async () => {
    const visitId = await draftVisit();
    expectOk(await saveDraftAssessment({ visitId, scaleId: 'PHQ-9', entry: phq(1) }));
    const b = expectOk(
      await saveDraftAssessment({ visitId, scaleId: 'PHQ-9', entry: phq(null, 2) }),
    );
    expect(b.entry).toEqual(phq(null, 2));
  });
});
