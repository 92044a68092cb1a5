/**
 * Assessments: one record per scale per visit, holding all item responses (or the summary)
 * as one value. Every save is checked by the domain first (validateEntry): an entry with an
 * out-of-range or non-integer score is never stored, draft or not.
 *
 * History policy. A draft is work in progress that the form may save on every keystroke,
 * so draft saves are coalesced: the first save of a run writes a history entry and later
 * saves move that entry's `after` on (see applyDraftSave), one entry per run instead of one
 * per keystroke. Finalizing the visit, and every later edit of a final assessment, writes
 * its own entry with the previous value, so a final score is never changed without a trace.
 */
import { emptyItemEntry, emptySummaryEntry, type AssessmentEntry } from '../domain/assessment';
import { mergeEntries } from '../domain/entry-merge';
import { mergeEntriesStrictly, type Choices } from '../domain/field-merge';
import { isScaleId, scaleIdsInUse, scaleOf } from '../domain/scales/registry';
import type { ScaleDefinition } from '../domain/scale-types';
import { validateEntry } from '../domain/validation';
import { db } from './db';
import { assessmentDataOf, sameData, withAssessmentKeys } from './derived';
import { applyChanges, applyDraftSave, DRAFT_SAVE, type Change, stampFor } from './history-writer';
import { compact, parseRecord } from './input';
import { assessmentDataSchema, entrySchema, zodProblems } from './record-schemas';
import {
  conflicted,
  refuse,
  refuseAll,
  succeed,
  type ConflictFailure,
  type DbResult,
  type SaveResult,
} from './result';
import { revise } from './revision';
import type { Assessment, RecordStatus, Visit } from './schema';
import { newId, nowIso, runWrite, type WriteOptions } from './write';

export interface AssessmentInput {
  readonly visitId: string;
  /** A ScaleId; anything else is refused. */
  readonly scaleId: string;
  readonly entry: AssessmentEntry;
  /** null (or an empty string) clears it. */
  readonly rater?: string | null;
  /**
   * The entry this form last loaded or saved (null: it saw no stored assessment). When the
   * stored entry has changed since (another tab on the same visit), the save merges item by
   * item instead of overwriting: this form's changes win, every other item keeps the stored
   * value (domain/entry-merge.ts). Without `base` the entry is written as given.
   */
  readonly base?: AssessmentEntry | null;
}

/**
 * An edit of a final assessment names the entry it edited (null: none was stored). When the
 * stored entry moved on, items changed on one side only are merged; an item changed on both
 * sides to different values stops the save with both values, unless `choices` decides it.
 */
export interface FinalAssessmentInput extends AssessmentInput {
  readonly base: AssessmentEntry | null;
  readonly choices?: Choices;
}

/** The entry checked for shape and against the scale definition; each problem in words. */
export function checkEntry(
  scaleId: string,
  entry: unknown,
  /** The definition version to check against (absent: the current one). */
  scaleVersion?: string,
): DbResult<{ scale: ScaleDefinition; entry: AssessmentEntry }> {
  if (!isScaleId(scaleId))
    return refuse(`Unknown scale "${scaleId}" (this app knows ${scaleIdsInUse().join(', ')}).`);
  const scale = scaleOf({ scaleId, scaleVersion });
  const shaped = entrySchema.safeParse(entry);
  if (!shaped.success) return refuseAll(zodProblems(shaped.error, 'entry'));
  const valid = validateEntry(scale, shaped.data);
  if (!valid.ok) return refuseAll(valid.issues.map((issue) => issue.message));
  return succeed({ scale, entry: shaped.data });
}

type Prepared = { visit: Visit; existing: Assessment | undefined; next: Assessment };

async function prepare(
  input: AssessmentInput & { readonly choices?: Choices },
  status: RecordStatus,
): Promise<DbResult<Prepared> | ConflictFailure<Assessment>> {
  const current = checkEntry(input.scaleId, input.entry);
  if (!current.ok) return current;
  const visit = await db.visits.get(input.visitId);
  if (!visit) return refuse(`There is no visit with id ${input.visitId}.`);
  if (visit.status !== status) {
    return refuse(
      status === 'draft'
        ? `The visit of ${visit.date} is final: edit its assessments with updateFinalAssessment.`
        : `The visit of ${visit.date} is a draft: save its assessments with saveDraftAssessment.`,
    );
  }
  const existing = await db.assessments
    .where('visitId')
    .equals(visit.id)
    .filter((a) => a.scaleId === current.value.scale.id)
    .first();
  // An edit keeps the definition version the assessment was recorded under (its bands and
  // safety rules), so a newer definition never rescores it; a new entry takes the current one.
  const checked =
    existing && existing.scaleVersion !== current.value.scale.version
      ? checkEntry(input.scaleId, input.entry, existing.scaleVersion)
      : current;
  if (!checked.ok) return checked;
  const { scale } = checked.value;
  let entry = checked.value.entry;
  if (input.base !== undefined && existing) {
    const base = input.base ?? emptyLike(entry, scale);
    if (!sameData(existing.entry, base) && status === 'final') {
      const outcome = mergeEntriesStrictly(
        scale.id,
        base,
        entry,
        existing.entry,
        input.choices ?? {},
      );
      if (!outcome.ok)
        return conflicted(`${scale.id} of ${visit.date}`, outcome.conflicts, existing);
      entry = outcome.value;
    } else if (!sameData(existing.entry, base)) {
      const merged = checkEntry(scale.id, mergeEntries(base, entry, existing.entry), scale.version);
      if (!merged.ok)
        return refuse(
          `${scale.id} was changed in another tab at the same time, and the two sets of entries do not fit together: ${merged.reason} Reload the page to see what is stored.`,
        );
      entry = merged.value.entry;
    }
  }
  const parsed = parseRecord(
    assessmentDataSchema,
    compact({
      ...(existing ? assessmentDataOf(existing) : {}),
      id: existing?.id ?? newId(),
      visitId: visit.id,
      patientId: visit.patientId,
      date: visit.date,
      scaleId: scale.id,
      scaleVersion: scale.version,
      entry,
      rater: input.rater === undefined ? existing?.rater : input.rater,
      status,
      updatedAt: existing?.updatedAt ?? nowIso(),
    }),
  );
  if (!parsed.ok) return parsed;
  return succeed({ visit, existing, next: withAssessmentKeys(parsed.value) });
}

const emptyLike = (entry: AssessmentEntry, scale: ScaleDefinition): AssessmentEntry =>
  entry.mode === 'items' ? emptyItemEntry(scale.items.length) : emptySummaryEntry();

const unchanged = (p: Prepared) => p.existing !== undefined && sameData(p.existing, p.next);

/**
 * What a draft save reads and writes: the hot path of typing, so it locks nothing else
 * (safetyAcks and patientSummaries: the open-flag count of the patient list, summary-writer.ts).
 */
const DRAFT_SAVE_TABLES = [
  'visits',
  'assessments',
  'history',
  'safetyAcks',
  'patientSummaries',
] as const;

/**
 * Creates or updates the draft assessment of `input.scaleId` in a draft visit (upsert by
 * visit and scale). Incomplete entries are fine; invalid ones are refused.
 */
export function saveDraftAssessment(
  input: AssessmentInput,
  options: WriteOptions = {},
): Promise<DbResult<Assessment>> {
  return runWrite<Assessment>(async () => {
    const prepared = await prepare(input, 'draft');
    if (!prepared.ok) return prepared;
    const { existing } = prepared.value;
    if (existing && unchanged(prepared.value)) return succeed(existing);
    const next = revise(prepared.value.existing ?? null, {
      ...prepared.value.next,
      updatedAt: nowIso(),
      ...stampFor(options.by),
    });
    await applyDraftSave(
      { name: DRAFT_SAVE, by: options.by },
      prepared.value.existing ?? null,
      next,
    );
    return succeed(next);
  }, DRAFT_SAVE_TABLES);
}

/**
 * Adds or edits an assessment in a final visit. Each call that changes something writes a
 * history entry holding the previous value: call it on an explicit save, not per keystroke.
 */
export function updateFinalAssessment(
  input: FinalAssessmentInput,
  options: WriteOptions = {},
): Promise<SaveResult<Assessment>> {
  return runWrite<Assessment, SaveResult<Assessment> & { ok: false }>(async () => {
    const prepared = await prepare(input, 'final');
    if (!prepared.ok) return prepared;
    const { existing } = prepared.value;
    if (existing && unchanged(prepared.value)) return succeed(existing);
    const { visit } = prepared.value;
    const next = revise(existing ?? null, {
      ...prepared.value.next,
      updatedAt: nowIso(),
      ...stampFor(options.by),
    });
    const name = `${existing ? 'edit' : 'add'} final ${next.scaleId} of ${visit.date}`;
    await applyChanges({ name, by: options.by }, [
      { table: 'assessments', before: existing ?? null, after: next },
    ]);
    return succeed(next);
  });
}

/** Deletes one assessment and its safety acknowledgements, in one change. */
export function deleteAssessment(
  id: string,
  options: WriteOptions = {},
): Promise<DbResult<{ records: number }>> {
  return runWrite(async () => {
    const existing = await db.assessments.get(id);
    if (!existing) return refuse(`There is no assessment with id ${id}.`);
    const acks = await db.safetyAcks.where('assessmentId').equals(id).toArray();
    const changes: Change[] = [
      ...acks.map((r): Change => ({ table: 'safetyAcks', before: r, after: null })),
      { table: 'assessments', before: existing, after: null },
    ];
    await applyChanges(
      { name: `delete ${existing.scaleId} of ${existing.date}`, by: options.by },
      changes,
    );
    return succeed({ records: changes.length });
  });
}
