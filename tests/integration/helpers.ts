/** Shared by the integration tests: a fresh database per test, fixtures, and a full dump to compare. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { emptyItemEntry, type AssessmentEntry } from '../../src/domain/assessment';
import { saveDraftAssessment } from '../../src/db/assessments-repo';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import { db } from '../../src/db/db';
import { addEvent } from '../../src/db/events-repo';
import { createPatient } from '../../src/db/patients-repo';
import type { DbResult } from '../../src/db/result';
import { createVisit } from '../../src/db/visits-repo';

/** Deletes the app database; the next call opens it new and empty at the current version. */
export async function freshDatabase(): Promise<void> {
  await db.delete({ disableAutoOpen: false });
  await db.open();
}

/** Every row of every table, in key order, as one string: equal strings = equal databases. */
export async function dumpDatabase(): Promise<string> {
  const tables = await Promise.all(
    db.tables.map(async (table) => [table.name, await table.toArray()] as const),
  );
  return JSON.stringify(Object.fromEntries(tables));
}

export function expectOk<T>(result: DbResult<T>): T {
  if (!result.ok) throw new Error(`Expected success, got: ${result.issues.join(' | ')}`);
  return result.value;
}

export function expectFailure<T>(result: DbResult<T>): {
  reason: string;
  issues: readonly string[];
} {
  if (result.ok) throw new Error('Expected a failure, got success');
  return result;
}

export function readFixture(name: string): string {
  return readFileSync(resolve('fixtures', name), 'utf8');
}

export async function importFixture(name = 'dezocine-case.json') {
  const parsed = expectOk(parseBackup(readFixture(name)));
  return expectOk(await importBackup(parsed, { onConflict: 'skip' }));
}

/** A HAMD-17 item entry with the given responses at items 1, 2, 3, ... */
export function hamdItems(...values: (number | null)[]): AssessmentEntry {
  const entry = emptyItemEntry(17);
  return { mode: 'items', responses: entry.responses.map((v, i) => values[i] ?? v) };
}

export function phq9(item9: number, others = 1): AssessmentEntry {
  return {
    mode: 'items',
    responses: [others, others, others, others, others, others, others, others, item9, 0],
  };
}

/** A patient with an index event, a draft visit and one draft HAMD-17. */
export async function seedPatient(code = 'P-001', date = '2024-01-10') {
  const patient = expectOk(await createPatient({ code, name: 'Hui Wang', sex: 'female' }));
  const event = expectOk(
    await addEvent({
      patientId: patient.id,
      date: '2024-01-03',
      kind: 'single-dose',
      label: 'dezocine',
      isIndex: true,
    }),
  );
  const visit = expectOk(await createVisit({ patientId: patient.id, date }));
  const hamd = expectOk(
    await saveDraftAssessment({ visitId: visit.id, scaleId: 'HAMD-17', entry: hamdItems(2, 1, 0) }),
  );
  return { patient, event, visit, hamd };
}

/** A bare patient with one empty draft visit: the starting point of an entry test. */
export async function newDraftVisit(code = 'T-1', date = '2024-01-05') {
  const patient = expectOk(await createPatient({ code }));
  const visit = expectOk(await createVisit({ patientId: patient.id, date }));
  return { patientId: patient.id, visitId: visit.id };
}

/**
 * `value` with every record's revision left out: backups, imports and undo compare data.
 * (A restore or undo is a new write, so it gets a new revision; see src/db/revision.ts.)
 */
const STAMPS = ['rev', 'author', 'device'];

export function withoutStampsDeep(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (key, v: unknown) =>
    STAMPS.includes(key) ? undefined : v,
  );
}
