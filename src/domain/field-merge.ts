/**
 * Three-way merge of one record edited in two places (two tabs, or later two devices):
 * `base` is what this side loaded, `mine` is what it wants to save, `theirs` is what is stored
 * now. A field only one side changed takes that side's value; a field both changed to the
 * same value is fine; a field both changed to different values is a conflict that a person
 * must decide, never a silent "last save wins".
 */
import type { AssessmentEntry } from './assessment';

export interface FieldConflict {
  /** Where, in words a clinician reads: 'name', 'HAMD-17 item 3', 'DARS total'. */
  readonly field: string;
  /** Key to send the choice back with. */
  readonly key: string;
  readonly base: unknown;
  readonly mine: unknown;
  readonly theirs: unknown;
}

/** The clinician's decision for a conflicting field: keep this side's value or the stored one. */
export type Choices = Readonly<Record<string, 'mine' | 'theirs'>>;

export type MergeOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly conflicts: readonly FieldConflict[] };

const sortKeys = (_key: string, v: unknown): unknown =>
  v === null || typeof v !== 'object' || Array.isArray(v)
    ? v
    : Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
          a < b ? -1 : a > b ? 1 : 0,
        ),
      );

/** Equal values (object keys in any order; undefined and absent alike). */
export const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a ?? null, sortKeys) === JSON.stringify(b ?? null, sortKeys);

/**
 * One value merged: which side changed it decides; both changed differently = conflict,
 * unless the clinician already chose for this key.
 */
function mergeValue<V>(
  base: V,
  mine: V,
  theirs: V,
  choice?: 'mine' | 'theirs',
): { value: V } | 'conflict' {
  if (sameValue(mine, base)) return { value: theirs };
  if (sameValue(theirs, base) || sameValue(mine, theirs)) return { value: mine };
  if (choice) return { value: choice === 'mine' ? mine : theirs };
  return 'conflict';
}

/**
 * Field-by-field merge of flat records. `label` names a field for the clinician. Fields
 * absent on a side count as "not set". Keys listed in `ignore` (bookkeeping such as
 * `updatedAt`) take this side's value.
 */
export function mergeFields<T extends Readonly<Record<string, unknown>>>(
  base: T,
  mine: T,
  theirs: T,
  options: {
    readonly ignore?: readonly string[];
    readonly label?: (key: string) => string;
    readonly choices?: Choices;
    readonly prefix?: string;
  } = {},
): MergeOutcome<T> {
  const ignore = new Set(options.ignore ?? []);
  const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  const out: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  for (const key of keys) {
    if (ignore.has(key)) {
      if (mine[key] !== undefined) out[key] = mine[key];
      continue;
    }
    const path = options.prefix ? `${options.prefix}.${key}` : key;
    const merged = mergeValue(base[key], mine[key], theirs[key], options.choices?.[path]);
    if (merged === 'conflict') {
      conflicts.push({
        field: options.label?.(key) ?? key,
        key: path,
        base: base[key],
        mine: mine[key],
        theirs: theirs[key],
      });
    } else if (merged.value !== undefined) out[key] = merged.value;
  }
  return conflicts.length ? { ok: false, conflicts } : { ok: true, value: out as T };
}

/** Item variants (HAMD-17 16A/16B) merge like items; absent when none is recorded. */
function mergedVariants(
  scaleName: string,
  base: AssessmentEntry,
  mine: AssessmentEntry,
  theirs: AssessmentEntry,
  choices: Choices,
  conflicts: FieldConflict[],
): { variants?: Readonly<Record<string, string>> } {
  const merged = mergeFields(base.variants ?? {}, mine.variants ?? {}, theirs.variants ?? {}, {
    label: (k) => `${scaleName} item ${k} variant`,
    choices,
    prefix: 'variants',
  });
  if (!merged.ok) {
    conflicts.push(...merged.conflicts);
    return {};
  }
  return Object.keys(merged.value).length ? { variants: merged.value } : {};
}

/**
 * Item-by-item merge of an assessment entry for an explicit save: like mergeEntries, but an
 * item both sides changed to different values is a conflict, not "mine wins", unless
 * `choices` decides it (keys as in the conflicts returned). `scaleName` prefixes the field
 * names ('HAMD-17 item 3'). Entries in different modes cannot be merged item by item: the
 * whole entry is one conflict.
 */
export function mergeEntriesStrictly(
  scaleName: string,
  base: AssessmentEntry,
  mine: AssessmentEntry,
  theirs: AssessmentEntry,
  choices: Choices = {},
): MergeOutcome<AssessmentEntry> {
  const whole = mergeValue(base, mine, theirs);
  if (whole !== 'conflict') return { ok: true, value: whole.value };
  const conflicts: FieldConflict[] = [];
  if (base.mode === 'items' && mine.mode === 'items' && theirs.mode === 'items') {
    const length = Math.max(base.responses.length, mine.responses.length, theirs.responses.length);
    const responses = Array.from({ length }, (_, i) => {
      const [b, m, t] = [
        base.responses[i] ?? null,
        mine.responses[i] ?? null,
        theirs.responses[i] ?? null,
      ];
      const key = `responses.${i}`;
      const merged = mergeValue(b, m, t, choices[key]);
      if (merged !== 'conflict') return merged.value;
      conflicts.push({ field: `${scaleName} item ${i + 1}`, key, base: b, mine: m, theirs: t });
      return m;
    });
    const variants = mergedVariants(scaleName, base, mine, theirs, choices, conflicts);
    return conflicts.length
      ? { ok: false, conflicts }
      : { ok: true, value: { mode: 'items', responses, ...variants } };
  }
  if (base.mode === 'summary' && mine.mode === 'summary' && theirs.mode === 'summary') {
    const total = mergeValue(base.total, mine.total, theirs.total, choices.total);
    if (total === 'conflict')
      conflicts.push({
        field: `${scaleName} total`,
        key: 'total',
        base: base.total,
        mine: mine.total,
        theirs: theirs.total,
      });
    const part = (prefix: 'subscales' | 'items', label: (k: string) => string) => {
      const merged = mergeFields(base[prefix], mine[prefix], theirs[prefix], {
        label,
        choices,
        prefix,
      });
      if (merged.ok) return merged.value;
      conflicts.push(...merged.conflicts);
      return mine[prefix];
    };
    const subscales = part('subscales', (k) => `${scaleName} ${k} subscale`);
    const items = part('items', (k) => `${scaleName} item ${k}`);
    const variants = mergedVariants(scaleName, base, mine, theirs, choices, conflicts);
    if (total === 'conflict' || conflicts.length) return { ok: false, conflicts };
    return {
      ok: true,
      value: { mode: 'summary', total: total.value, subscales, items, ...variants },
    };
  }
  const choice = choices.entry;
  if (choice) return { ok: true, value: choice === 'mine' ? mine : theirs };
  return {
    ok: false,
    conflicts: [
      {
        field: `${scaleName} (entered as items in one place, as a summary in the other)`,
        key: 'entry',
        base,
        mine,
        theirs,
      },
    ],
  };
}
