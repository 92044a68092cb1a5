import { beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '../../src/db/backup/export-backup';
import { createCohort } from '../../src/db/cohorts-repo';
import { db } from '../../src/db/db';
import { enrolPatients } from '../../src/db/enrolments-repo';
import { createPatient } from '../../src/db/patients-repo';
import { createVisit } from '../../src/db/visits-repo';
import { buildRedcapData, redcapArms } from '../../src/interop/redcap/redcap-export';
import { expectOk, freshDatabase, importFixture } from './helpers';

beforeEach(freshDatabase);

/** record_id and redcap_event_name of each data row. */
const events = (csv: string) =>
  csv
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').slice(0, 2).join(' '));

describe('REDCap export with a stored cohort', () => {
  it("puts each enrolled patient in their arm's number, and leaves out the others", async () => {
    await importFixture();
    const dez = await db.patients.where('codeKey').equals('dez-001').first();
    const other = expectOk(await createPatient({ code: 'B-2' }));
    expectOk(await createVisit({ patientId: other.id, date: '2024-05-01' }));
    const outside = expectOk(await createPatient({ code: 'C-3' }));
    expectOk(await createVisit({ patientId: outside.id, date: '2024-05-01' }));
    const cohort = expectOk(
      await createCohort({ name: 'Study', kind: 'study', arms: ['Control', 'Dezocine'] }),
    );
    expectOk(await enrolPatients(cohort.id, cohort.arms[1]?.id ?? '', [dez?.id ?? '']));
    expectOk(await enrolPatients(cohort.id, cohort.arms[0]?.id ?? '', [other.id]));
    const data = expectOk(await readBackup({ scope: 'all' }));
    const arms = redcapArms(data, cohort.id);
    expect(arms).toEqual(
      new Map([
        [dez?.id, 2],
        [other.id, 1],
      ]),
    );
    const rows = events(buildRedcapData(data, arms ?? undefined));
    expect(rows.filter((r) => r.startsWith('DEZ-001 '))).toHaveLength(5);
    expect(rows.filter((r) => r.startsWith('DEZ-001 ')).every((r) => r.endsWith('_arm_2'))).toBe(
      true,
    );
    expect(rows.filter((r) => !r.startsWith('DEZ-001 '))).toEqual(['B-2 baseline_arm_1']);
    // Without a cohort: everyone, arm 1, as before.
    expect(events(buildRedcapData(data)).every((r) => r.endsWith('_arm_1'))).toBe(true);
    expect(redcapArms(data, '0b1d0000-0000-4000-8000-00000000dead')).toBeNull();
  });
});
