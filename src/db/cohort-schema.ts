/**
 * Stored cohorts (v8, issue 14): a study or a case series with one or more named arms, and
 * the enrolments that put a patient in one arm of it. "All patients whose index event is
 * <drug>" stays a cohort computed from the events (src/domain/cohort/drug-name.ts); these
 * are the cohorts a clinician composes by hand. A patient is in a cohort at most once.
 */
import type { IsoDate } from '../domain/time';

export type CohortKind = 'study' | 'case series';

export const COHORT_KINDS: readonly CohortKind[] = ['study', 'case series'];

export interface CohortArm {
  /** A UUID made with the arm, so renaming an arm keeps its enrolments. */
  readonly id: string;
  /** Unique within the cohort, ignoring case. */
  readonly name: string;
}

export interface CohortData {
  readonly id: string;
  readonly name: string;
  readonly kind: CohortKind;
  readonly description?: string;
  /** In the order they were added: arm 1, arm 2, … (the REDCap arm numbers). */
  readonly arms: readonly CohortArm[];
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface Cohort extends CohortData {
  /** Revision "N-hash" (src/db/revision.ts), set by every write. */
  readonly rev?: string;
  /** Who made the last change (src/db/stamps.ts); absent in backup files. */
  readonly author?: string;
  /** The device that made the last change. */
  readonly device?: string;
}

export interface EnrolmentData {
  readonly id: string;
  readonly cohortId: string;
  /** One of the cohort's arms. */
  readonly armId: string;
  readonly patientId: string;
  /** The day the patient entered the cohort, when known. */
  readonly enrolledOn?: IsoDate;
  readonly createdAt: string;
}

export interface Enrolment extends EnrolmentData {
  /** Revision "N-hash" (src/db/revision.ts), set by every write. */
  readonly rev?: string;
  /** Who made the last change (src/db/stamps.ts); absent in backup files. */
  readonly author?: string;
  /** The device that made the last change. */
  readonly device?: string;
}
