import type { ScaleDefinition, ScaleId } from '../scale-types';
import { HAMD17 } from './hamd17';
import { MADRS } from './madrs';
import { PHQ9 } from './phq9';
import { DARS } from './dars';
import { CGI_S } from './cgi-s';
import { CGI_I } from './cgi-i';

/** Every scale the app knows, in the order they are offered at a visit. */
export const SCALES: readonly ScaleDefinition[] = [HAMD17, MADRS, PHQ9, DARS, CGI_S, CGI_I];

export const SCALE_IDS: readonly ScaleId[] = SCALES.map((s) => s.id);

export function isScaleId(id: string): id is ScaleId {
  return (SCALE_IDS as readonly string[]).includes(id);
}

export function getScale(id: ScaleId): ScaleDefinition {
  const scale = SCALES.find((s) => s.id === id);
  if (!scale) throw new Error(`Scale ${id} is missing from the registry`);
  return scale;
}
