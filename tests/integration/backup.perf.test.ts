/**
 * Timings of the backup path on fake-indexeddb (run with TRAJECTORY_PERF=1; skipped
 * otherwise, as timings vary by machine). Real browsers are measured in the e2e layer.
 */
import { describe, expect, it } from 'vitest';
import { backupToJson, exportBackup } from '../../src/db/backup/export-backup';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import { planImport } from '../../src/db/backup/plan-import';
import { db } from '../../src/db/db';
import { undo } from '../../src/db/history-repo';
import { listPatients } from '../../src/db/patient-queries';
import { listOpenSafetyFlags } from '../../src/db/safety-repo';
import { expectOk, freshDatabase, readFixture } from './helpers';

const PATIENTS = 1000;
const uuid = (kind: number, n: number) =>
  `0d9c7f0e-${kind.toString(16).padStart(4, '0')}-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** 1,000 patients like the reference case: 4 events, 5 final visits, 20 summary assessments each. */
function bigBackup(): string {
  const one = JSON.parse(readFixture('dezocine-case.json')) as Record<
    string,
    { id: string; patientId?: string; visitId?: string }[]
  >;
  const out: Record<string, unknown[]> = {
    patients: [],
    events: [],
    visits: [],
    assessments: [],
    safetyAcks: [],
  };
  for (let p = 0; p < PATIENTS; p += 1) {
    const map = new Map<string, string>();
    let n = 0;
    const id = (old: string) =>
      map.get(old) ?? (map.set(old, uuid(1, p * 100 + (n += 1))), map.get(old)!);
    for (const table of ['patients', 'events', 'visits', 'assessments'] as const) {
      for (const row of one[table]!) {
        const copy: Record<string, unknown> = { ...row, id: id(row.id) };
        if (row.patientId) copy.patientId = id(row.patientId);
        if (row.visitId) copy.visitId = id(row.visitId);
        if (table === 'patients') copy.code = `DEZ-${String(p).padStart(4, '0')}`;
        out[table]!.push(copy);
      }
    }
  }
  return JSON.stringify({ ...one, scope: 'all', ...out });
}

const time = async <T>(label: string, run: () => Promise<T> | T): Promise<T> => {
  const start = performance.now();
  const value = await run();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return value;
};

describe.runIf(process.env.TRAJECTORY_PERF === '1')('backup timings', () => {
  it('the reference case', async () => {
    await freshDatabase();
    const text = readFixture('dezocine-case.json');
    const parsed = await time('fixture: parse', () => expectOk(parseBackup(text)));
    await time('fixture: import (30 records + 30 history entries)', () =>
      importBackup(parsed, { onConflict: 'skip' }),
    );
    await time('fixture: export', () => exportBackup());
  });

  it(`${PATIENTS} patients: parse, import, list, flags, export`, async () => {
    await freshDatabase();
    const text = await time('build file', bigBackup);
    console.log(`file: ${(text.length / 1e6).toFixed(1)} MB`);
    const parsed = await time('parse and check', () => expectOk(parseBackup(text)));
    const summary = await time('import', async () =>
      expectOk(await importBackup(parsed, { onConflict: 'skip' })),
    );
    expect(summary.added).toHaveLength(PATIENTS);
    await time('plan of a re-import (all conflict)', async () => {
      expect((await planImport(parsed)).conflicts).toHaveLength(PATIENTS);
    });
    await time('listPatients("DEZ-09")', () => listPatients('DEZ-09'));
    await time('listOpenSafetyFlags() over all', () => listOpenSafetyFlags());
    const backup = await time('export', async () => expectOk(await exportBackup()));
    const json = await time('to JSON', () => backupToJson(backup));
    expect(backup.assessments).toHaveLength(PATIENTS * 20);
    console.log(`export file: ${(json.length / 1e6).toFixed(1)} MB`);
    const [entry] = await db.history.where('groupId').equals(summary.groupId!).limit(1).toArray();
    await time('undo of the whole import', async () => expectOk(await undo(entry!.id)));
    expect(await db.patients.count()).toBe(0);
  }, 600_000);
});
