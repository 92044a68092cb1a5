/**
 * Resolving a record two devices changed apart (a replication conflict). Three-way, from the
 * last revision both versions share (the common ancestor): what only one side changed is
 * taken from that side; a field (or, for an assessment, an item) both sides changed to
 * different values needs a clinician's choice. The merge is proposed as the resolution only
 * when nothing needs a choice and an assessment's merged entry is valid for its scale; a
 * deletion on one side is always a choice. Without a known ancestor nothing can tell which
 * side changed what, so every difference is a choice. Pure: the database writes the result.
 */
import type { AssessmentEntry } from './assessment';
import {
  mergeEntriesStrictly,
  mergeFields,
  sameValue,
  type Choices,
  type FieldConflict,
} from './field-merge';
import { isScaleId, scaleOf } from './scales/registry';
import { validateEntry } from './validation';

export type SyncTable =
  'patients' | 'events' | 'visits' | 'assessments' | 'safetyAcks' | 'cohorts' | 'enrolments';
export type RecordFields = Readonly<Record<string, unknown>>;

export type VersionMerge =
  /** `value` null: the record is deleted. */
  | { readonly ok: true; readonly value: RecordFields | null }
  | {
      readonly ok: false;
      readonly conflicts: readonly FieldConflict[];
      /** Why the merge cannot be used as it is (an invalid merged entry), in words. */
      readonly problems: readonly string[];
    };

/** Bookkeeping every device recomputes or stamps: never a clinician's choice. */
const BOOKKEEPING = ['id', 'rev', 'author', 'device', 'codeKey', 'nameWords', 'flaggedItems'];
const LATEST = ['updatedAt', 'finalizedAt'];

const FIELD_LABELS: Readonly<Record<string, string>> = {
  code: 'patient code',
  birthYear: 'birth year',
  expectedIntervalDays: 'days between visits',
  baselineVisitId: 'baseline visit',
  totalDose: 'total dose',
  isIndex: 'index event',
  endDate: 'end date',
  adverseEvents: 'adverse events',
  scaleVersion: 'scale version',
  visitId: 'visit',
};
export const fieldLabel = (key: string): string => FIELD_LABELS[key] ?? key;

/** Every key whose values differ, as a choice (no ancestor: nothing tells who changed what). */
function differences(mine: RecordFields, theirs: RecordFields, prefix = ''): FieldConflict[] {
  const keys = new Set([...Object.keys(mine), ...Object.keys(theirs)]);
  return [...keys]
    .filter((key) => !sameValue(mine[key], theirs[key]))
    .map((key) => ({
      field: fieldLabel(key),
      key: prefix + key,
      base: undefined,
      mine: mine[key],
      theirs: theirs[key],
    }));
}

const pick = <T>(choice: 'mine' | 'theirs' | undefined, mine: T, theirs: T) =>
  choice === 'theirs' ? theirs : mine;

/** Plain fields: three-way when the ancestor is known, else every difference is a choice. */
function mergePlain(
  base: RecordFields | null,
  mine: RecordFields,
  theirs: RecordFields,
  choices: Choices,
  skip: readonly string[],
): { value: Record<string, unknown>; conflicts: FieldConflict[] } {
  const strip = (r: RecordFields) =>
    Object.fromEntries(Object.entries(r).filter(([k]) => !skip.includes(k)));
  const [b, m, t] = [base === null ? null : strip(base), strip(mine), strip(theirs)];
  if (b !== null) {
    const merged = mergeFields(b, m, t, { label: fieldLabel, choices });
    return merged.ok
      ? { value: merged.value, conflicts: [] }
      : { value: { ...m }, conflicts: [...merged.conflicts] };
  }
  const open = differences(m, t).filter((c) => choices[c.key] === undefined);
  const value: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(m), ...Object.keys(t)])) {
    const chosen = pick(choices[key], m[key], t[key]);
    if (chosen !== undefined) value[key] = chosen;
  }
  return { value, conflicts: open };
}

/** An assessment's entry: item by item, then checked against its scale definition. */
function mergeEntry(
  record: RecordFields,
  base: AssessmentEntry | null,
  mine: AssessmentEntry,
  theirs: AssessmentEntry,
  choices: Choices,
): { entry: AssessmentEntry; conflicts: FieldConflict[]; problems: string[] } {
  const scaleId = String(record.scaleId);
  const whole = (problems: string[]): ReturnType<typeof mergeEntry> => ({
    entry: mine,
    conflicts: [{ field: `${scaleId} entries (as a whole)`, key: 'entry', base, mine, theirs }],
    problems,
  });
  if (choices.entry)
    return { entry: pick(choices.entry, mine, theirs), conflicts: [], problems: [] };
  let merged: AssessmentEntry;
  if (base === null) {
    if (sameValue(mine, theirs)) return { entry: mine, conflicts: [], problems: [] };
    if (mine.mode !== 'items' || theirs.mode !== 'items') return whole([]);
    const length = Math.max(mine.responses.length, theirs.responses.length);
    const conflicts: FieldConflict[] = [];
    const responses = Array.from({ length }, (_, i) => {
      const [m, t] = [mine.responses[i] ?? null, theirs.responses[i] ?? null];
      const key = `responses.${i}`;
      if (m === t) return m;
      if (choices[key] === undefined)
        conflicts.push({
          field: `${scaleId} item ${i + 1}`,
          key,
          base: undefined,
          mine: m,
          theirs: t,
        });
      return pick(choices[key], m, t);
    });
    const variants = differences(mine.variants ?? {}, theirs.variants ?? {}, 'variants.');
    conflicts.push(...variants.filter((c) => choices[c.key] === undefined));
    if (conflicts.length) return { entry: mine, conflicts, problems: [] };
    const [mv, tv] = [mine.variants ?? {}, theirs.variants ?? {}];
    const chosen = Object.fromEntries(
      [...new Set([...Object.keys(mv), ...Object.keys(tv)])].flatMap((k) => {
        const v = pick(choices[`variants.${k}`], mv[k], tv[k]);
        return v === undefined ? [] : [[k, v]];
      }),
    );
    merged = {
      mode: 'items',
      responses,
      ...(Object.keys(chosen).length ? { variants: chosen } : {}),
    };
  } else {
    const outcome = mergeEntriesStrictly(scaleId, base, mine, theirs, choices);
    if (!outcome.ok) return { entry: mine, conflicts: [...outcome.conflicts], problems: [] };
    merged = outcome.value;
  }
  if (!isScaleId(scaleId)) return whole([`Unknown scale "${scaleId}".`]);
  const scaleVersion = typeof record.scaleVersion === 'string' ? record.scaleVersion : undefined;
  const valid = validateEntry(scaleOf({ scaleId, scaleVersion }), merged);
  if (!valid.ok)
    return whole([
      `The two versions merged item by item do not make a valid ${scaleId}: ${valid.issues
        .map((i) => i.message)
        .join(' ')}`,
    ]);
  return { entry: merged, conflicts: [], problems: [] };
}

const later = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' ? (a > b ? a : b) : (a ?? b);

/**
 * Merges two versions of one record from their common ancestor (`base`; null: not known).
 * `choices` holds the clinician's decisions by conflict key; `record: 'mine' | 'theirs'`
 * keeps one version whole (the only way out when one side deleted the record).
 */
export function mergeVersions(
  table: SyncTable,
  base: RecordFields | null,
  mine: RecordFields | null,
  theirs: RecordFields | null,
  choices: Choices = {},
): VersionMerge {
  if (choices.record) return { ok: true, value: pick(choices.record, mine, theirs) };
  if (mine === null && theirs === null) return { ok: true, value: null };
  if (mine === null || theirs === null) {
    const conflict = { field: 'the whole record (deleted in one version)', key: 'record' };
    return { ok: false, conflicts: [{ ...conflict, base, mine, theirs }], problems: [] };
  }
  const skip = [...BOOKKEEPING, ...LATEST, ...(table === 'assessments' ? ['entry'] : [])];
  const plain = mergePlain(base, mine, theirs, choices, skip);
  const conflicts = [...plain.conflicts];
  const problems: string[] = [];
  const value: Record<string, unknown> = { ...plain.value, id: mine.id };
  for (const key of LATEST) {
    const latest = later(mine[key], theirs[key]);
    if (latest !== undefined) value[key] = latest;
  }
  if (table === 'assessments') {
    const entry = mergeEntry(
      value,
      (base?.entry as AssessmentEntry | undefined) ?? null,
      mine.entry as AssessmentEntry,
      theirs.entry as AssessmentEntry,
      choices,
    );
    conflicts.push(...entry.conflicts);
    problems.push(...entry.problems);
    value.entry = entry.entry;
  }
  return conflicts.length ? { ok: false, conflicts, problems } : { ok: true, value };
}
