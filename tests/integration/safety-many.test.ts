import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraftAssessment } from '../../src/db/assessments-repo';
import { listHistory, undo } from '../../src/db/history-repo';
import {
  acknowledgeSafetyFlag,
  acknowledgeSafetyFlags,
  listOpenSafetyFlags,
} from '../../src/db/safety-repo';
import { db } from '../../src/db/db';
import { expectFailure, expectOk, freshDatabase, hamdItems, phq9, seedPatient } from './helpers';

beforeEach(freshDatabase);

/** Two patients with three open flags: PHQ-9 item 9 each, and HAMD-17 item 3 of the first. */
async function threeFlags() {
  const first = await seedPatient('P-001');
  const second = await seedPatient('P-002');
  const phqA = expectOk(
    await saveDraftAssessment({ visitId: first.visit.id, scaleId: 'PHQ-9', entry: phq9(2) }),
  );
  const hamdA = expectOk(
    await saveDraftAssessment({
      visitId: first.visit.id,
      scaleId: 'HAMD-17',
      entry: hamdItems(0, 0, 3),
    }),
  );
  const phqB = expectOk(
    await saveDraftAssessment({ visitId: second.visit.id, scaleId: 'PHQ-9', entry: phq9(1) }),
  );
  return { first, second, phqA, hamdA, phqB };
}

describe('acknowledging several safety flags at once', () => {
  it('writes one acknowledgement per flag with the one note, as one history group', async () => {
    const { first, second, phqA, hamdA, phqB } = await threeFlags();
    expect(await listOpenSafetyFlags()).toHaveLength(3);
    const acks = expectOk(
      await acknowledgeSafetyFlags(
        [
          { assessmentId: phqA.id, item: 9 },
          { assessmentId: hamdA.id, item: 3 },
          { assessmentId: phqB.id, item: 9 },
        ],
        { acknowledgedBy: 'Dr Lee', note: 'Reviewed at team meeting; safety plans checked' },
      ),
    );
    expect(acks.map((k) => [k.patientId, k.scaleId, k.item, k.value, k.note])).toEqual([
      [first.patient.id, 'PHQ-9', 9, 2, 'Reviewed at team meeting; safety plans checked'],
      [first.patient.id, 'HAMD-17', 3, 3, 'Reviewed at team meeting; safety plans checked'],
      [second.patient.id, 'PHQ-9', 9, 1, 'Reviewed at team meeting; safety plans checked'],
    ]);
    expect(await listOpenSafetyFlags()).toEqual([]);
    const entries = await Promise.all(acks.map((k) => listHistory({ recordId: k.id })));
    const groups = new Set(entries.map((e) => e[0]?.groupId));
    expect(groups.size).toBe(1);
    expect(entries.map((e) => [e.length, e[0]?.action, e[0]?.by, e[0]?.patientId])).toEqual([
      [1, 'create', 'Dr Lee', first.patient.id],
      [1, 'create', 'Dr Lee', first.patient.id],
      [1, 'create', 'Dr Lee', second.patient.id],
    ]);
    expect(entries[0]?.[0]?.operation).toBe('acknowledge 3 safety flags');

    // Undo takes back the whole acknowledgement: all three flags open again.
    expectOk(await undo(entries[0]?.[0]?.id ?? -1));
    expect(await listOpenSafetyFlags()).toHaveLength(3);
  });

  it('writes nothing when one flag of the list is already acknowledged', async () => {
    const { phqA, phqB } = await threeFlags();
    expectOk(await acknowledgeSafetyFlag({ assessmentId: phqB.id, item: 9, acknowledgedBy: 'A' }));
    const before = await db.safetyAcks.count();
    const reason = expectFailure(
      await acknowledgeSafetyFlags(
        [
          { assessmentId: phqA.id, item: 9 },
          { assessmentId: phqB.id, item: 9 },
        ],
        { acknowledgedBy: 'Dr Lee' },
      ),
    );
    expect(reason.reason).toMatch(/PHQ-9 item 9 of .* is already acknowledged/);
    expect(await db.safetyAcks.count()).toBe(before);
    expect(await listOpenSafetyFlags()).toHaveLength(2);
  });

  it('refuses the same flag named twice, and an empty choice', async () => {
    const { phqA } = await threeFlags();
    const flag = { assessmentId: phqA.id, item: 9 };
    expect(
      expectFailure(await acknowledgeSafetyFlags([flag, flag], { acknowledgedBy: 'Dr Lee' }))
        .reason,
    ).toMatch(/PHQ-9 item 9 of .* is already acknowledged/);
    expect(
      expectFailure(await acknowledgeSafetyFlags([], { acknowledgedBy: 'Dr Lee' })).reason,
    ).toBe('Choose at least one safety flag to acknowledge.');
    expect(await db.safetyAcks.count()).toBe(0);
  });
});
