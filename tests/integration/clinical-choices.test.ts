// Issue 14: the choices that change figures are stored with the data. The chosen baseline is
// on the patient record (history, backups, undo); the conventions in use are in the database
// for every tab; choices this browser kept in localStorage are adopted once.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../src/db/backup/backup-format';
import { backupToJson } from '../../src/db/backup/backup-text';
import { readBackup } from '../../src/db/backup/export-backup';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import {
  adoptLocalChoices,
  getClinicalRules,
  setClinicalRule,
} from '../../src/db/clinical-choices';
import { listHistory, undo } from '../../src/db/history-repo';
import { getPatient } from '../../src/db/patient-queries';
import { chooseBaseline } from '../../src/db/patients-repo';
import { createVisit, deleteVisit } from '../../src/db/visits-repo';
import { DEFAULT_RULES } from '../../src/domain/clinical-rules';
import { expectFailure, expectOk, freshDatabase, importFixture } from './helpers';

beforeEach(freshDatabase);

const DEZ = 'de20c1e0-0000-4000-8000-000000000001';
const WEEK1 = 'de20c1e0-0002-4000-8000-000000000002';

describe('the chosen baseline, on the patient record', () => {
  it('is written with history, in the backup, and undone like any edit', async () => {
    await importFixture();
    expectOk(await chooseBaseline(DEZ, WEEK1, { by: 'Dr Lee' }));
    expect((await getPatient(DEZ))?.baselineVisitId).toBe(WEEK1);
    const [entry] = await listHistory({ recordId: DEZ });
    expect(entry).toMatchObject({ operation: 'choose baseline 2023-12-07', by: 'Dr Lee' });

    const backup = expectOk(await readBackup({ scope: 'all' }));
    expect(backup.patients[0]?.baselineVisitId).toBe(WEEK1);
    expect(expectOk(parseBackup(backupToJson(backup))).patients[0]?.baselineVisitId).toBe(WEEK1);

    expectOk(await undo(entry!.id));
    expect((await getPatient(DEZ))?.baselineVisitId).toBeUndefined();
  });

  it('refuses a visit of another patient, writing nothing', async () => {
    await importFixture();
    const other = await createVisit({ patientId: DEZ, date: '2024-02-01' });
    expect(other.ok).toBe(true);
    const failure = expectFailure(
      await chooseBaseline(DEZ, '00000000-0000-4000-8000-000000000000'),
    );
    expect(failure.reason).toBe(
      'Visit 00000000-0000-4000-8000-000000000000 is not a visit of patient DEZ-001.',
    );
    expect((await getPatient(DEZ))?.baselineVisitId).toBeUndefined();
  });

  it('goes with its visit when the visit is deleted (one change, undone together)', async () => {
    await importFixture();
    expectOk(await chooseBaseline(DEZ, WEEK1));
    expectOk(await deleteVisit(WEEK1));
    expect((await getPatient(DEZ))?.baselineVisitId).toBeUndefined();
    const [entry] = await listHistory({ recordId: DEZ });
    expectOk(await undo(entry!.id));
    expect((await getPatient(DEZ))?.baselineVisitId).toBe(WEEK1);
  });

  it('is refused in a backup when it names no visit of the patient', async () => {
    await importFixture();
    const backup = expectOk(await readBackup({ scope: 'all' }));
    const bad = {
      ...backup,
      patients: [
        { ...backup.patients[0], baselineVisitId: '00000000-0000-4000-8000-000000000009' },
      ],
    };
    // Not a valid Backup on purpose: the reader must refuse it.
    const failure = expectFailure(parseBackup(backupToJson(bad as unknown as Backup)));
    expect(failure.issues).toContain(
      'patients[0].baselineVisitId: no visit with id 00000000-0000-4000-8000-000000000009 of patient DEZ-001 in this file',
    );
  });
});

describe('the conventions in use, in the database', () => {
  it('start at every scale’s default and keep each choice', async () => {
    expect(await getClinicalRules()).toEqual(DEFAULT_RULES);
    expectOk(await setClinicalRule('remissionRule', 'MADRS', 'le12'));
    expectOk(await setClinicalRule('relapseRule', 'MADRS', 'ge22x2'));
    expect(await getClinicalRules()).toEqual({
      bandConvention: {},
      remissionRule: { MADRS: 'le12' },
      relapseRule: { MADRS: 'ge22x2' },
    });
  });
});

describe('adoptLocalChoices (once, from localStorage)', () => {
  const rules = { bandConvention: {}, remissionRule: { 'HAMD-17': 'le6' }, relapseRule: {} };

  it('adopts rules when none are stored, and baselines of patients without one', async () => {
    await importFixture();
    const result = expectOk(
      await adoptLocalChoices({
        rules,
        baselines: { [DEZ]: WEEK1, 'no-such-patient': WEEK1 },
      }),
    );
    expect(result).toEqual({ rules: true, baselines: 1 });
    expect(await getClinicalRules()).toEqual(rules);
    expect((await getPatient(DEZ))?.baselineVisitId).toBe(WEEK1);
    const [entry] = await listHistory({ recordId: DEZ });
    expect(entry?.operation).toBe('adopt baselines chosen on this device');
  });

  it('never overwrites what the database already holds', async () => {
    await importFixture();
    expectOk(await setClinicalRule('remissionRule', 'HAMD-17', 'le7'));
    const BASE = 'de20c1e0-0002-4000-8000-000000000001';
    expectOk(await chooseBaseline(DEZ, BASE));
    const result = expectOk(await adoptLocalChoices({ rules, baselines: { [DEZ]: WEEK1 } }));
    expect(result).toEqual({ rules: false, baselines: 0 });
    expect((await getClinicalRules()).remissionRule).toEqual({ 'HAMD-17': 'le7' });
    expect((await getPatient(DEZ))?.baselineVisitId).toBe(BASE);
  });
});

describe('the conventions in use, in backups', () => {
  it('travel in the file and are adopted by a device that has none', async () => {
    await importFixture();
    expectOk(await setClinicalRule('relapseRule', 'MADRS', 'ge22x2'));
    const backup = expectOk(await readBackup({ scope: 'all' }));
    expect(backup.clinicalRules?.relapseRule).toEqual({ MADRS: 'ge22x2' });
    const text = backupToJson(backup);

    await freshDatabase();
    const summary = expectOk(
      await importBackup(expectOk(parseBackup(text)), { onConflict: 'skip' }),
    );
    expect(summary.rules).toBe('adopted');
    expect((await getClinicalRules()).relapseRule).toEqual({ MADRS: 'ge22x2' });
  });

  it('never replace this device’s own conventions silently', async () => {
    await importFixture();
    expectOk(await setClinicalRule('relapseRule', 'MADRS', 'ge22x2'));
    const text = backupToJson(expectOk(await readBackup({ scope: 'all' })));
    await freshDatabase();
    expectOk(await setClinicalRule('relapseRule', 'MADRS', 'ge18x2'));
    const summary = expectOk(
      await importBackup(expectOk(parseBackup(text)), { onConflict: 'skip' }),
    );
    expect(summary.rules).toBe('kept');
    expect((await getClinicalRules()).relapseRule).toEqual({ MADRS: 'ge18x2' });
  });

  it('refuse a file whose conventions name an unknown scale', async () => {
    await importFixture();
    const backup = expectOk(await readBackup({ scope: 'all' }));
    const bad = {
      ...backup,
      clinicalRules: { bandConvention: {}, remissionRule: { BDI: 'le9' }, relapseRule: {} },
    };
    expect(expectFailure(parseBackup(backupToJson(bad as Backup))).issues.join(' ')).toMatch(
      /clinicalRules\.remissionRule/,
    );
  });
});
