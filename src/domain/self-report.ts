/**
 * Patient mode: the scales a patient fills in on the device and what the screen may show of
 * them. Only scales the definition marks as self-report; item wording and anchors only where
 * the definition holds them (its licence allows it): PHQ-9 in full, DARS by domain and item
 * number with the numbers of its range.
 */
import type { ItemDef, ScaleDefinition, ScaleId } from './scale-types';
import { SCALES } from './scales/registry';

/** The rater stored on an assessment the patient filled in (CSV `rater`, FHIR author). */
export const SELF_REPORT_RATER = 'self-report';

export const SELF_REPORT_SCALES: readonly ScaleDefinition[] = SCALES.filter(
  (s) => s.rater === 'self-report',
);

export function isSelfReportScale(id: string): id is ScaleId {
  return SELF_REPORT_SCALES.some((s) => s.id === id);
}

/** What the patient reads before the items. */
export function selfReportInstructions(scale: ScaleDefinition): string {
  if (scale.id === 'PHQ-9')
    return `Over ${scale.recallPeriod}, how often have you been bothered by any of the following problems? Choose one answer for each.`;
  const low = scale.items[0]?.min ?? 0;
  const high = scale.items[0]?.max ?? 0;
  return `Answer each item as it is for you ${scale.recallPeriod}, from ${low} to ${high}${
    scale.direction === 'higher-is-better' ? ` (${high} = the most enjoyment)` : ''
  }. Your clinician has the wording of each item on the paper form.`;
}

/** The answers offered for an item: its anchors, else the numbers of its range. */
export function answerChoices(item: ItemDef): { value: number; label: string }[] {
  if (item.anchors?.length) return item.anchors.map((a) => ({ value: a.value, label: a.label }));
  return Array.from({ length: item.max - item.min + 1 }, (_, i) => ({
    value: item.min + i,
    label: String(item.min + i),
  }));
}

/** 'PHQ-9 item 9' or 'DARS item 5 (Food/drinks 1)': what a patient reads as the question. */
export function itemQuestion(scale: ScaleDefinition, item: ItemDef): string {
  return item.anchors?.length
    ? item.shortName
    : `${scale.id} item ${item.number} (${item.shortName})`;
}
