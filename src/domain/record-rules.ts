/**
 * Rules that span a patient's records, which two devices can each keep and still break
 * together once their records meet (each device alone allowed its own edit): one index
 * event per patient (time on every chart counts from it), one draft visit per patient (the
 * visit being entered), and an assessment's copies of its visit's date and status. Sync
 * never repairs these by overwriting: each break is listed with what happened, in words,
 * and the ways out a clinician can take. A unique patient code is the fourth such rule; it
 * is checked where records arrive (src/db/sync-store.ts), since the code is indexed.
 */

export type RuleKind = 'index-event' | 'draft-visit' | 'visit-copy';

export interface RuleBreak {
  readonly kind: RuleKind;
  /** Stable per break: `<kind>:<patient id>`, or `visit-copy:<assessment id>`. */
  readonly id: string;
  readonly patientId: string;
  /** The records involved. */
  readonly recordIds: readonly string[];
  /** What is wrong and how it happened, in plain words. */
  readonly explanation: string;
  /** What the clinician can do about it. */
  readonly waysOut: readonly string[];
}

export interface RuleRecords {
  readonly patientId: string;
  readonly events: readonly {
    readonly id: string;
    readonly isIndex: boolean;
    readonly label: string;
    readonly date: string;
  }[];
  readonly visits: readonly {
    readonly id: string;
    readonly status: 'draft' | 'final';
    readonly date: string;
  }[];
  readonly assessments: readonly {
    readonly id: string;
    readonly visitId: string;
    readonly scaleId: string;
    readonly date: string;
    readonly status: 'draft' | 'final';
  }[];
}

const listed = (names: readonly string[]) =>
  names.length <= 2
    ? names.join(' and ')
    : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;

/** Every rule across this patient's records that does not hold. */
export function brokenRules(records: RuleRecords): RuleBreak[] {
  const { patientId } = records;
  const breaks: RuleBreak[] = [];
  const index = records.events.filter((e) => e.isIndex);
  if (index.length > 1)
    breaks.push({
      kind: 'index-event',
      id: `index-event:${patientId}`,
      patientId,
      recordIds: index.map((e) => e.id),
      explanation: `${index.length} treatment events are marked as the index event: ${listed(
        index.map((e) => `${e.label} (${e.date})`),
      )}. Each was marked on a different device. Time on every chart counts from the one index event, so until one is left the charts use the earliest.`,
      waysOut: [
        'Open the patient and mark the right event as the index event: the others are unmarked.',
        'If the same event was entered on both devices, delete the copy.',
      ],
    });
  const drafts = records.visits.filter((v) => v.status === 'draft');
  if (drafts.length > 1)
    breaks.push({
      kind: 'draft-visit',
      id: `draft-visit:${patientId}`,
      patientId,
      recordIds: drafts.map((v) => v.id),
      explanation: `${drafts.length} visits are drafts at once (${listed(
        drafts.map((v) => v.date),
      )}): each was started on a different device. A patient has one visit in progress at a time.`,
      waysOut: [
        'Open each draft: finish the one that was done, and delete a draft started by mistake.',
      ],
    });
  const visits = new Map(records.visits.map((v) => [v.id, v]));
  for (const a of records.assessments) {
    const visit = visits.get(a.visitId);
    if (!visit) continue;
    const dateWrong = a.date !== visit.date;
    const statusWrong = a.status !== visit.status;
    if (!dateWrong && !statusWrong) continue;
    const parts = [
      ...(dateWrong ? [`the date ${a.date} (the visit is on ${visit.date})`] : []),
      ...(statusWrong ? [`the status ${a.status} (the visit is ${visit.status})`] : []),
    ];
    breaks.push({
      kind: 'visit-copy',
      id: `visit-copy:${a.id}`,
      patientId,
      recordIds: [a.id, visit.id],
      explanation: `The ${a.scaleId} of the visit of ${visit.date} has ${listed(parts)}: the visit was changed on one device while the assessment was changed on another.`,
      waysOut: [
        "Give the assessment its visit's date and status (the visit decides; the scores are not changed).",
        'Or open the visit and change its date or status, if the visit is what is wrong.',
      ],
    });
  }
  return breaks;
}
