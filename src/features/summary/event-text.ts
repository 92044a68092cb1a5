import type { EventKind, TreatmentEvent } from '../../db/schema';

/** How the sheet names an event's kind. */
export const KIND_LABEL: Record<EventKind, string> = {
  'single-dose': 'single dose',
  'medication-start': 'medication start',
  'medication-change': 'medication change',
  'medication-stop': 'medication stop',
  procedure: 'procedure',
  note: 'note',
};

/** "0.1 mg/kg IV, 5 mg total": the dose as the clinician recorded it. */
export function doseText(e: TreatmentEvent): string {
  const dose = e.dose === undefined ? '' : `${e.dose}${e.unit ? ` ${e.unit}` : ''}`;
  return [[dose, e.route].filter(Boolean).join(' '), e.totalDose].filter(Boolean).join(', ');
}
