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
import { localToday, plausibilityWarnings } from './plausibility';
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
  /** What "replace" deletes for this patient, one line per record ('visit of 2024-01-10'). */
  readonly deletes: readonly string[];
}

export interface ImportPlan {
  readonly inFile: Readonly<Record<BackupTable, number>>;
  /** Codes of file patients that import adds. */
  readonly newPatients: readonly string[];
  readonly conflicts: readonly ImportConflict[];
  /**
   * Records of the file whose id is already used by a record of ANOTHER stored patient, each
   * naming both. An import with any is refused: replacing would delete a patient the file
   * does not name, and skipping would overwrite that patient's record.
   */
  readonly collisions: readonly string[];
  /** Valid but unlikely content (plausibility.ts), shown before anything is written. */
  readonly warnings: readonly string[];
}

export interface PlannedPatient {
  readonly patient: Patient;
  /** The patient and its records as they would be stored, parents first. */
  readonly rows: readonly Row[];
  readonly conflict: (ImportConflict & { readonly existingIds: readonly string[] }) | null;
  readonly collisions: readonly string[];
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

const RECORD_WORDS: Record<ClinicalTable, string> = {
  patients: 'patient',
  events: 'treatment event',
  visits: 'visit',
  assessments: 'assessment',
  safetyAcks: 'safety acknowledgement',
  cohorts: 'cohort',
  enrolments: 'enrolment',
};

/** One record in words, for a plan: 'visit of 2024-01-10', 'HAMD-17 of 2024-01-10'. */
export function describeRow(row: Row): string {
  switch (row.table) {
    case 'patients':
      return `patient ${row.record.code}`;
    case 'events':
      return `treatment event ${row.record.label} of ${row.record.date}`;
    case 'visits':
      return `visit of ${row.record.date}`;
    case 'assessments':
      return `${row.record.scaleId} of ${row.record.date}`;
    case 'safetyAcks':
      return `safety acknowledgement of ${row.record.scaleId} item ${row.record.item}`;
    case 'cohorts':
      return `cohort ${row.record.name}`;
    case 'enrolments':
      return 'enrolment';
  }
}

/** File records whose id a stored record of another patient holds: each with that patient. */
async function takenIds(
  rows: readonly Row[],
): Promise<{ row: Row; ownerId: string; table: ClinicalTable }[]> {
  const taken: { row: Row; ownerId: string; table: ClinicalTable }[] = [];
  for (const table of ['events', 'visits', 'assessments', 'safetyAcks'] as const) {
    const ofTable = rows.filter((r) => r.table === table);
    const found = await db[table].bulkGet(ofTable.map((r) => r.record.id));
    found.forEach((record, k) => {
      const row = ofTable[k];
      if (record && row) taken.push({ row, ownerId: record.patientId, table });
    });
  }
  return taken;
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
    const collisions: string[] = [];
    for (const { row, ownerId, table } of await takenIds(rows)) {
      // The stored record belongs to this patient (by id or code): replacing handles it.
      if (ownerId === patientId || existing.has(ownerId)) continue;
      const owner = await db.patients.get(ownerId);
      collisions.push(
        `${table} id ${row.record.id} (${describeRow(row)} of file patient "${patient.code}") is already the id of a ${RECORD_WORDS[table]} of stored patient "${owner?.code ?? ownerId}", which the file does not name.`,
      );
    }
    const stored = existing.size ? await storedRows(existing.keys()) : [];
    const diff = diffRows(stored, rows);
    const wanted = new Set(rows.map(rowKey));
    const conflict = existing.size
      ? {
          patientId,
          code: patient.code,
          existing: [...existing.values()].map((p) => ({ id: p.id, code: p.code })),
          existingIds: [...existing.keys()],
          reasons,
          identical: diff.length === 0,
          deletes: stored.filter((row) => !wanted.has(rowKey(row))).map(describeRow),
        }
      : null;
    planned.push({ patient, rows, conflict, collisions });
  }
  return planned;
}

export function planImport(backup: ValidBackup, today = localToday()): Promise<ImportPlan> {
  return runRead(async () => {
    const planned = await planPatients(backup);
    const inFile = Object.fromEntries(
      BACKUP_TABLES.map((t) => [t, backup[t]?.length ?? 0]),
    ) as Record<BackupTable, number>;
    return {
      inFile,
      newPatients: planned.filter((p) => !p.conflict).map((p) => p.patient.code),
      conflicts: planned.flatMap((p) => (p.conflict ? [withoutIds(p.conflict)] : [])),
      collisions: planned.flatMap((p) => p.collisions),
      warnings: plausibilityWarnings(backup, today),
    };
  });
}

function withoutIds(conflict: NonNullable<PlannedPatient['conflict']>): ImportConflict {
  const { patientId, code, existing, reasons, identical, deletes } = conflict;
  return { patientId, code, existing, reasons, identical, deletes };
}
