/** Live reads of stored cohorts (kept apart from hooks.ts so the core stays React-free). */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  listCohorts,
  listPatientEnrolments,
  readCohortDetail,
  type CohortDetail,
  type CohortListItem,
  type PatientEnrolment,
} from './stored-cohort-queries';

/** undefined while loading. */
export function useCohortList(): readonly CohortListItem[] | undefined {
  return useLiveQuery(listCohorts, []);
}

/** undefined while loading; null: no such cohort. */
export function useCohortDetail(cohortId: string): CohortDetail | null | undefined {
  return useLiveQuery(() => readCohortDetail(cohortId), [cohortId]);
}

export function usePatientEnrolments(patientId: string): readonly PatientEnrolment[] | undefined {
  return useLiveQuery(() => listPatientEnrolments(patientId), [patientId]);
}
