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
export function indexDrugKey(record: RecordView): string | null {
  return record.indexEvent ? drugKey(eventDrugName(record.indexEvent)) || null : null;
}

/** Arm id of a by-drug arm. */
export const drugArmId = (key: string): string => `drug:${key}`;

/**
 * "All patients whose index event is <drug>" as a cohort; with two drugs, two arms. Patients
 * whose index drug is none of them are left out (not listed as excluded: they were never in).
 */
export function drugCohortPatients(
  records: readonly RecordView[],
  drugs: readonly CohortArm[],
): CohortPatientInput[] {
  const armIds = new Set(drugs.map((d) => d.id));
  return records.flatMap((r) => {
    const key = indexDrugKey(r);
    if (key === null || !armIds.has(drugArmId(key))) return [];
    return [toCohortPatient(r, drugArmId(key))];
  });
}

/**
 * A stored cohort's patients: each enrolled patient in their arm (`armId` as stored). An
 * enrolled patient without an index event is kept, and the summary lists them as not counted
 * with the reason, so n per arm never hides anyone silently.
 */
export function enrolledCohortPatients(
  records: readonly RecordView[],
  enrolments: readonly { readonly patientId: string; readonly armId: string }[],
): CohortPatientInput[] {
  const armOf = new Map(enrolments.map((e) => [e.patientId, e.armId]));
  return records.flatMap((r) => {
    const armId = armOf.get(r.patient.id);
    return armId === undefined ? [] : [toCohortPatient(r, armId)];
  });
}
