/**
 * Every write goes through `runWrite`: one read-write transaction, committed
 * only when the work succeeds. A failure returned by the work rolls back whatever it wrote,
 * so "returns a failure" always means "wrote nothing". Storage failures a user can act on
 * become failures too; anything else is a bug and is rethrown.
 *
 * Nothing but IndexedDB may be awaited inside `work` (a timer or fetch would commit the
 * transaction early, PrematureCommitError): prepare data first.
 */
import type { Table } from 'dexie';
import type { Choices } from '../domain/field-merge';
import { db } from './db';
import { describeStorageError, refuse, type DbFailure } from './result';
import type { ClinicalTable, RecordMap } from './schema';

class Rollback<F extends DbFailure> extends Error {
  constructor(readonly failure: F) {
    super(failure.reason);
  }
}

const allTables = () => [
  db.patients,
  db.events,
  db.visits,
  db.assessments,
  db.safetyAcks,
  db.history,
  db.meta,
  db.patientSummaries,
  db.tombstones,
  db.scaleDefinitions,
  db.cohorts,
  db.enrolments,
];

/** A table name a write may lock. */
export type TableName =
  | 'patients'
  | 'events'
  | 'visits'
  | 'assessments'
  | 'safetyAcks'
  | 'history'
  | 'meta'
  | 'patientSummaries'
  | 'tombstones'
  | 'scaleDefinitions'
  | 'cohorts'
  | 'enrolments';

const CLINICAL: readonly TableName[] = [
  'patients',
  'events',
  'visits',
  'assessments',
  'safetyAcks',
  'cohorts',
  'enrolments',
];

/** A write to a clinical table may leave or remove a tombstone (applyChanges): lock it too. */
function scopeOf(tables: readonly TableName[]): TableName[] {
  const touchesClinical = tables.some((t) => CLINICAL.includes(t));
  return touchesClinical && !tables.includes('tombstones')
    ? [...tables, 'tombstones']
    : [...tables];
}

/**
 * `tables` is the scope the transaction locks: only the tables the work reads or writes
 * (Dexie refuses any other), so a keystroke's draft save does not wait behind, or hold up,
 * writes to unrelated tables. Without it, all tables.
 */
export async function runWrite<T, F extends DbFailure = DbFailure>(
  work: () => Promise<{ readonly ok: true; readonly value: T } | F>,
  tables?: readonly TableName[],
): Promise<{ readonly ok: true; readonly value: T } | F | DbFailure> {
  try {
    const scope = tables ? scopeOf(tables).map((name) => db.table(name)) : allTables();
    return await db.transaction('rw', scope, async () => {
      const result = await work();
      if (!result.ok) throw new Rollback(result);
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.failure as F;
    const storage = describeStorageError(error);
    if (storage) return refuse(storage);
    throw error;
  }
}

/** Reads that must see one consistent state (exports, records shown together). */
export function runRead<T>(work: () => Promise<T>): Promise<T> {
  return db.transaction('r', allTables(), work);
}

export function nowIso(): string {
  return new Date().toISOString();
}

export function newId(): string {
  return crypto.randomUUID();
}

type TableMap = { [K in ClinicalTable]: Table<RecordMap[K], string, RecordMap[K]> };

export function clinicalTable<K extends ClinicalTable>(name: K): TableMap[K] {
  const tables: TableMap = {
    patients: db.patients,
    events: db.events,
    visits: db.visits,
    assessments: db.assessments,
    safetyAcks: db.safetyAcks,
    cohorts: db.cohorts,
    enrolments: db.enrolments,
  };
  return tables[name];
}

/** Options every writer takes: who made the change, kept in history. */
export interface WriteOptions {
  readonly by?: string;
}

/** Options of a save that edits a loaded record: the record as the form loaded it. */
export interface SaveOptions<T> extends WriteOptions {
  readonly base: T;
  /**
   * The clinician's choice for fields that conflicted on an earlier try (keys as in the
   * conflict). Fields that conflict anew (changed again meanwhile) still stop the save.
   */
  readonly choices?: Choices;
}
