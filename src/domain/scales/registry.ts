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

export function isScaleId(id: string): id is ScaleId {
  return (SCALE_IDS as readonly string[]).includes(id);
}

/** The current definition of a scale (for new entries and for the rules a course follows). */
export function getScale(id: ScaleId): ScaleDefinition {
  const scale = SCALES.find((s) => s.id === id);
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
      : BUILT_IN_SCALES.find(record.scaleId, record.scaleVersion);
  return known ?? getScale(record.scaleId);
}
