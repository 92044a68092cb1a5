/** Reads behind the Cohorts page, the cohort view's choice of cohort and the patient page. */
import { drugKey, eventDrugName } from '../domain/cohort/drug-name';
import { db } from './db';
import type { Cohort, Enrolment } from './schema';
import { runRead } from './write';

export interface CohortListItem {
  readonly cohort: Cohort;
  /** Enrolled patients per arm id. */
  readonly counts: ReadonlyMap<string, number>;
  readonly total: number;
  readonly enrolments: readonly Enrolment[];
}

/** Every stored cohort by name, with how many patients each arm holds. */
export function listCohorts(): Promise<CohortListItem[]> {
  return runRead(async () => {
    const [cohorts, enrolments] = await Promise.all([
      db.cohorts.toArray(),
      db.enrolments.toArray(),
    ]);
    return cohorts
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((cohort) => {
        const counts = new Map<string, number>();
        const mine = enrolments.filter((e) => e.cohortId === cohort.id);
        for (const e of mine) counts.set(e.armId, (counts.get(e.armId) ?? 0) + 1);
        return { cohort, counts, total: mine.length, enrolments: mine };
      });
  });
}

/** A patient as the enrol list shows them: code, name, index drug. */
export interface EnrolCandidate {
  readonly id: string;
  readonly code: string;
  readonly name?: string;
  /** The drug of the index event (as spelled), or null. */
  readonly indexDrug: string | null;
  readonly indexDrugKey: string | null;
}

export interface CohortDetail {
  readonly cohort: Cohort;
  readonly enrolments: readonly Enrolment[];
  /** Every patient, by code, for the enrol list and the names of the enrolled. */
  readonly patients: readonly EnrolCandidate[];
}

export function readCohortDetail(cohortId: string): Promise<CohortDetail | null> {
  return runRead(async () => {
    const cohort = await db.cohorts.get(cohortId);
    if (!cohort) return null;
    const [enrolments, patients, events] = await Promise.all([
      db.enrolments.where('cohortId').equals(cohortId).toArray(),
      db.patients.orderBy('codeKey').toArray(),
      db.events.toArray(),
    ]);
    const index = new Map(events.filter((e) => e.isIndex).map((e) => [e.patientId, e]));
    return {
      cohort,
      enrolments,
      patients: patients.map((p) => {
        const event = index.get(p.id);
        const drug = event ? eventDrugName(event) : null;
        return {
          id: p.id,
          code: p.code,
          ...(p.name === undefined ? {} : { name: p.name }),
          indexDrug: drug,
          indexDrugKey: drug === null ? null : drugKey(drug) || null,
        };
      }),
    };
  });
}

export interface PatientEnrolment {
  readonly enrolment: Enrolment;
  readonly cohortName: string;
  readonly armName: string;
  /** 1, 2, …: the arm's place in its cohort. */
  readonly armNumber: number;
}

/** The cohorts a patient is enrolled in, by cohort name. */
export function listPatientEnrolments(patientId: string): Promise<PatientEnrolment[]> {
  return runRead(async () => {
    const enrolments = await db.enrolments.where('patientId').equals(patientId).toArray();
    const cohorts = await db.cohorts.bulkGet(enrolments.map((e) => e.cohortId));
    return enrolments
      .flatMap((enrolment, i) => {
        const cohort = cohorts[i];
        if (!cohort) return [];
        const at = cohort.arms.findIndex((a) => a.id === enrolment.armId);
        return [
          {
            enrolment,
            cohortName: cohort.name,
            armName: cohort.arms[at]?.name ?? '(unknown arm)',
            armNumber: at + 1,
          },
        ];
      })
      .sort((a, b) => a.cohortName.localeCompare(b.cohortName));
  });
}
