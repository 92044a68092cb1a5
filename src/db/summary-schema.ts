/** What the patient list shows of each patient (v4, derived; see patient-summary.ts). */
import type { PatientSeries } from '../domain/cohort/patient-series';
import type { CourseStatus } from '../domain/course';
import type { ScaleId } from '../domain/scale-types';
import type { IsoDate } from '../domain/time';

/**
 * A scale's latest total as a patient summary keeps it: the scale id in letters and digits
 * only ('HAMD-17' → 'HAMD17'), since an index key path needs a plain name (patient-summary.ts
 * totalKeyOf). Each built-in scale has an index on it (versions.ts; a test checks).
 */
export type TotalKey = string;

export interface SummaryScore {
  readonly scaleId: ScaleId;
  readonly total: number;
  /** As shown: '12', '7.5'. */
  readonly text: string;
  readonly date: IsoDate;
}

/**
 * What the patient list shows of one patient, derived from the patient's records and the
 * clinical rules in use (src/db/patient-summary.ts), kept up to date in the transaction of
 * every write (summary-writer.ts), and rebuilt from the records by the v4 upgrade and by
 * rebuildPatientSummaries. Never in backups: it is not data, only a cache of it.
 *
 * Every column of the list has an index `[key+codeKey]`, so the list is read a screenful
 * at a time in any order. A missing value is stored as a sentinel (-1, '') so it still
 * sorts: it lists after the present values in either direction (patient-list-query.ts).
 */
export interface PatientSummary {
  readonly patientId: string;
  readonly code: string;
  readonly codeKey: string;
  readonly name?: string;
  /** The name lower-cased, for sorting; '' when none. */
  readonly nameKey: string;
  readonly nameWords: readonly string[];
  /** Date of the last final visit; '' when none (IsoDate is a plain string). */
  readonly lastVisit: IsoDate;
  /** A draft visit is open. */
  readonly draft: boolean;
  /** Latest total of each scale rated in a final visit, in the order scales are offered. */
  readonly latest: readonly SummaryScore[];
  /** Sort keys: the latest total per scale, -1 when the scale was never rated. */
  readonly totals: Readonly<Record<TotalKey, number>>;
  /** Course status of the primary scale at its last rated visit (patient-overview.ts). */
  readonly status: {
    readonly scaleId: ScaleId;
    readonly status: CourseStatus;
    readonly label: string;
  } | null;
  /** Sort key of the status (STATUS_ORDER in patient-summary.ts), -1 when none. */
  readonly statusRank: number;
  /** Open safety flags of draft and final assessments (open-flags.ts). */
  readonly openFlags: number;
  /**
   * The patient as the cohort view counts them (not indexed), so opening the cohort never
   * reads and rescores every assessment. Absent from rows written before it was kept: the
   * cohort view then reads the records (src/features/cohort/cohort-compute.ts).
   */
  readonly cohort?: CohortCache;
}

/**
 * One patient's courses aligned on the index event (src/domain/cohort/patient-series.ts),
 * from the finished visits and the clinical rules in use. `armId` is '' in the series: the
 * arm belongs to a cohort, and is set when a cohort counts the patient.
 */
export interface CohortCache {
  readonly indexDate: IsoDate | null;
  readonly series: readonly PatientSeries[];
}
