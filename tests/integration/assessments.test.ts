import { beforeEach, describe, expect, it } from 'vitest';
import {
  deleteAssessment,
  saveDraftAssessment,
  updateFinalAssessment,
} from '../../src/db/assessments-repo';
import { db } from '../../src/db/db';
import { listHistory, undo } from '../../src/db/history-repo';
import type { AssessmentEntry } from '../../src/domain/assessment';
import { finalizeVisit } from '../../src/db/visits-repo';
import {
  dumpDatabase,
  expectFailure,
  expectOk,
  freshDatabase,
  hamdItems,
  seedPatient,
  withoutStampsDeep,
} from './helpers';

beforeEach(freshDatabase);

describe('an invalid assessment is never stored', () => {
  const seventeen = Array.from({ length: 17 }, () => '1');
  it.each<[string, string, unknown, RegExp]>([
    [
      'out of range',
      'HAMD-17',
      hamdItems(1, 1, 7),
      /HAMD-17 item 3 must be between 0 and 4 \(got 7\)/,
    ],
    [
      'not a whole number',
      'HAMD-17',
      hamdItems(1.5),
      /HAMD-17 item 1 must be a whole number.*\(got 1\.5\)/,
    ],
    [
      'wrong item count',
      'HAMD-17',
      { mode: 'items', responses: [1, 2] },
      /HAMD-17 has 17 items; 2 responses were given/,
    ],
    ['unknown scale', 'BDI-II', hamdItems(1), /Unknown scale "BDI-II"/],
    [
      'wrong shape',
      'HAMD-17',
      { mode: 'items', responses: seventeen },
      /entry\.responses\[0\]: Invalid input/,
    ],
    [
      'summary total out of range',
      'PHQ-9',
      { mode: 'summary', total: 30, subscales: {}, items: {} },
      /PHQ-9 total must be between 0 and 27 \(got 30\)/,
    ],
    [
      'summary inconsistent with its items',
      'DARS',
      {
        mode: 'summary',
        total: 20,
        subscales: { hobbies: 3, food: 4, social: 4, sensory: 6 },
        items: {},
      },
      /add up to 17, but the total is 20/,
    ],
  ])('%s', async (_name, scaleId, entry, message) => {
    const { visit } = await seedPatient();
    const before = await dumpDatabase();
    const failure = expectFailure(
      await saveDraftAssessment({ visitId: visit.id, scaleId, entry: entry as AssessmentEntry }),
    );
    expect(failure.issues.join('\n')).toMatch(message);
    expect(await dumpDatabase()).toBe(before);
  });

  it('nor by an edit of a final assessment', async () => {
    const { visit, hamd } = await seedPatient();
    expectOk(await finalizeVisit(visit.id));
    const failure = expectFailure(
      await updateFinalAssessment({
        visitId: visit.id,
        scaleId: 'HAMD-17',
        entry: hamdItems(5),
        base: hamd.entry,
      }),
    );
    expect(failure.reason).toMatch(/item 1 must be between 0 and 4 \(got 5\)/);
    expect((await db.assessments.get(hamd.id))?.entry).toEqual(hamd.entry);
  });
});

describe('drafts', () => {
  it('upserts one assessment per scale and visit', async () => {
    const { visit, hamd } = await seedPatient();
    const again = expectOk(
      await saveDraftAssessment({
        visitId: visit.id,
        scaleId: 'HAMD-17',
        entry: hamdItems(3, 1, 0),
      }),
    );
    expect(again.id).toBe(hamd.id);
    expect(await db.assessments.count()).toBe(1);
    expect(again).toMatchObject({
      status: 'draft',
      date: visit.date,
      patientId: visit.patientId,
      scaleVersion: 'HAMD-17 (Hamilton 1960/1967)',
    });
  });

  it('coalesces a run of draft saves into one history entry that undo reverts as a whole', async () => {
    const { visit, hamd } = await seedPatient();
    for (let v = 0; v <= 4; v += 1) {
      expectOk(
        await saveDraftAssessment({
          visitId: visit.id,
          scaleId: 'HAMD-17',
          entry: hamdItems(v, 2),
        }),
      );
    }
    const history = await listHistory({ recordId: hamd.id });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      action: 'create',
      before: null,
      operation: 'save draft assessment',
    });
    expect(history[0]!.after).toEqual(await db.assessments.get(hamd.id));
    // Undo of the run: the draft did not exist before it.
    expectOk(await undo(history[0]!.id));
    expect(await db.assessments.get(hamd.id)).toBeUndefined();
  });

  it('refuses a draft save in a final visit, pointing to the final edit', async () => {
    const { visit } = await seedPatient();
    expectOk(await finalizeVisit(visit.id));
    expect(
      expectFailure(
        await saveDraftAssessment({
          visitId: visit.id,
          scaleId: 'PHQ-9',
          entry: { mode: 'summary', total: 3, subscales: {}, items: {} },
        }),
      ).reason,
    ).toMatch(/is final: edit its assessments with updateFinalAssessment/);
  });
});

describe('final assessments', () => {
  it('every edit keeps the previous value in history; undo restores it', async () => {
    const { visit, hamd } = await seedPatient();
    expectOk(await finalizeVisit(visit.id));
    const finalValue = await db.assessments.get(hamd.id);
    const e1 = expectOk(
      await updateFinalAssessment({
        visitId: visit.id,
        scaleId: 'HAMD-17',
        entry: hamdItems(2, 1, 1),
        rater: 'Dr Lee',
        base: hamd.entry,
      }),
    );
    const e2 = expectOk(
      await updateFinalAssessment({
        visitId: visit.id,
        scaleId: 'HAMD-17',
        entry: hamdItems(2, 2, 1),
        base: e1.entry,
      }),
    );
    expect(e2.rater).toBe('Dr Lee');
    const [second, first, finalize] = await listHistory({ recordId: hamd.id });
    expect(first).toMatchObject({ action: 'update', before: finalValue, after: e1 });
    expect(second).toMatchObject({
      action: 'update',
      before: e1,
      after: e2,
      operation: 'edit final HAMD-17 of 2024-01-10',
    });
    expect(finalize?.operation).toBe('finalize visit 2024-01-10');
    expect(expectFailure(await undo(first!.id)).reason).toMatch(/changed again afterwards/);
    expectOk(await undo(second!.id));
    expect(withoutStampsDeep(await db.assessments.get(hamd.id))).toEqual(withoutStampsDeep(e1));
  });

  it('adds a new scale to a final visit as final', async () => {
    const { visit } = await seedPatient();
    expectOk(await finalizeVisit(visit.id));
    const added = expectOk(
      await updateFinalAssessment({
        visitId: visit.id,
        scaleId: 'CGI-S',
        entry: { mode: 'items', responses: [4] },
        base: null,
      }),
    );
    expect(added.status).toBe('final');
    expect((await listHistory({ recordId: added.id }))[0]).toMatchObject({
      action: 'create',
      operation: 'add final CGI-S of 2024-01-10',
    });
  });

  it('deleting an assessment keeps it in history and undo restores it', async () => {
    const { hamd } = await seedPatient();
    expectOk(await deleteAssessment(hamd.id));
    expect(await db.assessments.get(hamd.id)).toBeUndefined();
    const [deletion] = await listHistory({ recordId: hamd.id });
    expect(deletion).toMatchObject({ action: 'delete', before: hamd, after: null });
    expectOk(await undo(deletion!.id));
    expect(await db.assessments.get(hamd.id)).toEqual(hamd);
  });
});
