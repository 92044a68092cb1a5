/**
 * From stored records to cohort inputs. Structural types so the domain stays free of the
 * database layer: a `PatientRecord` (src/db) fits `RecordView`.
 */
import type { AssessmentEntry } from '../assessment';
import type { ScaleId } from '../scale-types';
import type { IsoDate } from '../time';
import type { CohortArm, CohortPatientInput } from './cohort-types';
import { drugKey, eventDrugName } from './drug-name';

export interface RecordView {
  readonly patient: {
    readonly id: string;
    readonly code: string;
    /** The baseline visit chosen for the patient, if any. */
    readonly baselineVisitId?: string;
  };
  readonly indexEvent: {
    readonly date: IsoDate;
    readonly drug?: string;
    readonly label: string;
  } | null;
  readonly visits: readonly {
    readonly id: string;
    readonly date: IsoDate;
    readonly status: string;
  }[];
  readonly assessments: readonly {
    readonly id: string;
    readonly visitId: string;
    readonly scaleId: ScaleId;
    readonly entry: AssessmentEntry;
    readonly status: string;
  }[];
}

/** Who can be in a cohort: a patient and their index event, without their visits. */
export type CohortIndexEntry = Pick<RecordView, 'patient' | 'indexEvent'>;

/** Finished visits only: a visit in progress is never counted. */
export function toCohortPatient(record: RecordView, armId: string): CohortPatientInput {
  return {
    patientId: record.patient.id,
    code: record.patient.code,
    armId,
    indexDate: record.indexEvent?.date ?? null,
    visits: record.visits.filter((v) => v.status === 'final'),
    assessments: record.assessments.filter((a) => a.status === 'final'),
    baselineVisitId: record.patient.baselineVisitId,
  };
}

/** The normalised drug of the patient's index event, or null. */
export function indexDrugKey(record: Pick<RecordView, 'indexEvent'>): string | null {
  return record.indexEvent ? drugKey(eventDrugName(record.indexEvent)) || null : null;
}

/** Arm id of a by-drug arm. */
export const drugArmId = (key: string): string => `drug:${key}`;

/**
 * "All patients whose index event is <drug>" as a cohort; with two drugs, two arms: patient
 * id → arm id. Patients whose index drug is none of them are left out (not listed as
 * excluded: they were never in).
 */
export function drugCohortMembers(
  entries: readonly CohortIndexEntry[],
  drugs: readonly CohortArm[],
): Map<string, string> {
  const armIds = new Set(drugs.map((d) => d.id));
  const members = new Map<string, string>();
  for (const r of entries) {
    const key = indexDrugKey(r);
    if (key !== null && armIds.has(drugArmId(key))) members.set(r.patient.id, drugArmId(key));
  }
  return members;
}

/** The members' records as cohort inputs, in the order of `records`. */
export function membersOf(
  records: readonly RecordView[],
  members: ReadonlyMap<string, string>,
): CohortPatientInput[] {
  return records.flatMap((r) => {
    const armId = members.get(r.patient.id);
    return armId === undefined ? [] : [toCohortPatient(r, armId)];
  });
}

/** The patients of a by-drug cohort (drugCohortMembers), as cohort inputs. */
export function drugCohortPatients(
  records: readonly RecordView[],
  drugs: readonly CohortArm[],
): CohortPatientInput[] {
  return membersOf(records, drugCohortMembers(records, drugs));
}

/**
 * A stored cohort's patients: each enrolled patient in their arm (`armId` as stored). An
 * enrolled patient without an index event is kept, and the summary lists them as not counted
 * with the reason, so n per arm never hides anyone silently.
 */
export function enrolledCohortMembers(
  entries: readonly CohortIndexEntry[],
  enrolments: readonly { readonly patientId: string; readonly armId: string }[],
): Map<string, string> {
  const armOf = new Map(enrolments.map((e) => [e.patientId, e.armId]));
  const members = new Map<string, string>();
  for (const r of entries) {
    const armId = armOf.get(r.patient.id);
    if (armId !== undefined) members.set(r.patient.id, armId);
  }
  return members;
}

/** A stored cohort's patients (enrolledCohortMembers), as cohort inputs. */
export function enrolledCohortPatients(
  records: readonly RecordView[],
  enrolments: readonly { readonly patientId: string; readonly armId: string }[],
): CohortPatientInput[] {
  return membersOf(records, enrolledCohortMembers(records, enrolments));
}
