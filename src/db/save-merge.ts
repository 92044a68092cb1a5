/**
 * The part every repository's update shares: a form saved against a record that changed
 * since the form loaded it (`options.base`, another tab or device) is merged field by field
 * with what is stored now (src/domain/field-merge.ts); fields both changed differently stop
 * the save as a conflict for the clinician to settle (ConflictChooser). Unchanged since
 * loaded: the form's fields as they are.
 */
import { mergeFields } from '../domain/field-merge';
import { compact } from './input';
import { conflicted, type ConflictFailure } from './result';
import { sameRev, withoutStamps, type Revisioned } from './revision';
import type { SaveOptions } from './write';

type Fields = Record<string, unknown>;

export interface MergeHow<T> {
  /** The record as named in the conflict message, e.g. 'Patient DEZ-001'. */
  readonly what: string;
  /** Fields the form never edits. */
  readonly ignore: readonly string[];
  /** A field's name for the clinician. */
  readonly label: (key: string) => string;
  /** The record's editable data; default: the record without its replication stamps. */
  readonly dataOf?: (record: T) => object;
}

export function mergeSinceLoaded<T extends Revisioned>(
  existing: T,
  options: SaveOptions<T>,
  mine: Fields,
  how: MergeHow<T>,
): { readonly ok: true; readonly value: Fields } | ConflictFailure<T> {
  if (sameRev(existing, options.base)) return { ok: true, value: mine };
  const dataOf = how.dataOf ?? withoutStamps;
  const outcome = mergeFields(
    compact({ ...dataOf(options.base) }),
    mine,
    { ...dataOf(existing) },
    {
      ignore: how.ignore,
      label: how.label,
      ...(options.choices ? { choices: options.choices } : {}),
    },
  );
  return outcome.ok
    ? { ok: true, value: outcome.value }
    : conflicted(how.what, outcome.conflicts, existing);
}
