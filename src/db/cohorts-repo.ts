/**
 * Stored cohorts and their arms (cohort-schema.ts). Every change goes through applyChanges,
 * so it carries a revision, author and device, is kept in history and can be undone; a save
 * of a loaded cohort names the revision it edited (`base`). Enrolments: enrolments-repo.ts.
 */
import { db } from './db';
import { sameData } from './derived';
import { applyChanges, stampFor, type Change } from './history-writer';
import { compact, parseRecord } from './input';
import { cohortDataSchema } from './record-schemas';
import { refuse, succeed, type DbResult, type SaveResult } from './result';
import { revise, withoutStamps } from './revision';
import type { Cohort, CohortKind } from './schema';
import { newId, nowIso, runWrite, type SaveOptions, type WriteOptions } from './write';
import { mergeSinceLoaded } from './save-merge';

export interface CohortInput {
  readonly name: string;
  readonly kind: CohortKind;
  readonly description?: string;
  /** Names of the arms, at least one. */
  readonly arms: readonly string[];
}

/** Fields to change; null (or '') clears the description. */
export interface CohortChanges {
  readonly name?: string;
  readonly kind?: CohortKind;
  readonly description?: string | null;
}

const COHORT_FIELDS: Readonly<Record<string, string>> = {
  name: 'name',
  kind: 'kind',
  description: 'description',
  arms: 'arms',
};

const nameKey = (name: string) => name.trim().toLowerCase();

/** Another cohort already called `name` (ignoring case), or null. */
async function nameTaken(name: string, exceptId: string | null): Promise<Cohort | null> {
  const all = await db.cohorts.toArray();
  return all.find((c) => c.id !== exceptId && nameKey(c.name) === nameKey(name)) ?? null;
}

const cohortTables = ['cohorts', 'enrolments', 'history'] as const;

export function createCohort(
  input: CohortInput,
  options: WriteOptions = {},
): Promise<DbResult<Cohort>> {
  return runWrite(async () => {
    const at = nowIso();
    const parsed = parseRecord(
      cohortDataSchema,
      compact({
        ...input,
        id: newId(),
        arms: input.arms.map((name) => ({ id: newId(), name: name.trim() })),
        createdAt: at,
        updatedAt: at,
      }),
    );
    if (!parsed.ok) return parsed;
    if (await nameTaken(parsed.value.name, null))
      return refuse(`There is already a cohort named "${parsed.value.name}".`);
    const cohort = revise(null, { ...parsed.value, ...stampFor(options.by) });
    await applyChanges({ name: `create cohort ${cohort.name}`, by: options.by }, [
      { table: 'cohorts', before: null, after: cohort },
    ]);
    return succeed(cohort);
  }, cohortTables);
}

/**
 * Saves the cohort form (name, kind, description). A save against a cohort changed since
 * merges field by field, or stops with both values of each field changed in both places.
 */
export function updateCohort(
  id: string,
  changes: CohortChanges,
  options: SaveOptions<Cohort>,
): Promise<SaveResult<Cohort>> {
  return runWrite<Cohort, SaveResult<Cohort> & { ok: false }>(async () => {
    const existing = await db.cohorts.get(id);
    if (!existing) return refuse(`There is no cohort with id ${id}.`);
    let merged = compact({ ...withoutStamps(options.base), ...changes });
    const outcome = mergeSinceLoaded(existing, options, merged, {
      what: `Cohort ${existing.name}`,
      ignore: ['id', 'createdAt', 'updatedAt'],
      label: (key) => COHORT_FIELDS[key] ?? key,
    });
    if (!outcome.ok) return outcome;
    merged = outcome.value;
    if (sameData({ ...merged, updatedAt: existing.updatedAt }, withoutStamps(existing)))
      return succeed(existing);
    const parsed = parseRecord(cohortDataSchema, { ...merged, updatedAt: nowIso() });
    if (!parsed.ok) return parsed;
    if (await nameTaken(parsed.value.name, id))
      return refuse(`There is already a cohort named "${parsed.value.name}".`);
    const cohort = revise(existing, { ...parsed.value, ...stampFor(options.by) });
    const name =
      cohort.name === existing.name
        ? `edit cohort ${cohort.name}`
        : `rename cohort ${existing.name} to ${cohort.name}`;
    await applyChanges({ name, by: options.by }, [
      { table: 'cohorts', before: existing, after: cohort },
    ]);
    return succeed(cohort);
  }, cohortTables);
}

/**
 * Adds an arm at the end (its number is its place). Adding only appends, so a cohort changed
 * since `base` was loaded takes the arm all the same; a name already used is refused.
 */
export function addArm(
  cohortId: string,
  armName: string,
  options: SaveOptions<Cohort>,
): Promise<DbResult<Cohort>> {
  return runWrite(async () => {
    const existing = await db.cohorts.get(cohortId);
    if (!existing) return refuse(`There is no cohort with id ${cohortId}.`);
    const name = armName.trim();
    const parsed = parseRecord(cohortDataSchema, {
      ...withoutStamps(existing),
      arms: [...existing.arms, { id: newId(), name }],
      updatedAt: nowIso(),
    });
    if (!parsed.ok) return refuse(`Arm "${name}": ${parsed.issues.join('; ')}`);
    const cohort = revise(existing, { ...parsed.value, ...stampFor(options.by) });
    await applyChanges({ name: `add arm ${name} to ${existing.name}`, by: options.by }, [
      { table: 'cohorts', before: existing, after: cohort },
    ]);
    return succeed(cohort);
  }, cohortTables);
}

/** Deletes the cohort and every enrolment in it, as one change that undo restores whole. */
export function deleteCohort(
  id: string,
  options: WriteOptions = {},
): Promise<DbResult<{ enrolments: number }>> {
  return runWrite(async () => {
    const existing = await db.cohorts.get(id);
    if (!existing) return refuse(`There is no cohort with id ${id}.`);
    const enrolments = await db.enrolments.where('cohortId').equals(id).toArray();
    const changes: Change[] = [
      ...enrolments.map((before): Change => ({ table: 'enrolments', before, after: null })),
      { table: 'cohorts', before: existing, after: null },
    ];
    await applyChanges({ name: `delete cohort ${existing.name}`, by: options.by }, changes);
    return succeed({ enrolments: enrolments.length });
  }, cohortTables);
}
