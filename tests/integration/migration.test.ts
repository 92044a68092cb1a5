/**
 * Upgrades from every earlier schema version, each from a database that version wrote
 * (fixtures/db-v1.json, written with raw Dexie and the v1 declaration copied here, as the
 * v1 app had it). Every record must survive, and every named migration step must run when an
 * old database is upgraded (tldraw habit): the last test checks that on a database of its own.
 */
import { Dexie } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrajectoryDb, type TrajectoryDb } from '../../src/db/db';
import { CURRENT_SCHEMA_VERSION, MIGRATION_STEPS, SCHEMA_VERSIONS } from '../../src/db/versions';
import type { HistoryEntry, MigrationLogEntry } from '../../src/db/schema';
import { readFixture } from './helpers';

/** The v1 declaration as shipped. Never edit: it is what old devices hold. */
const V1_STORES = {
  patients: 'id, &code, name',
  events: 'id, [patientId+date]',
  visits: 'id, [patientId+date]',
  assessments: 'id, visitId, [patientId+date], [patientId+scaleId]',
  safetyAcks: 'id, patientId, assessmentId',
  history: '++id, recordId, patientId, at, groupId',
  meta: 'key',
};

type V1Fixture = { version: number; tables: Record<string, Record<string, unknown>[]> };

let counter = 0;

/** A database at v1 holding the fixture, closed; returns its name. */
async function createV1Database(): Promise<{ name: string; fixture: V1Fixture }> {
  const fixture = JSON.parse(readFixture('db-v1.json')) as V1Fixture;
  const name = `migration-test-${(counter += 1)}`;
  const old = new Dexie(name);
  old.version(1).stores(V1_STORES);
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables))
      await old.table(table).bulkAdd(rows);
  });
  old.close();
  return { name, fixture };
}

async function openUpgraded(name: string): Promise<TrajectoryDb> {
  const upgraded = createTrajectoryDb(name);
  await upgraded.open();
  return upgraded;
}

afterAll(async () => {
  for (let i = 1; i <= counter; i += 1) await Dexie.delete(`migration-test-${i}`);
});

describe('v1 → current', () => {
  it('keeps every record of every table, adding only the derived keys and the v6 stamps', async () => {
    const { name, fixture } = await createV1Database();
    const db = await openUpgraded(name);
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    const strip = (row: Record<string, unknown>) => {
      const { codeKey, nameWords, flaggedItems, author, device, hlc, ...rest } = row;
      return { rest, derived: { codeKey, nameWords, flaggedItems, author, device, hlc } };
    };
    for (const [table, rows] of Object.entries(fixture.tables)) {
      const stored = (await db.table(table).toArray()) as Record<string, unknown>[];
      const original =
        table === 'history'
          ? stored.filter((h) => (h as unknown as HistoryEntry).by !== 'migration v2')
          : stored;
      const renamedOrTrimmed = (row: Record<string, unknown>) => ({ ...row, code: undefined });
      if (table === 'patients') {
        expect(original.map((r) => renamedOrTrimmed(strip(r).rest))).toEqual(
          rows.map(renamedOrTrimmed),
        );
      } else if (table === 'meta') {
        expect(original.filter((r) => r.key !== 'migrationLog' && r.key !== 'deviceId')).toEqual(
          rows,
        );
      } else {
        expect(
          original.map((r) => strip(r).rest),
          table,
        ).toEqual(rows);
      }
    }
    db.close();
  });

  it('makes codes unique ignoring case: trims them, renames the later duplicate, and records the rename in history', async () => {
    const { name } = await createV1Database();
    const db = await openUpgraded(name);
    const patients = await db.patients.toArray();
    const byId = new Map(patients.map((p) => [p.id, p]));
    expect(byId.get('0b1d0000-0000-4000-8000-000000000001')).toMatchObject({
      code: 'ABC-001',
      codeKey: 'abc-001',
      nameWords: ['anna berg', 'anna', 'berg'],
    });
    expect(byId.get('0b1d0000-0000-4000-8000-000000000002')).toMatchObject({
      code: 'abc-001-2',
      codeKey: 'abc-001-2',
      nameWords: [],
    });
    expect(byId.get('0b1d0000-0000-4000-8000-000000000003')).toMatchObject({
      code: 'XYZ-7',
      codeKey: 'xyz-7',
      nameWords: ['li wei', 'li', 'wei'],
    });
    const renames = (await db.history.toArray()).filter((h) => h.by === 'migration v2');
    const codeOf = (record: HistoryEntry['before'] | HistoryEntry['after']) =>
      record && 'code' in record ? record.code : null;
    expect(renames.map((h) => [h.action, codeOf(h.before), codeOf(h.after)])).toEqual([
      ['update', 'abc-001', 'abc-001-2'],
      ['update', '  XYZ-7 ', 'XYZ-7'],
    ]);
    expect(await db.patients.where('codeKey').equals('abc-001').count()).toBe(1);
    db.close();
  });

  it('indexes the safety items at threshold, so open flags are found', async () => {
    const { name } = await createV1Database();
    const db = await openUpgraded(name);
    const flagged = await db.assessments.where('flaggedItems').above(0).distinct().toArray();
    expect(flagged.map((a) => [a.scaleId, a.flaggedItems])).toEqual([
      ['HAMD-17', [3]],
      ['PHQ-9', [9]],
    ]);
    db.close();
  });

  it('gives free-text dose and medication events a structured drug name, in history', async () => {
    const { name } = await createV1Database();
    const old = new Dexie(name);
    old.version(1).stores(V1_STORES);
    const patientId = '0b1d0000-0000-4000-8000-000000000001';
    const base = { patientId, isIndex: false };
    await old.table('events').bulkAdd([
      {
        ...base,
        id: 'e-1',
        date: '2023-05-01',
        kind: 'medication-start',
        label: ' Bupropion  SR ',
      },
      {
        ...base,
        id: 'e-2',
        date: '2023-05-02',
        kind: 'single-dose',
        label: 'x',
        drug: 'Esketamine  ',
      },
      { ...base, id: 'e-3', date: '2023-05-03', kind: 'procedure', label: 'rTMS' },
    ]);
    old.close();
    const db = await openUpgraded(name);
    const drugs = (await db.events.toArray()).map((e) => [e.id, e.drug ?? null]);
    expect(drugs).toEqual(
      expect.arrayContaining([
        ['e-1', 'Bupropion SR'],
        ['e-2', 'Esketamine'],
        ['e-3', null],
        ['0b1d0000-0001-4000-8000-000000000001', 'ketamine'],
      ]),
    );
    const history = (await db.history.toArray()).filter((h) => h.by === 'migration v3');
    expect(history.map((h) => h.recordId).sort()).toEqual(['e-1', 'e-2']);
    expect(history[0]).toMatchObject({
      table: 'events',
      action: 'update',
      operation: 'give dose and medication events a structured drug name',
    });
    db.close();
  });

  it('logs each step it ran, with what it changed', async () => {
    const { name } = await createV1Database();
    const db = await openUpgraded(name);
    const log = (await db.meta.get('migrationLog'))?.value as readonly MigrationLogEntry[];
    expect(log.map((e) => [e.version, e.step])).toEqual([
      [2, 'v2-patient-code-keys'],
      [2, 'v2-assessment-safety-index'],
      [3, 'v3-event-drug-names'],
      [4, 'v4-patient-summaries'],
      [5, 'v5-summary-totals-new-scales'],
      [6, 'v6-device-id'],
      [6, 'v6-history-clock'],
      [6, 'v6-record-authors'],
      [6, 'v6-delete-tombstones'],
      [7, 'v7-clinic-scales'],
      [8, 'v8-cohort-tables'],
    ]);
    expect(log[0]?.summary).toBe(
      '3 patients keyed; 2 codes changed: "abc-001" -> "abc-001-2", "  XYZ-7 " -> "XYZ-7"',
    );
    expect(log[1]?.summary).toBe('4 assessments indexed; 2 with a safety item at threshold');
    expect(log[2]?.summary).toBe('1 events read; 0 drug names set');
    expect(log[3]?.summary).toBe('3 patient summaries built');
    db.close();
  });

  it('a new database starts at the current version without running any step', async () => {
    const db = createTrajectoryDb('migration-test-new');
    await db.open();
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.meta.get('migrationLog')).toBeUndefined();
    await db.delete();
  });
});

describe('migration coverage', () => {
  it('upgrading a v1 database runs every named migration step, once each, in order', async () => {
    const { name } = await createV1Database();
    const db = await openUpgraded(name);
    const log = (await db.meta.get('migrationLog'))?.value as readonly MigrationLogEntry[];
    expect(MIGRATION_STEPS.length).toBeGreaterThan(0);
    expect(log.map((e) => [e.version, e.step])).toEqual(
      MIGRATION_STEPS.map((s) => [s.version, s.name]),
    );
    db.close();
  });
});

describe('v3 → v6 (replication stamps)', () => {
  const P = '0b1d0000-0000-4000-8000-0000000000a1';
  const E = '0b1d0000-0000-4000-8000-0000000000e1';
  const GONE = '0b1d0000-0000-4000-8000-0000000000e2';
  const at = '2024-03-01T10:00:00.000Z';
  const patient = {
    id: P,
    code: 'V3-1',
    codeKey: 'v3-1',
    nameWords: [],
    createdAt: at,
    updatedAt: at,
    rev: '2-00000000000001',
  };
  const event = {
    id: E,
    patientId: P,
    date: '2024-03-01',
    kind: 'note',
    label: 'call',
    isIndex: false,
  };
  const gone = { ...event, id: GONE, label: 'wrong entry', rev: '1-00000000000002' };
  const entry = (recordId: string, action: string, by: string | undefined, extra: object) => ({
    recordId,
    patientId: P,
    action,
    at,
    groupId: `g-${recordId}-${action}`,
    operation: action,
    ...(by === undefined ? {} : { by }),
    ...extra,
  });

  /** A database as v3 left it: a patient edited by Dr Li, an event, an event deleted. */
  async function createV3Database(): Promise<string> {
    const name = `migration-test-${(counter += 1)}`;
    const old = new Dexie(name);
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 3))
      old.version(v.version).stores(v.stores);
    await old.transaction('rw', old.tables, async () => {
      await old.table('patients').add(patient);
      await old.table('events').add(event);
      await old
        .table('history')
        .bulkAdd([
          entry(P, 'create', undefined, { table: 'patients', before: null, after: patient }),
          entry(P, 'update', 'Dr Li', { table: 'patients', before: patient, after: patient }),
          entry(E, 'create', undefined, { table: 'events', before: null, after: event }),
          entry(GONE, 'create', 'Dr Li', { table: 'events', before: null, after: gone }),
          entry(GONE, 'delete', 'Dr Wu', { table: 'events', before: gone, after: null }),
        ]);
    });
    old.close();
    return name;
  }

  it('names the device, clocks history in its order, stamps authors and tombstones deletes', async () => {
    const db = await openUpgraded(await createV3Database());
    const stored = await db.meta.get('deviceId');
    const deviceId = stored?.key === 'deviceId' ? stored.value : '';
    expect(deviceId).toMatch(/^[0-9a-f-]{36}$/);
    const node = deviceId.replaceAll('-', '').slice(0, 16);
    const history = await db.history.orderBy('id').toArray();
    expect(history.map((h) => h.hlc)).toEqual(
      [0, 1, 2, 3, 4].map((n) => `2024-03-01T10:00:00.000Z-000${n}-${node}`),
    );
    expect(history.every((h) => h.device === deviceId && h.at === at)).toBe(true);
    expect(await db.patients.get(P)).toEqual({ ...patient, author: 'Dr Li', device: deviceId });
    expect(await db.events.get(E)).toEqual({ ...event, author: 'this device', device: deviceId });
    expect(await db.tombstones.toArray()).toEqual([
      {
        id: GONE,
        table: 'events',
        patientId: P,
        rev: expect.stringMatching(/^2-[0-9a-f]{14}$/) as unknown,
        deletedAt: at,
        author: 'Dr Wu',
        device: deviceId,
      },
    ]);
    const log = (await db.meta.get('migrationLog'))?.value as readonly MigrationLogEntry[];
    expect(log.map((e) => e.summary)).toEqual([
      '1 patient summary built',
      '1 patient summary rebuilt',
      `device id ${deviceId} made`,
      '5 history entries given a clock',
      'authors set on 1 patients (1 named in history), 1 events (0 named in history), 0 visits (0 named in history), 0 assessments (0 named in history), 0 safetyAcks (0 named in history)',
      '1 tombstones made from history',
      'clinic scale table made (0 definitions)',
      'cohorts and enrolments tables added (0 cohorts, 0 enrolments)',
    ]);
    db.close();
  });

  it('v8: adds empty cohort tables, keeps every record, and the patient can then be enrolled', async () => {
    const db = await openUpgraded(await createV3Database());
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION);
    expect(await db.cohorts.count()).toBe(0);
    expect(await db.enrolments.count()).toBe(0);
    expect((await db.patients.toArray()).map((p) => p.code)).toEqual(['V3-1']);
    expect((await db.events.toArray()).map((e) => e.id)).toEqual([E]);
    expect(await db.history.count()).toBe(5);
    const log = (await db.meta.get('migrationLog'))?.value as readonly MigrationLogEntry[];
    expect(log.filter((e) => e.version === 8).map((e) => e.step)).toEqual(['v8-cohort-tables']);
    // The new indexes work on the upgraded database: one patient, one cohort, one arm.
    const cohortId = '0b1d0000-0000-4000-8000-0000000000c1';
    const armId = '0b1d0000-0000-4000-8000-0000000000c2';
    await db.cohorts.add({
      id: cohortId,
      name: 'Dezocine series',
      kind: 'case series',
      arms: [{ id: armId, name: 'Dezocine' }],
      createdAt: at,
      updatedAt: at,
    });
    await db.enrolments.add({
      id: '0b1d0000-0000-4000-8000-0000000000c3',
      cohortId,
      armId,
      patientId: P,
      createdAt: at,
    });
    expect(await db.enrolments.where('[cohortId+patientId]').equals([cohortId, P]).count()).toBe(1);
    expect(await db.enrolments.where('patientId').equals(P).count()).toBe(1);
    db.close();
  });
});
