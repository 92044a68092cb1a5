/**
 * Checks between a backup's cohorts and enrolments (v8), after each passed its own shape
 * check: unique ids and cohort names, and every enrolment naming a cohort, one of its arms
 * and a patient of the file, each patient at most once per cohort.
 */
import type { CohortData, EnrolmentData, PatientData } from '../schema';
import type { Placed } from './check-backup';

export interface CohortTables {
  readonly patients: readonly Placed<PatientData>[];
  readonly cohorts: readonly Placed<CohortData>[];
  readonly enrolments: readonly Placed<EnrolmentData>[];
}

export interface CohortSeen {
  readonly patients: ReadonlySet<string>;
  readonly cohorts: ReadonlySet<string>;
}

export function checkCohorts(tables: CohortTables, seen: CohortSeen): string[] {
  const problems: string[] = [];
  const names = new Map<string, number>();
  for (const { at, record } of tables.cohorts) {
    const key = record.name.trim().toLowerCase();
    const earlier = names.get(key);
    if (earlier === undefined) names.set(key, at);
    else
      problems.push(
        `cohorts[${at}].name: "${record.name}" is also the name of cohorts[${earlier}]; cohort names must be unique, ignoring case`,
      );
  }
  const cohorts = new Map(tables.cohorts.map((c) => [c.record.id, c.record]));
  const codes = new Map(tables.patients.map((p) => [p.record.id, p.record.code]));
  const once = new Map<string, number>();
  for (const { at, record: e } of tables.enrolments) {
    const cohort = cohorts.get(e.cohortId);
    if (!cohort) {
      if (!seen.cohorts.has(e.cohortId))
        problems.push(`enrolments[${at}].cohortId: no cohort with id ${e.cohortId} in this file`);
    } else if (!cohort.arms.some((a) => a.id === e.armId)) {
      problems.push(
        `enrolments[${at}].armId: cohort "${cohort.name}" has no arm with id ${e.armId} (its arms: ${cohort.arms.map((a) => a.name).join(', ')})`,
      );
    }
    const code = codes.get(e.patientId);
    if (code === undefined) {
      if (!seen.patients.has(e.patientId))
        problems.push(
          `enrolments[${at}].patientId: no patient with id ${e.patientId} in this file`,
        );
      continue;
    }
    const key = `${e.cohortId}/${e.patientId}`;
    const earlier = once.get(key);
    if (earlier === undefined) once.set(key, at);
    else
      problems.push(
        `enrolments[${at}].patientId: patient ${code} is already in cohort "${cohort?.name ?? e.cohortId}" (enrolments[${earlier}]); a patient is in a cohort once`,
      );
  }
  return problems;
}
