import type { ScaleDefinition } from '../scale-types';

/** The short title: a built-in scale's id ("PHQ-9"), a clinic-defined scale's name. */
export const scaleTitle = (scale: ScaleDefinition): string =>
  scale.clinicDefined === undefined ? scale.id : scale.name;

/** The title with the mark a clinic-defined scale carries wherever its name shows. */
export const markedTitle = (scale: ScaleDefinition): string =>
  scale.clinicDefined === undefined ? scale.id : `${scale.name} (clinic-defined)`;
