/**
 * The cohort part of an import (v8): the file's cohorts and enrolments as changes, written
 * in the import's one history group. A cohort or enrolment already stored under the same id
 * is kept ('skip') or replaced by the file's ('replace'), like patients. An enrolment whose
 * patient the import does not bring in (a skipped patient stored under another id), or whose
 * arm the kept cohort lacks, is left out and counted. A file cohort named like another stored
 * cohort stops the import: two cohorts must not share a name.
 */
import { db } from '../db';
import { sameData } from '../derived';
import type { Change } from '../history-writer';
import { refuseAll, succeed, type DbResult } from '../result';
import { withoutStamps } from '../revision';
import type { Cohort, Enrolment } from '../schema';
import type { ValidBackup } from './backup-format';

export interface CohortImportContext {
  /** Patient ids the import writes (added or replaced by the file's). */
  readonly written: ReadonlySet<string>;
  /** Stored patient ids the import deletes (replaced by a file patient of another id). */
  readonly removed: ReadonlySet<string>;
  readonly onConflict: 'skip' | 'replace';
}

const nameKey = (name: string) => name.trim().toLowerCase();

/** Call inside importBackup's transaction. */
export async function cohortImportChanges(
  backup: ValidBackup,
  context: CohortImportContext,
): Promise<DbResult<{ changes: Change[]; leftOut: number }>> {
  const replace = context.onConflict === 'replace';
  const changes: Change[] = [];
  const fileEnrolments = new Set((backup.enrolments ?? []).map((e) => e.id));
  for (const patientId of context.removed) {
    const gone = await db.enrolments.where('patientId').equals(patientId).toArray();
    for (const before of gone)
      if (!fileEnrolments.has(before.id))
        changes.push({ table: 'enrolments', before, after: null });
  }
  const storedCohorts = await db.cohorts.toArray();
  const result = new Map<string, Cohort>(storedCohorts.map((c) => [c.id, c]));
  const problems: string[] = [];
  (backup.cohorts ?? []).forEach((cohort, at) => {
    const stored = result.get(cohort.id);
    if (stored && (!replace || sameData(withoutStamps(stored), cohort))) return;
    const clash = storedCohorts.find(
      (c) => c.id !== cohort.id && nameKey(c.name) === nameKey(cohort.name),
    );
    if (clash) {
      problems.push(
        `cohorts[${at}].name: a different stored cohort is already named "${clash.name}"; rename one of them, then import again. Nothing was imported.`,
      );
      return;
    }
    changes.push({ table: 'cohorts', before: stored ?? null, after: cohort });
    result.set(cohort.id, cohort);
  });
  if (problems.length) return refuseAll(problems, 'cohort name clash');
  let leftOut = 0;
  for (const enrolment of backup.enrolments ?? []) {
    const patientThere =
      context.written.has(enrolment.patientId) ||
      (!context.removed.has(enrolment.patientId) &&
        (await db.patients.get(enrolment.patientId)) !== undefined);
    const arms = result.get(enrolment.cohortId)?.arms ?? [];
    if (!patientThere || !arms.some((a) => a.id === enrolment.armId)) {
      leftOut++;
      continue;
    }
    const stored = await db.enrolments.get(enrolment.id);
    if (stored) {
      if (replace && !sameData(withoutStamps(stored), enrolment))
        changes.push({ table: 'enrolments', before: stored, after: enrolment });
      continue;
    }
    const other: Enrolment | undefined = await db.enrolments
      .where('[cohortId+patientId]')
      .equals([enrolment.cohortId, enrolment.patientId])
      .first();
    if (other && !replace) {
      leftOut++;
      continue;
    }
    if (other) changes.push({ table: 'enrolments', before: other, after: null });
    changes.push({ table: 'enrolments', before: null, after: enrolment });
  }
  return succeed({ changes, leftOut });
}
