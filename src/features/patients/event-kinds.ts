import type { EventKind, TreatmentEvent } from '../../db/schema';

export const EVENT_KINDS: { value: EventKind; label: string }[] = [
  { value: 'single-dose', label: 'Single dose' },
  { value: 'medication-start', label: 'Medication start' },
  { value: 'medication-change', label: 'Medication change' },
  { value: 'medication-stop', label: 'Medication stop' },
  { value: 'procedure', label: 'Procedure' },
  { value: 'note', label: 'Note' },
];

export function describeDose(e: TreatmentEvent): string {
  const dose = e.dose === undefined ? '' : `${e.dose}${e.unit ? ` ${e.unit}` : ''}`;
  return [dose, e.route, e.totalDose].filter(Boolean).join(' · ');
}
