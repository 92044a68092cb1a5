/** The inputs and shapes of the cohort view (src/domain/cohort): pure data. */
import type { AssessmentInput, RuleChoice, VisitInput } from '../patient-course';
import type { ScaleId } from '../scale-types';
import type { IsoDate } from '../time';

export interface CohortArm {
  readonly id: string;
  readonly name: string;
}

/** One patient as the cohort sees them: final visits only, day 0 = the index event. */
export interface CohortPatientInput {
  readonly patientId: string;
  readonly code: string;
  readonly armId: string;
  /** null: no index event, so the patient cannot be aligned (listed, not counted). */
  readonly indexDate: IsoDate | null;
  readonly visits: readonly VisitInput[];
  readonly assessments: readonly AssessmentInput[];
  /** The baseline visit chosen for this patient, else the default rule. */
  readonly baselineVisitId?: string | undefined;
}

/**
 * Visit windows: week k runs from day 7k − halfWidth to 7k + halfWidth. At most 3 so that
 * windows never overlap and a visit counts in one week at most.
 */
export interface WindowOptions {
  readonly halfWidth: number;
}

export const DEFAULT_WINDOW: WindowOptions = { halfWidth: 3 };

export interface CohortInput {
  readonly arms: readonly CohortArm[];
  readonly patients: readonly CohortPatientInput[];
  readonly rules?: Partial<Record<ScaleId, RuleChoice>> | undefined;
  readonly window?: WindowOptions | undefined;
}

/**
 * What is summarised: a scale's total, or one of its subscales (MADRS anhedonia items
 * 1, 2, 6, 7, 8; the four DARS domains).
 */
export interface Measure {
  /** 'MADRS' for the total, 'MADRS:anhedonia' for a subscale. */
  readonly id: string;
  readonly scaleId: ScaleId;
  readonly subscaleId: string | null;
  readonly label: string;
}
