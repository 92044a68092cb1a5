import type { ItemDef, ScaleDefinition, SubscaleDef } from './scale-types';

export interface Range {
  readonly min: number;
  readonly max: number;
}

/** Items that count towards the total (PHQ-9 item 10 does not). */
export const scoredItems = (scale: ScaleDefinition): readonly ItemDef[] =>
  scale.items.filter((i) => !i.flags.includes('unscored'));

const sumRange = (items: readonly ItemDef[]): Range => ({
  min: items.reduce((acc, i) => acc + i.min, 0),
  max: items.reduce((acc, i) => acc + i.max, 0),
});

/** Total range, derived from the items (HAMD-17 0–52, MADRS 0–60, PHQ-9 0–27, DARS 0–68). */
export const totalRange = (scale: ScaleDefinition): Range => sumRange(scoredItems(scale));

export const subscaleRange = (scale: ScaleDefinition, sub: SubscaleDef): Range =>
  sumRange(scale.items.filter((i) => sub.items.includes(i.number)));
