import { beforeEach, describe, expect, it } from 'vitest';
import { readBackup } from '../../src/db/backup/export-backup';
import { prepareExternalImport } from '../../src/db/backup/external-import';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import { buildFhirBundle } from '../../src/interop/fhir/fhir-export';
import { readFhirBundle } from '../../src/interop/fhir/fhir-import';
import { generateCohort } from '../../src/interop/testing/cohort';
import { dumpDatabase, expectOk, freshDatabase, importFixture } from './helpers';
import { courseSnapshot, importExternal } from './interop-helpers';

beforeEach(freshDatabase);

const exportFhir = async (includeNames = true) =>
  JSON.stringify(buildFhirBundle(expectOk(await readBackup({ scope: 'all' })), { includeNames }));

async function roundTrip() {
  const before = await courseSnapshot();
  const bundle = await exportFhir();
  await freshDatabase();
  expectOk(await importExternal(readFhirBundle(new TextEncoder().encode(bundle))));
  return { before, after: await courseSnapshot(), bundle };
}

describe('FHIR round trip: export, then import into an empty database', () => {
  it('gives the reference case back figure for figure', async () => {
    await importFixture();
    const { before, after } = await roundTrip();
    expect(after).toEqual(before);
    const hamd = after.rows.filter((r) => r.scale === 'HAMD-17' && r.measure === 'total');
    expect(hamd.map((r) => r.value)).toEqual([18, 2, 5, 10, 17]);
  }, 30_000);

  it('gives a generated cohort of 60 patients back figure for figure', async () => {
    const cohort = expectOk(parseBackup(JSON.stringify(generateCohort(11, 60))));
    expectOk(await importBackup(cohort, { onConflict: 'skip' }));
    const { before, after } = await roundTrip();
    expect(after.rows.length).toBeGreaterThan(1000);
    expect(after).toEqual(before);
  }, 30_000);

  it('leaves names out when not chosen', async () => {
    await importFixture();
    const bundle = await exportFhir(false);
    await freshDatabase();
    expectOk(await importExternal(readFhirBundle(bundle)));
    const after = await courseSnapshot();
    expect(after.patients.every((p) => p.name === undefined)).toBe(true);
  }, 30_000);

  it('plans a second import of the same Bundle as identical and writes nothing', async () => {
    await importFixture();
    const bundle = await exportFhir();
    const dump = await dumpDatabase();
    const plan = expectOk(await prepareExternalImport(expectOk(readFhirBundle(bundle))));
    expect(plan.patients.map((p) => p.kind)).toEqual(['identical']);
    const result = expectOk(await importBackup(plan.backup, { onConflict: 'replace' }));
    expect(result.changes).toBe(0);
    expect(await dumpDatabase()).toBe(dump);
  }, 30_000);
  it('exports one patient alone: only its own resources, every reference inside the Bundle', async () => {
    await importFixture();
    const cohort = expectOk(parseBackup(JSON.stringify(generateCohort(13, 5))));
    expectOk(await importBackup(cohort, { onConflict: 'skip' }));
    const one = cohort.patients[2];
    const data = expectOk(await readBackup({ scope: 'patient', patientId: one?.id ?? '' }));
    const bundle = buildFhirBundle(data);
    const patients = bundle.entry.filter((e) => e.resource?.resourceType === 'Patient');
    expect(patients.map((e) => e.resource?.id)).toEqual([one?.id]);
    const text = JSON.stringify(bundle);
    for (const other of cohort.patients.filter((p) => p.id !== one?.id))
      expect(text).not.toContain(other.id);
    expect(expectOk(readFhirBundle(text)).patients.map((p) => p.code)).toEqual([one?.code]);
  }, 30_000);
});
