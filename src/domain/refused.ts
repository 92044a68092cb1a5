/**
 * A value the entry form refused but still shows (in red, with its reason) because the
 * clinician typed it. While a scale holds one, it is not scored and the visit cannot be
 * finished or saved: a refused value is never dropped without the clinician's choice.
 */
import type { ItemDef, ScaleDefinition, ScaleId } from './scale-types';

export interface RefusedValue {
  readonly scaleId: ScaleId;
  /** Field key in the form: 'item:3', 'total', 'subscale:hobbies'. */
  readonly key: string;
  /** 'HAMD-17 item 3 (suicide)', 'HAMD-17 total'. */
  readonly label: string;
  /** What is on screen, as typed. */
  readonly text: string;
  /** Why it was refused and how to fix it, in plain words. */
  readonly reason: string;
  /** A safety item (suicide flag): listed first and kept in view. */
  readonly safety: boolean;
}

/** 'HAMD-17 item 3 (suicide)' for a safety item, 'HAMD-17 item 5' otherwise. */
export function itemLabel(scale: ScaleDefinition, item: ItemDef): string {
  const base = `${scale.id} item ${item.number}`;
  return item.flags.includes('suicide') ? `${base} (suicide)` : base;
}

/** "HAMD-17 item 3 (suicide) = 4 was not saved: …" */
export function describeRefused(r: RefusedValue): string {
  return `${r.label} = ${r.text.trim() === '' ? '(blank)' : r.text} was not saved: ${r.reason}`;
}

/** Safety items first, then in the order given (scale, then field order). */
export function safetyFirst(values: readonly RefusedValue[]): RefusedValue[] {
  return [...values].sort((a, b) => Number(b.safety) - Number(a.safety));
}
