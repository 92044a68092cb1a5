import type { ItemDef, ScaleDefinition } from '../../domain/scale-types';
import { scaleTitle } from '../../domain/scales/scale-title';

/** "HAMD-17 item 5": what messages, tests and voice control use. */
export const itemLabel = (scaleId: string, itemNumber: number): string =>
  `${scaleId} item ${itemNumber}`;

/**
 * The field's accessible name starts with the short label and adds what a sighted rater
 * sees beside the field: "HAMD-17 item 5, Insomnia: middle of the night, 0 to 2".
 */
export const itemFieldName = (scale: ScaleDefinition, item: ItemDef): string =>
  `${itemLabel(scaleTitle(scale), item.number)}, ${item.shortName}, ${item.min} to ${item.max}`;

/** Finds an item field by its short label (item 1 never matches item 10). */
export const itemFieldPattern = (scaleId: string, itemNumber: number): RegExp =>
  new RegExp(`^${itemLabel(scaleId, itemNumber).replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')},`);
