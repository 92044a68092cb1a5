/**
 * Two tabs save the same record: each opened it before the other saved. No save may
 * overwrite a change it did not see; different fields merge, the same field stops the
 * save with both values. (Issue 12's table: patient form, treatment event, finished visit.)
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { updateFinalAssessment } from '../../src/db/assessments-repo';
import { db } from '../../src/db/db';
import { updateEvent } from '../../src/db/events-repo';
import { createPatient, updatePatient } from '../../src/db/patients-repo';
import { isConflict } from '../../src/db/result';
import { revNumber } from '../../src/db/revision';
import { finalizeVisit, updateVisit } from '../../src/db/visits-repo';
import { dumpDatabase, expectOk, freshDatabase, hamdItems, seedPatient } from './helpers';

beforeEach(freshDatabase);

describe('two tabs save the same patient form', () => {
  it('A changes the name, B the notes: both changes are kept', async () => {
    const loaded = expectOk(await createPatient({ code: 'P-1', name: 'Old', notes: 'n0' }));
    const a = { code: 'P-1', name: 'New name', notes: 'n0' };
    const b = { code: 'P-1', name: 'Old', notes: 'n1' };
    expectOk(await updatePatient(loaded.id, a, { base: loaded }));
    const saved = expectOk(await updatePatient(loaded.id, b, { base: loaded }));
    expect(saved).toMatchObject({ name: 'New name', notes: 'n1' });
    expect(await db.patients.get(loaded.id)).toMatchObject({ name: 'New name', notes: 'n1' });
    expect(revNumber(saved.rev)).toBe(3);
  });

  it('both change the name: B is stopped with both values, and its choice is saved', async () => {
    const loaded = expectOk(await createPatient({ code: 'P-1', name: 'Old' }));
    expectOk(await updatePatient(loaded.id, { name: 'From A', notes: 'a' }, { base: loaded }));
    const before = await dumpDatabase();
    const result = await updatePatient(loaded.id, { name: 'From B' }, { base: loaded });
    if (!isConflict(result)) throw new Error('expected a conflict');
    expect(result.conflict.fields).toEqual([
      { field: 'name', key: 'name', base: 'Old', mine: 'From B', theirs: 'From A' },
    ]);
    expect(result.issues).toEqual(['name: yours "From B", stored now "From A"']);
    expect(await dumpDatabase()).toBe(before);
    const chosen = expectOk(
      await updatePatient(
        loaded.id,
        { name: 'From B' },
        { base: loaded, choices: { name: 'mine' } },
      ),
    );
    // B's choice for the name; A's notes, which B never touched, are kept.
    expect(chosen).toMatchObject({ name: 'From B', notes: 'a' });
  });

  it('a save whose base is current writes as given (one tab)', async () => {
    const loaded = expectOk(await createPatient({ code: 'P-1', name: 'Old' }));
    const saved = expectOk(await updatePatient(loaded.id, { name: 'New' }, { base: loaded }));
    expect(expectOk(await updatePatient(loaded.id, { name: 'Newer' }, { base: saved })).name).toBe(
      'Newer',
    );
  });
});

describe('two tabs save the same treatment event', () => {
  it('A changes the dose, B the details: both kept; the same field conflicts', async () => {
    const { event } = await seedPatient();
    expectOk(await updateEvent(event.id, { dose: 5, unit: 'mg' }, { base: event }));
    const b = expectOk(await updateEvent(event.id, { details: 'IV push' }, { base: event }));
    expect(b).toMatchObject({ dose: 5, unit: 'mg', details: 'IV push', label: 'dezocine' });
    const clash = await updateEvent(event.id, { dose: 10 }, { base: event });
    expect(
      isConflict(clash) && clash.conflict.fields.map((f) => [f.field, f.mine, f.theirs]),
    ).toEqual([['dose', 10, 5]]);
    expect((await db.events.get(event.id))?.dose).toBe(5);
  });
});

describe('two tabs "Save changes" on the same finished visit', () => {
  it('different items merge; the same item stops the save with both values', async () => {
    const { visit, hamd } = await seedPatient();
    expectOk(await finalizeVisit(visit.id));
    const loaded = hamd.entry; // both tabs loaded items 1-3 = 2, 1, 0
    expectOk(
      await updateFinalAssessment({
        visitId: visit.id,
        scaleId: 'HAMD-17',
        entry: hamdItems(3, 1, 0),
        base: loaded,
      }),
    );
    const b = expectOk(
      await updateFinalAssessment({
        visitId: visit.id,
        scaleId: 'HAMD-17',
        entry: hamdItems(2, 1, 2),
        base: loaded,
      }),
    );
    expect(b.entry).toEqual(hamdItems(3, 1, 2));
    const before = await dumpDatabase();
    const clash = await updateFinalAssessment({
      visitId: visit.id,
      scaleId: 'HAMD-17',
      entry: hamdItems(1, 1, 0),
      base: loaded,
    });
    if (!isConflict(clash)) throw new Error('expected a conflict');
    expect(clash.conflict.fields).toEqual(
      [
        { field: 'HAMD-17 item 1', key: 'responses.0', base: 2, mine: 1, theirs: 3 },
        { field: 'HAMD-17 item 3', key: 'responses.2', base: 0, mine: 0, theirs: 2 },
      ].filter((f) => f.mine !== f.base),
    );
    expect(await dumpDatabase()).toBe(before);
    const resolved = expectOk(
      await updateFinalAssessment({
        visitId: visit.id,
        scaleId: 'HAMD-17',
        entry: hamdItems(1, 1, 0),
        base: loaded,
        choices: { 'responses.0': 'theirs' },
      }),
    );
    expect(resolved.entry).toEqual(hamdItems(3, 1, 2));
  });
});

describe('a visit date changed in two tabs', () => {
  it('notes from one tab and date from the other are both kept', async () => {
    const { visit } = await seedPatient();
    expectOk(await updateVisit(visit.id, { notes: 'seen with family' }, { base: visit }));
    const moved = expectOk(await updateVisit(visit.id, { date: '2024-01-12' }, { base: visit }));
    expect(moved).toMatchObject({ date: '2024-01-12', notes: 'seen with family' });
    const clash = await updateVisit(visit.id, { date: '2024-01-13' }, { base: visit });
    expect(isConflict(clash)).toBe(true);
  });
});
