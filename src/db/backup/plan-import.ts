/**
 * What importing a backup would do. A file patient is in conflict when the database holds a
 * patient with its id, a patient with its code (ignoring case) under another id, or any
 * record with the id of one of its records. Conflicts are never merged silently: the user
 * chooses to skip those patients or to replace the stored ones by the file's.
 */
import { db } from '../db';
import { sameData, withAssessmentKeys, withPatientKeys } from '../derived';
import type { Change } from '../history-writer';
import { readPatientBundle } from '../patient-bundle';
import type { ClinicalTable, Patient, RecordMap } from '../schema';
import { runRead } from '../write';
import { BACKUP_TABLES, type BackupTable, type ValidBackup } from './backup-format';

/** One record with its table. */
export type Row = {
  [K in ClinicalTable]: { readonly table: K; readonly record: RecordMap[K] };
}[ClinicalTable];

export interface ImportConflict {
  /** The file's patient. */
  readonly patientId: string;
  readonly code: string;
  /** Stored patients that "replace" removes, with all their records. */
  readonly existing: readonly { readonly id: string; readonly code: string }[];
  /** Why, in words. */
  readonly reasons: readonly string[];
  /** The stored records already equal the file's: replacing changes nothing. */
  readonly identical: boolean;
}

export interface ImportPlan {
  readonly inFile: Readonly<Record<BackupTable, number>>;
  /** Codes of file patients that import adds. */
  readonly newPatients: readonly string[];
  readonly conflicts: readonly ImportConflict[];
}

export interface PlannedPatient {
  readonly patient: Patient;
  /** The patient and its records as they would be stored, parents first. */
  readonly rows: readonly Row[];
  readonly conflict: (ImportConflict & { readonly existingIds: readonly string[] }) | null;
}

/** The file's records grouped by patient, with their derived keys. */
function rowsByPatient(backup: ValidBackup): Map<string, Row[]> {
  const rows = new Map<string, Row[]>(
    backup.patients.map((p) => [p.id, [{ table: 'patients', record: withPatientKeys(p) }]]),
  );
  const add = (patientId: string, row: Row) => rows.get(patientId)?.push(row);
  for (const record of backup.events) add(record.patientId, { table: 'events', record });
  for (const record of backup.visits) add(record.patientId, { table: 'visits', record });
  for (const record of backup.assessments)
    add(record.patientId, { table: 'assessments', record: withAssessmentKeys(record) });
  for (const record of backup.safetyAcks) add(record.patientId, { table: 'safetyAcks', record });
  return rows;
}

export const rowKey = (row: Row) => `${row.table}/${row.record.id}`;

/** Every stored record of these patients. */
export async function storedRows(patientIds: Iterable<string>): Promise<Row[]> {
  const rows: Row[] = [];
  for (const id of new Set(patientIds)) {
    const b = await readPatientBundle(id);
    if (b.patient) rows.push({ table: 'patients', record: b.patient });
    for (const record of b.events) rows.push({ table: 'events', record });
    for (const record of b.visits) rows.push({ table: 'visits', record });
    for (const record of b.assessments) rows.push({ table: 'assessments', record });
    for (const record of b.safetyAcks) rows.push({ table: 'safetyAcks', record });
  }
  return rows;
}

/** The changes that turn `stored` into `wanted`: deletes (children first), then the rest. */
export function diffRows(stored: readonly Row[], wanted: readonly Row[]): Change[] {
  const old = new Map(stored.map((row) => [rowKey(row), row]));
  const next = new Set(wanted.map(rowKey));
  // Rows with one key come from one table, so before and after have the same type.
  const change = (before: Row | undefined, after: Row | undefined) =>
    ({
      table: (after ?? before)?.table,
      before: before?.record ?? null,
      after: after?.record ?? null,
    }) as Change;
  const deletes = stored
    .filter((row) => !next.has(rowKey(row)))
    .reverse()
    .map((row) => change(row, undefined));
  const writes = wanted.flatMap((row) => {
    const before = old.get(rowKey(row));
    return before && sameData(before.record, row.record) ? [] : [change(before, row)];
  });
  return [...deletes, ...writes];
}

async function ownersOfTakenIds(rows: readonly Row[]): Promise<Map<string, string[]>> {
  const owners = new Map<string, string[]>();
  for (const table of ['events', 'visits', 'assessments', 'safetyAcks'] as const) {
    const ids = rows.filter((r) => r.table === table).map((r) => r.record.id);
    const found = await db[table].bulkGet(ids);
    for (const record of found) {
      if (record) owners.set(record.patientId, [...(owners.get(record.patientId) ?? []), table]);
    }
  }
  return owners;
}

/** Call inside a transaction (planImport and importBackup do). */
export async function planPatients(backup: ValidBackup): Promise<PlannedPatient[]> {
  const planned: PlannedPatient[] = [];
  for (const [patientId, rows] of rowsByPatient(backup)) {
    const first = rows[0];
    if (first?.table !== 'patients')
      throw new Error(`Backup patient ${patientId} has no patient row`);
    const patient = first.record;
    const reasons: string[] = [];
    const existing = new Map<string, Patient>();
    const sameId = await db.patients.get(patientId);
    if (sameId) {
      existing.set(sameId.id, sameId);
      reasons.push(`a patient with the same id is already stored (code "${sameId.code}")`);
    }
    const sameCode = await db.patients.where('codeKey').equals(patient.codeKey).first();
    if (sameCode && sameCode.id !== patientId) {
      existing.set(sameCode.id, sameCode);
      reasons.push(
        `code "${patient.code}" is already used by another stored patient ("${sameCode.code}")`,
      );
    }
    for (const [ownerId, tables] of await ownersOfTakenIds(rows)) {
      if (ownerId === patientId) continue;
      const owner = await db.patients.get(ownerId);
      if (owner) existing.set(owner.id, owner);
      reasons.push(
        `${tables.length} of its records have the ids of records of stored patient "${owner?.code ?? ownerId}"`,
      );
    }
    const conflict = existing.size
      ? {
          patientId,
          code: patient.code,
          existing: [...existing.values()].map((p) => ({ id: p.id, code: p.code })),
          existingIds: [...existing.keys()],
          reasons,
          identical: diffRows(await storedRows(existing.keys()), rows).length === 0,
        }
      : null;
    planned.push({ patient, rows, conflict });
  }
  return planned;
}

export function planImport(backup: ValidBackup): Promise<ImportPlan> {
  return runRead(async () => {
    const planned = await planPatients(backup);
    const inFile = Object.fromEntries(BACKUP_TABLES.map((t) => [t, backup[t].length])) as Record<
      BackupTable,
      number
    >;
    return {
      inFile,
      newPatients: planned.filter((p) => !p.conflict).map((p) => p.patient.code),
      conflicts: planned.flatMap((p) => (p.conflict ? [withoutIds(p.conflict)] : [])),
    };
  });
}

function withoutIds(conflict: NonNullable<PlannedPatient['conflict']>): ImportConflict {
  const { patientId, code, existing, reasons, identical } = conflict;
  return { patientId, code, existing, reasons, identical };
}
