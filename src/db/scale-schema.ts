/** Clinic-defined scales as the database keeps them (v7; clinic-scales-repo.ts). */
import type { ClinicScaleId, ScaleDefinition } from '../domain/scale-types';

/**
 * One version of a clinic-defined scale. A new version is a new row, never an overwrite:
 * assessments recorded under an earlier version keep being scored by it.
 */
export interface ClinicScaleRecord {
  /** `<scaleId>|<version>`: one row per version. */
  readonly id: string;
  readonly scaleId: ClinicScaleId;
  readonly version: string;
  /** The whole definition, as questionnaireToScale made it (data only). */
  readonly definition: ScaleDefinition;
  /** ISO timestamp. */
  readonly addedAt: string;
  readonly addedBy?: string;
}

export const clinicScaleRecordId = (scaleId: string, version: string): string =>
  `${scaleId}|${version}`;
