/**
 * Enrolments: a patient in one arm of a stored cohort, at most once per cohort. Written
 * through applyChanges like every record (revision, stamps, history, undo). `cohortRuleProblems`
 * checks the rules between cohorts, arms, enrolments and patients after an undo, which
 * restores old values that may no longer fit what came since.
 */
import { db } from './db';
import { sameData } from './derived';
import { applyChanges, stampFor, type Change } from './history-writer';
import { compact, parseRecord } from './input';
import { enrolmentSchema } from './record-schemas';
import { refuse, succeed, type DbResult, type SaveResult } from './result';
import { revise, withoutStamps } from './revision';
import type { Cohort, Enrolment } from './schema';
import { newId, nowIso, runWrite, type SaveOptions, type WriteOptions } from './write';
import { mergeSinceLoaded } from './save-merge';

export interface EnrolOptions extends WriteOptions {
  /** The day they entered the cohort, 'YYYY-MM-DD', when known. */
  readonly enrolledOn?: string;
}

const enrolTables = ['cohorts', 'enrolments', 'patients', 'history'] as const;

const armName = (cohort: Cohort, armId: string) =>
  cohort.arms.find((a) => a.id === armId)?.name ?? '(unknown arm)';

/**
 * Enrols the patients in one arm, as one change (one undo). Refused as a whole, writing
 * nothing, when any patient is unknown or already in this cohort (naming the arm).
 */
export function enrolPatients(
  cohortId: string,
  armId: string,
  patientIds: readonly string[],
  options: EnrolOptions = {},
): Promise<DbResult<readonly Enrolment[]>> {
  return runWrite(async () => {
    const cohort = await db.cohorts.get(cohortId);
    if (!cohort) return refuse(`There is no cohort with id ${cohortId}.`);
    if (!cohort.arms.some((a) => a.id === armId))
      return refuse(`Cohort "${cohort.name}" has no arm with id ${armId}.`);
    const ids = [...new Set(patientIds)];
    if (ids.length === 0) return refuse('Choose at least one patient to enrol.');
    const patients = await db.patients.bulkGet(ids);
    const enrolled = new Map(
      (await db.enrolments.where('cohortId').equals(cohortId).toArray()).map((e) => [
        e.patientId,
        e,
      ]),
    );
    const problems: string[] = [];
    const at = nowIso();
    const created: Enrolment[] = [];
    ids.forEach((patientId, i) => {
      const patient = patients[i];
      if (!patient) {
        problems.push(`There is no patient with id ${patientId}.`);
        return;
      }
      const earlier = enrolled.get(patientId);
      if (earlier) {
        problems.push(
          `Patient ${patient.code} is already in cohort "${cohort.name}" (arm ${armName(cohort, earlier.armId)}); a patient is in a cohort once.`,
        );
        return;
      }
      const parsed = parseRecord(
        enrolmentSchema,
        compact({
          id: newId(),
          cohortId,
          armId,
          patientId,
          enrolledOn: options.enrolledOn,
          createdAt: at,
        }),
      );
      if (!parsed.ok) problems.push(...parsed.issues.map((p) => `Enrolment date ${p}`));
      else created.push(revise(null, { ...parsed.value, ...stampFor(options.by) }));
    });
    if (problems.length) return refuse(problems.join(' '), problems);
    const arm = armName(cohort, armId);
    const what = created.length === 1 ? '1 patient' : `${created.length} patients`;
    await applyChanges(
      { name: `enrol ${what} in ${cohort.name}, arm ${arm}`, by: options.by },
      created.map((after): Change => ({ table: 'enrolments', before: null, after })),
    );
    return succeed(created);
  }, enrolTables);
}

/** Fields to change; null (or '') clears the date. */
export interface EnrolmentChanges {
  readonly armId?: string;
  readonly enrolledOn?: string | null;
}

/** Moves an enrolment to another arm of its cohort, or sets its date. */
export function updateEnrolment(
  id: string,
  changes: EnrolmentChanges,
  options: SaveOptions<Enrolment>,
): Promise<SaveResult<Enrolment>> {
  return runWrite<Enrolment, SaveResult<Enrolment> & { ok: false }>(async () => {
    const existing = await db.enrolments.get(id);
    if (!existing) return refuse(`There is no enrolment with id ${id}.`);
    let merged = compact({ ...withoutStamps(options.base), ...changes });
    const outcome = mergeSinceLoaded(existing, options, merged, {
      what: 'Enrolment',
      ignore: ['id', 'cohortId', 'patientId', 'createdAt'],
      label: (key) => (key === 'armId' ? 'arm' : key === 'enrolledOn' ? 'enrolment date' : key),
    });
    if (!outcome.ok) return outcome;
    merged = outcome.value;
    if (sameData(merged, withoutStamps(existing))) return succeed(existing);
    const cohort = await db.cohorts.get(existing.cohortId);
    if (!cohort) return refuse(`There is no cohort with id ${existing.cohortId}.`);
    if (!cohort.arms.some((a) => a.id === merged.armId))
      return refuse(`Cohort "${cohort.name}" has no arm with id ${String(merged.armId)}.`);
    const parsed = parseRecord(enrolmentSchema, merged);
    if (!parsed.ok) return parsed;
    const enrolment = revise(existing, { ...parsed.value, ...stampFor(options.by) });
    const moved = enrolment.armId !== existing.armId;
    const name = moved
      ? `move to arm ${armName(cohort, enrolment.armId)} of ${cohort.name}`
      : `edit enrolment date in ${cohort.name}`;
    await applyChanges({ name, by: options.by }, [
      { table: 'enrolments', before: existing, after: enrolment },
    ]);
    return succeed(enrolment);
  }, enrolTables);
}

/** Takes a patient out of a cohort (undo puts them back). */
export function removeEnrolment(
  id: string,
  options: WriteOptions = {},
): Promise<DbResult<Enrolment>> {
  return runWrite(async () => {
    const existing = await db.enrolments.get(id);
    if (!existing) return refuse(`There is no enrolment with id ${id}.`);
    const [cohort, patient] = await Promise.all([
      db.cohorts.get(existing.cohortId),
      db.patients.get(existing.patientId),
    ]);
    const name = `remove ${patient?.code ?? 'a patient'} from ${cohort?.name ?? 'a cohort'}`;
    await applyChanges({ name, by: options.by }, [
      { table: 'enrolments', before: existing, after: null },
    ]);
    return succeed(existing);
  }, enrolTables);
}

/** Enrolment changes that take a patient's enrolments away with the patient. */
export async function enrolmentsOfPatient(patientId: string): Promise<Change[]> {
  const rows = await db.enrolments.where('patientId').equals(patientId).toArray();
  return rows.map((before): Change => ({ table: 'enrolments', before, after: null }));
}

/**
 * After `changes` were written: the cohort rules they break, in words (empty when all
 * hold). Every enrolment of a touched cohort or patient must name a stored cohort, one of
 * its arms and a stored patient, once per cohort.
 */
export async function cohortRuleProblems(changes: readonly Change[]): Promise<string[]> {
  const cohortIds = new Set<string>();
  const patientIds = new Set<string>();
  for (const c of changes) {
    const record = c.after ?? c.before;
    if (!record) continue;
    if (c.table === 'cohorts') cohortIds.add(record.id);
    if (c.table === 'patients') patientIds.add(record.id);
    if (c.table === 'enrolments' && c.after) {
      cohortIds.add(c.after.cohortId);
      patientIds.add(c.after.patientId);
    }
  }
  if (cohortIds.size + patientIds.size === 0) return [];
  const rows = new Map<string, Enrolment>();
  for (const id of cohortIds)
    for (const e of await db.enrolments.where('cohortId').equals(id).toArray()) rows.set(e.id, e);
  for (const id of patientIds)
    for (const e of await db.enrolments.where('patientId').equals(id).toArray()) rows.set(e.id, e);
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const e of rows.values()) {
    const [cohort, patient] = await Promise.all([
      db.cohorts.get(e.cohortId),
      db.patients.get(e.patientId),
    ]);
    if (!cohort) problems.push('an enrolment would remain in a cohort that no longer exists');
    else if (!cohort.arms.some((a) => a.id === e.armId))
      problems.push(`an enrolment in "${cohort.name}" would name an arm it no longer has`);
    if (!patient) problems.push('an enrolment would remain for a patient that no longer exists');
    const key = `${e.cohortId}/${e.patientId}`;
    if (seen.has(key))
      problems.push(
        `patient ${patient?.code ?? e.patientId} would be in "${cohort?.name ?? 'a cohort'}" twice`,
      );
    seen.add(key);
  }
  return problems;
}
