/**
 * fixtures/cohort-synthetic.json as domain inputs: six synthetic patients, arms "Drug A" and
 * "Drug B" by index drug, MADRS (with the anhedonia subscale) and CGI-I, uneven visits, two
 * dropouts and one relapse. Expected figures: cohort-synthetic.test.ts.
 */
import fixture from '../../../../fixtures/cohort-synthetic.json';
import type { AssessmentEntry } from '../../assessment';
import type { ScaleId } from '../../scale-types';
import type { CohortArm, CohortPatientInput } from '../cohort-types';
import { drugArmId, drugCohortPatients, type RecordView } from '../cohort-input';

export const ARM_A: CohortArm = { id: drugArmId('drug a'), name: 'Drug A' };
export const ARM_B: CohortArm = { id: drugArmId('drug b'), name: 'Drug B' };

interface BackupLike {
  readonly patients: readonly { readonly id: string; readonly code: string }[];
  readonly events: readonly {
    readonly patientId: string;
    readonly date: string;
    readonly label: string;
    readonly drug?: string;
    readonly isIndex: boolean;
  }[];
  readonly visits: readonly {
    readonly id: string;
    readonly patientId: string;
    readonly date: string;
    readonly status: string;
  }[];
  readonly assessments: readonly {
    readonly id: string;
    readonly visitId: string;
    readonly patientId: string;
    readonly scaleId: string;
    readonly entry: unknown;
    readonly status: string;
  }[];
}

/** A backup file's records as the cohort reads them (tests only: no checks). */
export function recordsFromBackup(file: BackupLike): RecordView[] {
  return file.patients.map((patient) => {
    const indexEvent = file.events.find((e) => e.patientId === patient.id && e.isIndex);
    return {
      patient,
      indexEvent: indexEvent ?? null,
      visits: file.visits.filter((v) => v.patientId === patient.id),
      assessments: file.assessments
        .filter((a) => a.patientId === patient.id)
        .map((a) => ({ ...a, scaleId: a.scaleId as ScaleId, entry: a.entry as AssessmentEntry })),
    };
  });
}

export const syntheticRecords = (): RecordView[] => recordsFromBackup(fixture);

export const syntheticPatients = (): CohortPatientInput[] =>
  drugCohortPatients(syntheticRecords(), [ARM_A, ARM_B]);
