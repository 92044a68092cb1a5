/**
 * Which safety flags are open: pure, so the list of flags, the per-patient summary and
 * their tests all decide it the same way. A flag is open while no acknowledgement matches
 * the assessment, the item and the item's current value.
 *
 * The stored `flaggedItems` (derived.ts, recomputed on every write and by migrations) says
 * which items meet their rule, so nothing is re-scored here; acknowledgements are looked up
 * in a Set, so the cost is linear in assessments + acknowledgements.
 */
import { scaleOf } from '../domain/scales/registry';
import type { ScaleId } from '../domain/scale-types';
import type { Assessment, RecordStatus, SafetyAck } from './schema';

export interface SafetyFlag {
  readonly patientId: string;
  readonly patientCode: string;
  readonly assessmentId: string;
  readonly visitId: string;
  readonly date: string;
  readonly scaleId: ScaleId;
  readonly item: number;
  readonly value: number;
  /** The rule's threshold and words, from the scale definition. */
  readonly minValue: number;
  readonly message: string;
  readonly status: RecordStatus;
}

export function itemValue(a: Assessment, item: number): number | null {
  if (a.entry.mode === 'items') return a.entry.responses[item - 1] ?? null;
  return a.entry.items[String(item)] ?? null;
}

const ackKey = (assessmentId: string, item: number, value: number) =>
  `${assessmentId}\u0000${item}\u0000${value}`;

/** The acknowledgements as a Set of "assessment, item, value" keys. */
export function ackKeys(acks: readonly SafetyAck[]): ReadonlySet<string> {
  return new Set(acks.map((k) => ackKey(k.assessmentId, k.item, k.value)));
}

/** Open flags of the given assessments; `codeOf` names each patient. Unsorted. */
export function openFlagsOf(
  assessments: readonly Assessment[],
  acked: ReadonlySet<string>,
  codeOf: (patientId: string) => string,
): SafetyFlag[] {
  const flags: SafetyFlag[] = [];
  for (const a of assessments) {
    if (!a.flaggedItems.length) continue;
    const scale = scaleOf(a);
    for (const item of a.flaggedItems) {
      const rule = scale.safety.find((r) => r.item === item);
      const value = itemValue(a, item);
      if (!rule || value === null || acked.has(ackKey(a.id, item, value))) continue;
      const { patientId, id: assessmentId, visitId, date, scaleId, status } = a;
      flags.push({
        patientId,
        patientCode: codeOf(patientId),
        assessmentId,
        visitId,
        date,
        scaleId,
        item,
        value,
        minValue: rule.minValue,
        message: rule.message,
        status,
      });
    }
  }
  return flags;
}

/** Newest first, then by patient code. */
export const byDateThenCode = (x: SafetyFlag, y: SafetyFlag): number =>
  y.date.localeCompare(x.date) || x.patientCode.localeCompare(y.patientCode);
