import { beforeEach, describe, expect, it } from 'vitest';
import { addArm, createCohort, deleteCohort, updateCohort } from '../../src/db/cohorts-repo';
import { db } from '../../src/db/db';
import { enrolPatients, removeEnrolment, updateEnrolment } from '../../src/db/enrolments-repo';
import { listHistory, undo } from '../../src/db/history-repo';
import { createPatient, deletePatient, purgePatient } from '../../src/db/patients-repo';
import { isConflict } from '../../src/db/result';
import { expectFailure, expectOk, freshDatabase } from './helpers';

beforeEach(freshDatabase);

const study = () =>
  createCohort(
    { name: 'AXS-05 vs bupropion', kind: 'study', arms: ['AXS-05', 'Bupropion'] },
    { by: 'Dr Li' },
  );

async function twoPatients() {
  const a = expectOk(await createPatient({ code: 'A-1' }));
  const b = expectOk(await createPatient({ code: 'B-2' }));
  return { a, b };
}

const lastEntry = async (recordId: string) => (await listHistory({ recordId }))[0];

describe('stored cohorts', () => {
  it('creates a cohort with named arms, a revision, stamps and a history entry', async () => {
    const cohort = expectOk(await study());
    expect(cohort.arms.map((a) => a.name)).toEqual(['AXS-05', 'Bupropion']);
    expect(cohort.rev).toMatch(/^1-[0-9a-f]{14}$/);
    expect(cohort.author).toBe('Dr Li');
    expect(await db.cohorts.get(cohort.id)).toEqual(cohort);
    const entry = await lastEntry(cohort.id);
    expect(entry).toMatchObject({
      table: 'cohorts',
      action: 'create',
      patientId: '',
      by: 'Dr Li',
      operation: 'create cohort AXS-05 vs bupropion',
    });
  });

  it('refuses a cohort without arms, two arms of one name, or a name already used', async () => {
    expectOk(await study());
    expect(
      expectFailure(await createCohort({ name: 'Empty', kind: 'study', arms: [] })).issues,
    ).toEqual(['arms: a cohort needs at least one arm']);
    expect(
      expectFailure(await createCohort({ name: 'Twice', kind: 'study', arms: ['A', 'a'] })).issues,
    ).toEqual(['arms[1].name: "a" is already the name of arm 1; arm names must differ']);
    expect(
      expectFailure(await createCohort({ name: 'axs-05 VS bupropion', kind: 'study', arms: ['X'] }))
        .reason,
    ).toBe('There is already a cohort named "axs-05 VS bupropion".');
    expect(await db.cohorts.count()).toBe(1);
  });

  it('renames with the loaded revision, merges a change made meanwhile, and stops on the same field', async () => {
    const cohort = expectOk(await study());
    const renamed = expectOk(await updateCohort(cohort.id, { name: 'AXS' }, { base: cohort }));
    expect(renamed.rev).toMatch(/^2-/);
    // A second form still holding the first revision: another field merges…
    const described = expectOk(
      await updateCohort(cohort.id, { description: 'open label' }, { base: cohort }),
    );
    expect(described).toMatchObject({ name: 'AXS', description: 'open label' });
    // …the same field stops with both values.
    const clash = await updateCohort(cohort.id, { name: 'Other' }, { base: cohort });
    expect(isConflict(clash)).toBe(true);
    expect((await db.cohorts.get(cohort.id))?.name).toBe('AXS');
  });

  it('adds an arm at the end, refusing a name already used', async () => {
    const cohort = expectOk(await study());
    const more = expectOk(await addArm(cohort.id, 'Placebo', { base: cohort }));
    expect(more.arms.map((a) => a.name)).toEqual(['AXS-05', 'Bupropion', 'Placebo']);
    expect(expectFailure(await addArm(cohort.id, 'placebo', { base: more })).reason).toBe(
      'Arm "placebo": arms[3].name: "placebo" is already the name of arm 3; arm names must differ',
    );
  });
});

describe('enrolments', () => {
  it('enrols several patients in one arm as one change that one undo takes back', async () => {
    const cohort = expectOk(await study());
    const { a, b } = await twoPatients();
    const arm = cohort.arms[0]?.id ?? '';
    const made = expectOk(
      await enrolPatients(cohort.id, arm, [a.id, b.id], { enrolledOn: '2024-02-01', by: 'Dr Li' }),
    );
    expect(made.map((e) => [e.patientId, e.armId, e.enrolledOn, e.author])).toEqual([
      [a.id, arm, '2024-02-01', 'Dr Li'],
      [b.id, arm, '2024-02-01', 'Dr Li'],
    ]);
    const entry = await lastEntry(made[0]?.id ?? '');
    expect(entry).toMatchObject({ table: 'enrolments', patientId: a.id, action: 'create' });
    expect(entry?.operation).toBe('enrol 2 patients in AXS-05 vs bupropion, arm AXS-05');
    expectOk(await undo(entry?.id ?? 0));
    expect(await db.enrolments.count()).toBe(0);
  });

  it('refuses, writing nothing, a patient already in the cohort, an unknown patient or arm, a bad date', async () => {
    const cohort = expectOk(await study());
    const { a, b } = await twoPatients();
    const [first, second] = cohort.arms;
    expectOk(await enrolPatients(cohort.id, first?.id ?? '', [a.id]));
    const twice = expectFailure(await enrolPatients(cohort.id, second?.id ?? '', [b.id, a.id]));
    expect(twice.issues).toEqual([
      'Patient A-1 is already in cohort "AXS-05 vs bupropion" (arm AXS-05); a patient is in a cohort once.',
    ]);
    const unknown = '0b1d0000-0000-4000-8000-00000000dead';
    expect(expectFailure(await enrolPatients(cohort.id, first?.id ?? '', [unknown])).reason).toBe(
      `There is no patient with id ${unknown}.`,
    );
    expect(expectFailure(await enrolPatients(cohort.id, unknown, [b.id])).reason).toBe(
      `Cohort "AXS-05 vs bupropion" has no arm with id ${unknown}.`,
    );
    expect(
      expectFailure(
        await enrolPatients(cohort.id, first?.id ?? '', [b.id], { enrolledOn: '1 Feb' }),
      ).issues,
    ).toEqual(['Enrolment date enrolledOn: must be a date written YYYY-MM-DD (got "1 Feb")']);
    expect(await db.enrolments.count()).toBe(1);
  });

  it('moves a patient to another arm with the loaded revision, and removes with undo', async () => {
    const cohort = expectOk(await study());
    const { a } = await twoPatients();
    const [first, second] = cohort.arms;
    const [enrolment] = expectOk(await enrolPatients(cohort.id, first?.id ?? '', [a.id]));
    if (!enrolment) throw new Error('no enrolment');
    const moved = expectOk(
      await updateEnrolment(enrolment.id, { armId: second?.id ?? '' }, { base: enrolment }),
    );
    expect(moved.armId).toBe(second?.id);
    // A form still holding the first revision: the date merges, the arm stays moved…
    const dated = expectOk(
      await updateEnrolment(enrolment.id, { enrolledOn: '2024-03-01' }, { base: enrolment }),
    );
    expect([dated.armId, dated.enrolledOn]).toEqual([second?.id, '2024-03-01']);
    // …and a different date from the same stale form stops with both values.
    const clash = await updateEnrolment(
      enrolment.id,
      { enrolledOn: '2024-04-01' },
      { base: enrolment },
    );
    expect(isConflict(clash) && clash.conflict.fields.map((f) => f.field)).toEqual([
      'enrolment date',
    ]);
    expectOk(await removeEnrolment(enrolment.id));
    expect(await db.enrolments.count()).toBe(0);
    expect(await db.tombstones.get(enrolment.id)).toMatchObject({ table: 'enrolments' });
    const removal = await lastEntry(enrolment.id);
    expect(removal?.operation).toBe('remove A-1 from AXS-05 vs bupropion');
    expectOk(await undo(removal?.id ?? 0));
    expect((await db.enrolments.get(enrolment.id))?.armId).toBe(second?.id);
  });

  it('refuses an undo that would enrol a patient twice or in an arm the cohort lost', async () => {
    const cohort = expectOk(await study());
    const { a } = await twoPatients();
    const [first, second] = cohort.arms;
    const [enrolment] = expectOk(await enrolPatients(cohort.id, first?.id ?? '', [a.id]));
    expectOk(await removeEnrolment(enrolment?.id ?? ''));
    const removal = await lastEntry(enrolment?.id ?? '');
    expectOk(await enrolPatients(cohort.id, second?.id ?? '', [a.id]));
    const refused = expectFailure(await undo(removal?.id ?? 0));
    expect(refused.reason).toBe(
      'Cannot undo "remove A-1 from AXS-05 vs bupropion": patient A-1 would be in "AXS-05 vs bupropion" twice.',
    );
    // An arm added, a patient enrolled in it: undoing the arm is refused.
    const now = (await db.cohorts.get(cohort.id)) ?? cohort;
    const more = expectOk(await addArm(cohort.id, 'Placebo', { base: now }));
    const armEntry = await lastEntry(cohort.id);
    const b = expectOk(await createPatient({ code: 'C-3' }));
    expectOk(await enrolPatients(cohort.id, more.arms[2]?.id ?? '', [b.id]));
    expect(expectFailure(await undo(armEntry?.id ?? 0)).reason).toBe(
      'Cannot undo "add arm Placebo to AXS-05 vs bupropion": an enrolment in "AXS-05 vs bupropion" would name an arm it no longer has.',
    );
    expect((await db.cohorts.get(cohort.id))?.arms).toHaveLength(3);
  });

  it('goes with its patient (delete and undo, erase) and with its cohort', async () => {
    const cohort = expectOk(await study());
    const { a, b } = await twoPatients();
    expectOk(await enrolPatients(cohort.id, cohort.arms[0]?.id ?? '', [a.id, b.id]));
    expectOk(await deletePatient(a.id));
    expect((await db.enrolments.toArray()).map((e) => e.patientId)).toEqual([b.id]);
    const deletion = (await listHistory({ patientId: a.id }))[0];
    expectOk(await undo(deletion?.id ?? 0));
    expect(await db.enrolments.count()).toBe(2);
    expectOk(await purgePatient(a.id));
    expect(await db.enrolments.where('patientId').equals(a.id).count()).toBe(0);
    expect(await db.history.where('patientId').equals(a.id).count()).toBe(0);
    expect(expectOk(await deleteCohort(cohort.id))).toEqual({ enrolments: 1 });
    expect(await db.enrolments.count()).toBe(0);
    const gone = await lastEntry(cohort.id);
    expectOk(await undo(gone?.id ?? 0));
    expect(await db.enrolments.count()).toBe(1);
  });
});
