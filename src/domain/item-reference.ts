import type { AssessmentEntry } from './assessment';
import type { ScaleId } from './scale-types';

/**
 * What a paper flowsheet shows beside each item while rating: the patient's score on that
 * item at the previous finished visit and at the baseline visit.
 */
export interface ReferenceVisit {
  readonly visitId: string;
  readonly date: string;
  readonly entry: AssessmentEntry;
}

export interface ItemReferences {
  readonly previous: ReferenceVisit | null;
  readonly baseline: ReferenceVisit | null;
}

interface VisitLike {
  readonly id: string;
  readonly date: string;
  readonly time?: string | undefined;
  readonly status: 'draft' | 'final';
}
interface AssessmentLike {
  readonly visitId: string;
  readonly scaleId: ScaleId;
  readonly entry: AssessmentEntry;
}

/** The item's value in an entry: a response, a single item of a summary, or null. */
export function itemValue(entry: AssessmentEntry, itemNumber: number): number | null {
  if (entry.mode === 'items') return entry.responses[itemNumber - 1] ?? null;
  return entry.items[String(itemNumber)] ?? null;
}

const when = (v: VisitLike) => `${v.date}T${v.time ?? ''}`;

/**
 * The previous finished visit with this scale (the latest one before `visit`) and the
 * baseline visit's entry (none when `visit` is the baseline itself).
 */
export function itemReferences(
  visit: VisitLike,
  visits: readonly VisitLike[],
  assessments: readonly AssessmentLike[],
  scaleId: ScaleId,
  baselineVisitId: string | null,
): ItemReferences {
  const entryOf = (v: VisitLike): ReferenceVisit | null => {
    const a = assessments.find((x) => x.visitId === v.id && x.scaleId === scaleId);
    return a ? { visitId: v.id, date: v.date, entry: a.entry } : null;
  };
  const before = visits
    .filter((v) => v.id !== visit.id && v.status === 'final' && when(v) < when(visit))
    .sort((a, b) => (when(a) < when(b) ? 1 : -1));
  let previous: ReferenceVisit | null = null;
  for (const v of before) {
    previous = entryOf(v);
    if (previous) break;
  }
  const baselineVisit =
    baselineVisitId && baselineVisitId !== visit.id
      ? visits.find((v) => v.id === baselineVisitId)
      : undefined;
  return { previous, baseline: baselineVisit ? entryOf(baselineVisit) : null };
}

/**
 * The scales offered at a new visit: those of the patient's last finished visit (a clinic
 * follows a patient with the same scales), else the clinician's default scales.
 */
export function scalesOfLastVisit(
  visit: VisitLike,
  visits: readonly VisitLike[],
  assessments: readonly AssessmentLike[],
): ScaleId[] {
  const last = visits
    .filter((v) => v.id !== visit.id && v.status === 'final')
    .sort((a, b) => (when(a) < when(b) ? 1 : -1))[0];
  return last ? assessments.filter((a) => a.visitId === last.id).map((a) => a.scaleId) : [];
}
