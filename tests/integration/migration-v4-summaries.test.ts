/**
 * v3 → v4: the patient summaries are built from a v3 database's records (written with raw
 * Dexie and the v1–v3 declarations as shipped), and the records themselves are untouched.
 */
import { Dexie } from 'dexie';
import { afterAll, describe, expect, it } from 'vitest';
import { createTrajectoryDb } from '../../src/db/db';
import { withAssessmentKeys, withPatientKeys } from '../../src/db/derived';
import type { MigrationLogEntry } from '../../src/db/schema';
import { hamdItems, phq9, withoutStampsDeep } from './helpers';

/** The declarations of v1–v3 as shipped. Never edit: they are what old devices hold. */
function declareV3(db: Dexie): void {
  db.version(1).stores({
    patients: 'id, &code, name',
    events: 'id, [patientId+date]',
    visits: 'id, [patientId+date]',
    assessments: 'id, visitId, [patientId+date], [patientId+scaleId]',
    safetyAcks: 'id, patientId, assessmentId',
    history: '++id, recordId, patientId, at, groupId',
    meta: 'key',
  });
  db.version(2).stores({
    patients: 'id, &codeKey, *nameWords',
    assessments: 'id, visitId, [patientId+date], [patientId+scaleId], *flaggedItems',
  });
  db.version(3).stores({});
}

const at = '2024-01-01T00:00:00.000Z';
const NAME = 'migration-v4-summaries-test';

afterAll(async () => {
  await Dexie.delete(NAME);
});

describe('v3 → v4', () => {
  it('builds one summary per patient from its records, and changes no record', async () => {
    const old = new Dexie(NAME);
    declareV3(old);
    const patients = [
      withPatientKeys({ id: 'p1', code: 'V3-1', name: 'Ana Lima', createdAt: at, updatedAt: at }),
      withPatientKeys({ id: 'p2', code: 'V3-2', createdAt: at, updatedAt: at }),
    ];
    const visit = (id: string, date: string, status: 'draft' | 'final') => ({
      id,
      patientId: 'p1',
      date,
      status,
      createdAt: at,
      updatedAt: at,
    });
    const visits = [
      visit('v1', '2024-01-05', 'final'),
      visit('v2', '2024-02-05', 'final'),
      visit('v3', '2024-03-05', 'draft'),
    ];
    const assessment = (id: string, visitId: string, date: string, item9: number, s = 'final') =>
      withAssessmentKeys({
        id,
        visitId,
        patientId: 'p1',
        date,
        scaleId: 'PHQ-9',
        scaleVersion: 'PHQ-9 (Kroenke 2001)',
        entry: phq9(item9, 2),
        status: s === 'final' ? 'final' : 'draft',
        updatedAt: at,
      });
    const assessments = [
      assessment('a1', 'v1', '2024-01-05', 1),
      assessment('a2', 'v2', '2024-02-05', 2),
      assessment('a3', 'v3', '2024-03-05', 0, 'draft'),
      withAssessmentKeys({
        id: 'a4',
        visitId: 'v2',
        patientId: 'p1',
        date: '2024-02-05',
        scaleId: 'HAMD-17',
        scaleVersion: 'HAMD-17',
        entry: hamdItems(3, 2, 1, ...Array.from({ length: 14 }, () => 0)),
        status: 'final',
        updatedAt: at,
      }),
    ];
    const safetyAcks = [
      {
        id: 'k1',
        patientId: 'p1',
        assessmentId: 'a1',
        scaleId: 'PHQ-9',
        item: 9,
        value: 1,
        acknowledgedBy: 'dr',
        acknowledgedAt: at,
      },
    ];
    await old.transaction('rw', old.tables, async () => {
      await old.table('patients').bulkAdd(patients);
      await old.table('visits').bulkAdd(visits);
      await old.table('assessments').bulkAdd(assessments);
      await old.table('safetyAcks').bulkAdd(safetyAcks);
    });
    old.close();

    const db = createTrajectoryDb(NAME);
    await db.open();
    // The v4 and v5 steps change no record; v6 only adds the replication stamps.
    expect(withoutStampsDeep(await db.patients.toArray())).toEqual(patients);
    expect(withoutStampsDeep(await db.assessments.toArray())).toEqual(assessments);
    const summaries = await db.patientSummaries.orderBy('codeKey').toArray();
    expect(summaries).toEqual([
      {
        patientId: 'p1',
        code: 'V3-1',
        codeKey: 'v3-1',
        name: 'Ana Lima',
        nameKey: 'ana lima',
        nameWords: ['ana lima', 'ana', 'lima'],
        lastVisit: '2024-02-05',
        draft: true,
        latest: [
          { scaleId: 'HAMD-17', total: 6, text: '6', date: '2024-02-05' },
          { scaleId: 'PHQ-9', total: 18, text: '18', date: '2024-02-05' },
        ],
        totals: {
          HAMD17: 6,
          MADRS: -1,
          PHQ9: 18,
          DARS: -1,
          CGIS: -1,
          CGII: -1,
          HAMA: -1,
          GAD7: -1,
        },
        status: expect.objectContaining({ scaleId: 'HAMD-17' }) as unknown,
        statusRank: expect.any(Number) as unknown,
        // a1's item 9 = 1 is acknowledged; a2's item 9 = 2 is not.
        openFlags: 1,
        // No index event: the cohort view cannot align the patient on day 0.
        cohort: { indexDate: null, series: [] },
      },
      {
        patientId: 'p2',
        code: 'V3-2',
        codeKey: 'v3-2',
        nameKey: '',
        nameWords: [],
        lastVisit: '',
        draft: false,
        latest: [],
        totals: {
          HAMD17: -1,
          MADRS: -1,
          PHQ9: -1,
          DARS: -1,
          CGIS: -1,
          CGII: -1,
          HAMA: -1,
          GAD7: -1,
        },
        status: null,
        statusRank: -1,
        openFlags: 0,
        cohort: { indexDate: null, series: [] },
      },
    ]);
    const log = (await db.meta.get('migrationLog'))?.value as readonly MigrationLogEntry[];
    expect(log.filter((e) => e.version < 6).map((e) => [e.version, e.step, e.summary])).toEqual([
      [4, 'v4-patient-summaries', '2 patient summaries built'],
      [5, 'v5-summary-totals-new-scales', '2 patient summaries rebuilt'],
    ]);
    db.close();
  });
});
