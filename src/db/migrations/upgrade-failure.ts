/**
 * A failed upgrade step as a value the app can show: which step of which version stopped, on
 * which record of which table, and why in plain words. IndexedDB rolls the whole upgrade back,
 * so the database stays at its old version with every record as it was.
 */
import { RecordFailure } from './migration-step';

export interface UpgradeFailure {
  /** The version the step upgrades to. */
  readonly version: number;
  readonly step: string;
  /** null when the step failed outside any one record (reading or writing a table). */
  readonly table: string | null;
  readonly recordId: string | null;
  /** The error in plain words. */
  readonly plain: string;
  /** The error as the browser gave it, for a report. */
  readonly detail: string;
}

export class UpgradeStepFailure extends Error {
  constructor(readonly failure: UpgradeFailure) {
    super(describeUpgradeFailure(failure));
    this.name = 'UpgradeStepFailure';
  }
}

/** What a step's error means, for someone who does not read stack traces. */
export function plainWords(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TypeError')
    return 'the record lacks a field the step needs, or a field holds the wrong kind of value';
  if (name === 'RangeError') return 'a value in the record is out of the range the step accepts';
  if (name === 'ConstraintError' || name === 'ConstraintError2')
    return 'the change would give two records the same unique value (a patient code, an id)';
  if (name === 'QuotaExceededError') return 'the device has no storage space left';
  if (name === 'DataError') return 'the record holds a value the database cannot index';
  return 'the step could not convert the record';
}

/** The step's failure wrapped with the step's name and version (runSteps calls it). */
export function stepFailure(version: number, step: string, error: unknown): UpgradeStepFailure {
  const record = error instanceof RecordFailure ? error : null;
  const cause = record ? record.cause : error;
  return new UpgradeStepFailure({
    version,
    step,
    table: record?.table ?? null,
    recordId: record?.recordId ?? null,
    plain: plainWords(cause),
    detail: cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause),
  });
}

/** The upgrade failure inside an open error (Dexie wraps it in `inner`), or null. */
export function upgradeFailureOf(error: unknown): UpgradeFailure | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current; depth += 1) {
    if (current instanceof UpgradeStepFailure) return current.failure;
    const next = current as { inner?: unknown; cause?: unknown };
    current = next.inner ?? next.cause;
  }
  return null;
}

export function describeUpgradeFailure(f: UpgradeFailure): string {
  const where =
    f.table && f.recordId ? `at record ${f.recordId} of the ${f.table} table` : 'before any record';
  return `The upgrade step "${f.step}" (to version ${f.version}) stopped ${where}: ${f.plain} (${f.detail}).`;
}
