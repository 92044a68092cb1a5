import type { ScaleDefinition, ScaleId } from '../scale-types';
import { HAMD17 } from './hamd17';
import { MADRS } from './madrs';
import { PHQ9 } from './phq9';
import { DARS } from './dars';
import { CGI_S } from './cgi-s';
import { CGI_I } from './cgi-i';
import { HAMA } from './hama';
import { GAD7 } from './gad7';
import { makeScaleRegistry, type ScaleRegistry } from './scale-registry';

/**
 * Every built-in scale definition the app has shipped, each scale's versions oldest first. A
 * changed band, rule or item is a new definition with a new `version`, appended after the
 * old one, which stays: assessments recorded under it keep being scored by it.
 */
export const BUILT_IN_SCALES: ScaleRegistry = makeScaleRegistry([
  HAMD17,
  MADRS,
  PHQ9,
  DARS,
  CGI_S,
  CGI_I,
  HAMA,
  GAD7,
]);

/** The current definition of every scale, in the order they are offered at a visit. */
export const SCALES: readonly ScaleDefinition[] = BUILT_IN_SCALES.current;

export const SCALE_IDS: readonly ScaleId[] = SCALES.map((s) => s.id);

/**
 * The scales in use: the built-in ones, then the clinic-defined ones stored in this database
 * (src/db/clinic-scales-repo.ts keeps this in step with its table when the database opens and
 * after every change). A clinic scale's versions are all kept, so its old assessments keep
 * being scored by the version they were recorded under.
 */
let active: ScaleRegistry = BUILT_IN_SCALES;

/** Replaces the clinic-defined scales in use (each scale's versions oldest first). */
export function setClinicScales(definitions: readonly ScaleDefinition[]): void {
  active = makeScaleRegistry([
    ...BUILT_IN_SCALES.all,
    ...definitions.filter((d) => d.clinicDefined !== undefined),
  ]);
}

/** Every definition in use, built-in and clinic-defined, every version. */
export const scalesInUse = (): ScaleRegistry => active;

/** The current definition of every clinic-defined scale, in the order they were added. */
export const clinicScales = (): readonly ScaleDefinition[] =>
  active.current.filter((s) => s.clinicDefined !== undefined);

export const isClinicDefined = (scale: ScaleDefinition): boolean =>
  scale.clinicDefined !== undefined;

/** A built-in scale's id, or a clinic-defined scale's stored in this database. */
export function isScaleId(id: string): id is ScaleId {
  return (SCALE_IDS as readonly string[]).includes(id) || active.versions(id as ScaleId).length > 0;
}

/** Every scale id in use: the built-in ones, then the clinic-defined ones. */
export const scaleIdsInUse = (): readonly ScaleId[] => active.current.map((s) => s.id);

/** The current definition of a scale (for new entries and for the rules a course follows). */
export function getScale(id: ScaleId): ScaleDefinition {
  const scale = active.current.find((s) => s.id === id);
  if (!scale) throw new Error(`Scale ${id} is missing from the registry`);
  return scale;
}

/**
 * The definition an assessment was recorded under: every assessment is scored with it, so a
 * newer definition never rescores old records. Imports refuse unknown versions
 * (check-backup.ts, csv-long.ts); a stored record whose version this app does not know
 * (written around those checks) is read with the current definition, as before versions
 * were kept, and validation says if it no longer fits.
 */
export function scaleOf(record: {
  readonly scaleId: ScaleId;
  /** Absent on inputs that are not stored records: the current definition. */
  readonly scaleVersion?: string | undefined;
}): ScaleDefinition {
  const known =
    record.scaleVersion === undefined
      ? undefined
      : active.find(record.scaleId, record.scaleVersion);
  return known ?? getScale(record.scaleId);
}
