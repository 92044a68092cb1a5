/**
 * Expected failures are values (STYLE habit 3). A failure has a one-line `reason` for a
 * banner and every `issue` for a list; each issue says what is wrong and where. The shape
 * is a superset of src/domain/result.ts's Result, so either can be passed where the domain
 * one is expected.
 */
import type { FieldConflict } from '../domain/field-merge';
import { upgradeFailureOf } from './migrations/upgrade-failure';
export interface DbFailure {
  readonly ok: false;
  readonly reason: string;
  readonly issues: readonly string[];
}

export type DbResult<T> = { readonly ok: true; readonly value: T } | DbFailure;

/**
 * A save refused because the record changed since the form loaded it and both changed the
 * same field differently: each such field with both values, and the record as stored now,
 * which the clinician's choice is saved over (as the next save's `base`).
 */
export interface ConflictFailure<T> extends DbFailure {
  readonly conflict: {
    readonly fields: readonly FieldConflict[];
    readonly current: T;
  };
}

export type SaveResult<T> = DbResult<T> | ConflictFailure<T>;

export const isConflict = <T>(result: SaveResult<T>): result is ConflictFailure<T> =>
  !result.ok && 'conflict' in result;

const shown = (value: unknown): string =>
  value === undefined || value === null || value === '' ? '(empty)' : JSON.stringify(value);

/** The failure of a save whose fields conflict with a change it did not see. */
export function conflicted<T>(
  what: string,
  fields: readonly FieldConflict[],
  current: T,
): ConflictFailure<T> {
  const names = fields.map((f) => f.field).join(', ');
  return {
    ok: false,
    reason: `${what} was changed elsewhere (another tab or window) while you edited it, and the same ${fields.length === 1 ? 'field was' : 'fields were'} changed in both: ${names}. Nothing was saved: choose which value to keep.`,
    issues: fields.map((f) => `${f.field}: yours ${shown(f.mine)}, stored now ${shown(f.theirs)}`),
    conflict: { fields, current },
  };
}

export const succeed = <T>(value: T): DbResult<T> => ({ ok: true, value });

/** One failure; `reason` is the summary, `issues` default to the reason itself. */
export function refuse(reason: string, issues: readonly string[] = [reason]): DbFailure {
  return { ok: false, reason, issues };
}

/** A failure made of several issues; the reason counts them. */
export function refuseAll(issues: readonly string[], what = 'problem'): DbFailure {
  const first = issues[0] ?? 'Unknown problem.';
  const reason = issues.length <= 1 ? first : `${issues.length} ${what}s, the first: ${first}`;
  return { ok: false, reason, issues };
}

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly inner?: unknown;
}

const errorName = (error: unknown): string =>
  typeof error === 'object' && error !== null && typeof (error as ErrorLike).name === 'string'
    ? ((error as ErrorLike).name as string)
    : '';

const innerOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as ErrorLike).inner : undefined;

/**
 * The storage failures a user can act on, in words; null for anything else (a bug, rethrown).
 * A full disk reaches Dexie as an AbortError whose inner error is QuotaExceededError
 * (Dexie #776); iOS Safari can lose the connection after the app was in the background.
 */
export function describeStorageError(error: unknown): string | null {
  if (upgradeFailureOf(error))
    return 'The database could not be updated for this version of Trajectory (the message at the top of the page says why): nothing was saved.';
  const names = [errorName(error), errorName(innerOf(error))];
  if (names.includes('QuotaExceededError')) {
    return 'The device has no storage space left for this app: nothing was saved. Free some space (or export a backup and remove old data), then try again.';
  }
  const inner = innerOf(error);
  if (
    names.includes('MissingAPIError') ||
    names.includes('OpenFailedError') ||
    (names[0] === 'DatabaseClosedError' && inner !== undefined && inner !== null)
  ) {
    return 'This browser does not let Trajectory store data on this device (private browsing, or site storage is turned off): nothing was saved.';
  }
  if (names.includes('DatabaseClosedError')) {
    return 'The database was closed, perhaps because the app was updated in another tab: nothing was saved. Reload the page and try again.';
  }
  const raw =
    typeof error === 'object' && error !== null ? (error as ErrorLike).message : undefined;
  const message = typeof raw === 'string' ? raw : '';
  if (message.includes('Connection to Indexed Database server lost')) {
    return 'The connection to the local database was lost: nothing was saved. Reload the page and try again.';
  }
  return null;
}
