/**
 * A failed upgrade step (issue 12): a v3 database holding a record that makes a (test-only)
 * v4 step throw. The open fails with the step, table, record and the error in plain words;
 * IndexedDB rolls the upgrade back, so the database stays at v3 with every record; and the
 * old database, read raw without upgrading, is a backup that imports into a new database.
 */
import { Dexie } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import { createTrajectoryDb } from '../../src/db/db';
import { eachRecord, type MigrationStep } from '../../src/db/migrations/migration-step';
import { describeUpgradeFailure, upgradeFailureOf } from '../../src/db/migrations/upgrade-failure';
import { oldDatabaseFile, readOldDatabase } from '../../src/db/rescue-old-database';
import { describeStorageError } from '../../src/db/result';
import type { TreatmentEvent } from '../../src/db/schema';
import { CURRENT_SCHEMA_VERSION, declareVersions, SCHEMA_VERSIONS } from '../../src/db/versions';
import { expectOk, freshDatabase, importFixture } from './helpers';
import { db } from '../../src/db/db';

const NAME = 'upgrade-failure-test';
/** The app's current version (the database's) and the test-only one after it. */
const CURRENT = CURRENT_SCHEMA_VERSION;
const NEXT = CURRENT_SCHEMA_VERSION + 1;
const BROKEN_ID = '0d9c7f0e-1111-4222-8333-444455556666'; // an event with a long label

/** Test only: a v4 step that cannot shorten labels longer than 60 characters. */
const v4ShortLabels: MigrationStep = {
  version: NEXT,
  name: 'v4-test-short-labels',
  run: async (tx) => {
    const events = await tx.table<TreatmentEvent, string>('events').toArray();
    const kept = eachRecord('events', events, (e) => {
      if (e.label.length > 60) throw new RangeError(`label of ${e.label.length} characters`);
      return e;
    });
    await tx.table('events').bulkPut(kept);
    return `${kept.length} labels checked`;
  },
};

afterAll(async () => {
  await Dexie.delete(NAME);
});

/** The current (v3) database holding the reference case plus the one awkward record. */
async function v3DatabaseWithBrokenRecord() {
  await freshDatabase();
  await importFixture();
  const patient = expectOk({ ok: true, value: await db.patients.toCollection().first() });
  const broken: TreatmentEvent = {
    id: BROKEN_ID,
    patientId: patient!.id,
    date: '2024-01-03',
    kind: 'note',
    label: 'A note typed into the label field that goes on and on, longer than sixty characters',
    isIndex: false,
  };
  const stored = await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()]));
  db.close();
  await Dexie.delete(NAME);
  const v3 = createTrajectoryDb(NAME);
  await v3.open();
  await v3.transaction('rw', v3.tables, async () => {
    for (const [table, rows] of stored as [string, unknown[]][])
      if (table !== 'history') await v3.table(table).bulkPut(rows);
    await v3.events.put(broken);
  });
  const counts = Object.fromEntries(
    await Promise.all(v3.tables.map(async (t) => [t.name, await t.count()] as const)),
  );
  v3.close();
  await db.open();
  return counts;
}

describe('an upgrade step that fails on one record', () => {
  it('names the step, table and record in plain words, and leaves the database at its version', async () => {
    const before = await v3DatabaseWithBrokenRecord();
    const next = new Dexie(NAME, { chromeTransactionDurability: 'strict' });
    declareVersions(next, [
      ...SCHEMA_VERSIONS,
      { version: NEXT, stores: {}, steps: [v4ShortLabels] },
    ]);
    const error = await next.open().then(
      () => null,
      (e: unknown) => e,
    );
    next.close();
    const failure = upgradeFailureOf(error);
    expect(failure).toEqual({
      version: NEXT,
      step: 'v4-test-short-labels',
      table: 'events',
      recordId: BROKEN_ID,
      plain: 'a value in the record is out of the range the step accepts',
      detail: 'RangeError: label of 83 characters',
    });
    expect(describeUpgradeFailure(failure!)).toBe(
      `The upgrade step "v4-test-short-labels" (to version ${NEXT}) stopped at record ${BROKEN_ID} of the events table: a value in the record is out of the range the step accepts (RangeError: label of 83 characters).`,
    );
    // Reads and writes of the app report it as a storage failure, not a crash.
    expect(describeStorageError(error)).toMatch(/could not be updated/);

    // Nothing changed: still at its version, every record there.
    const old = await readOldDatabase(NAME);
    expect(old.storedVersion).toBe(CURRENT);
    expect(old.events.some((e) => e.id === BROKEN_ID)).toBe(true);
    for (const table of ['patients', 'events', 'visits', 'assessments', 'safetyAcks'] as const)
      expect(old[table].length, table).toBe(before[table]);
    expect(JSON.stringify(old)).not.toMatch(/"(rev|codeKey|nameWords|flaggedItems)"/);
  });

  it('hands the old database over as a backup file that imports', async () => {
    await v3DatabaseWithBrokenRecord();
    const file = oldDatabaseFile(await readOldDatabase(NAME));
    expect(file.name).toMatch(
      new RegExp(`^trajectory-before-upgrade-v${CURRENT}-\\d{4}-\\d{2}-\\d{2}\\.json$`),
    );
    const parsed = parseBackup(file.text);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    await freshDatabase();
    expectOk(await importBackup(expectOk(parsed), { onConflict: 'skip' }));
    expect(await db.events.get(BROKEN_ID)).toBeDefined();
  });

  it('names the step even when it fails outside any one record', async () => {
    const failing: MigrationStep = {
      version: NEXT,
      name: 'v4-test-missing-table',
      run: async (tx) => {
        await tx.table('noSuchTable').count();
        return '';
      },
    };
    await v3DatabaseWithBrokenRecord();
    const next = new Dexie(NAME);
    declareVersions(next, [...SCHEMA_VERSIONS, { version: NEXT, stores: {}, steps: [failing] }]);
    const error = await next.open().then(
      () => null,
      (e: unknown) => e,
    );
    next.close();
    expect(upgradeFailureOf(error)).toMatchObject({
      step: 'v4-test-missing-table',
      table: null,
      recordId: null,
    });
    expect((await readOldDatabase(NAME)).storedVersion).toBe(CURRENT);
  });
});
