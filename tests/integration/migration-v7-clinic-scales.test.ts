/**
 * v3 → v7: a database written at v3 (a patient, a visit, a PHQ-9) gains the empty table of
 * clinic-defined scales with every record kept; one holding an assessment that names a
 * clinic-defined scale (which no v3 app could define) is refused by the named step, and stays
 * at v3 with its records.
 */
import { Dexie } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrajectoryDb } from '../../src/db/db';
import { upgradeFailureOf } from '../../src/db/migrations/upgrade-failure';
import type { MigrationLogEntry } from '../../src/db/schema';
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../src/db/versions';

const P = '0b1d0000-0000-4000-8000-0000000007a1';
const V = '0b1d0000-0000-4000-8000-0000000007b1';
const A = '0b1d0000-0000-4000-8000-0000000007c1';
const at = '2024-03-01T10:00:00.000Z';
const patient = {
  id: P,
  code: 'V7-1',
  codeKey: 'v7-1',
  nameWords: [],
  createdAt: at,
  updatedAt: at,
};
const visit = {
  id: V,
  patientId: P,
  date: '2024-03-01',
  status: 'final',
  createdAt: at,
  updatedAt: at,
};
const phq9 = {
  id: A,
  visitId: V,
  patientId: P,
  date: '2024-03-01',
  scaleId: 'PHQ-9',
  scaleVersion: 'Kroenke 2001',
  entry: { mode: 'items', responses: [1, 1, 1, 1, 1, 0, 0, 0, 0, 0] },
  status: 'final',
  updatedAt: at,
  flaggedItems: [],
};

let counter = 0;
const names: string[] = [];

async function createV3Database(assessments: readonly object[]): Promise<string> {
  const name = `migration-v7-test-${(counter += 1)}`;
  names.push(name);
  const old = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 3))
    old.version(v.version).stores(v.stores);
  await old.transaction('rw', old.tables, async () => {
    await old.table('patients').add(patient);
    await old.table('visits').add(visit);
    await old.table('assessments').bulkAdd(assessments);
  });
  old.close();
  return name;
}

afterAll(async () => {
  for (const name of names) await Dexie.delete(name);
});

describe('v3 → v7 (clinic-defined scales)', () => {
  it('adds the empty table of clinic scales and keeps every record', async () => {
    const db = createTrajectoryDb(await createV3Database([phq9]));
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.scaleDefinitions.count()).toBe(0);
    expect(await db.visits.get(V)).toMatchObject(visit);
    expect(await db.assessments.get(A)).toMatchObject(phq9);
    const log = (await db.meta.get('migrationLog'))?.value as readonly MigrationLogEntry[];
    expect(log.find((e) => e.version === 7)).toMatchObject({
      version: 7,
      step: 'v7-clinic-scales',
      summary: 'clinic scale table made (0 definitions)',
    });
    db.close();
  });

  it('refuses a database with an assessment of a clinic scale it has no definition of', async () => {
    const orphan = { ...phq9, id: `${A.slice(0, -1)}2`, scaleId: 'clinic:mood', scaleVersion: 'x' };
    const name = await createV3Database([phq9, orphan]);
    const db = createTrajectoryDb(name);
    const error: unknown = await db.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(upgradeFailureOf(error)).toMatchObject({
      step: 'v7-clinic-scales',
      version: 7,
    });
    db.close();
    const raw = new Dexie(name);
    await raw.open();
    expect(raw.verno).toBe(3);
    expect(await raw.table('assessments').count()).toBe(2);
    raw.close();
  });
});
