/**
 * Reading history and undoing a change. Undo works on the group a history entry belongs to
 * (one user action: deleting a patient undoes as a whole), writes its own 'undo' entries,
 * and can itself be undone (redo). It is refused, writing nothing, when any record of the
 * group changed afterwards, or when the old values no longer fit the records around them.
 */
import { undoRulesChange } from './clinical-choices';
import { db } from './db';
import { cohortRuleProblems } from './enrolments-repo';
import {
  assessmentDataOf,
  omitKeys,
  patientDataOf,
  sameData,
  withAssessmentKeys,
  withPatientKeys,
} from './derived';
import { applyChanges, patientIdOf, recordOf, type Change } from './history-writer';
import { bundleProblems, readPatientBundle } from './patient-bundle';
import { refuse, succeed, type DbResult } from './result';
import type { ClinicalRecord, ClinicalTable, HistoryEntry, RecordHistoryEntry } from './schema';
import { clinicalTable, runWrite, type WriteOptions } from './write';

export type HistoryFilter = { readonly recordId: string } | { readonly patientId: string };

/** Newest first. */
export function listHistory(filter: HistoryFilter, limit = 200): Promise<HistoryEntry[]> {
  const where =
    'recordId' in filter
      ? db.history.where('recordId').equals(filter.recordId)
      : db.history.where('patientId').equals(filter.patientId);
  return where.reverse().limit(limit).toArray();
}

export interface UndoSummary {
  /** The group of the new 'undo' entries (undo it to redo). */
  readonly groupId: string;
  readonly operation: string;
  readonly records: number;
}

const TABLE_WORDS: Record<ClinicalTable, string> = {
  patients: 'patient',
  events: 'treatment event',
  visits: 'visit',
  assessments: 'assessment',
  safetyAcks: 'safety acknowledgement',
  cohorts: 'cohort',
  enrolments: 'enrolment',
};

/** Data to compare: derived keys and the assessment's copy of its visit date left out. */
function comparable(table: ClinicalTable, record: ClinicalRecord | null | undefined): unknown {
  if (!record) return null;
  if (table === 'patients' && 'codeKey' in record) return patientDataOf(record);
  if (table === 'assessments' && 'flaggedItems' in record) {
    return omitKeys(assessmentDataOf(record), ['date']);
  }
  return record;
}

/** Restored values get fresh derived keys, in case their rules changed since. */
function rederive(change: Change): Change {
  if (change.table === 'patients' && change.after) {
    return { ...change, after: withPatientKeys(patientDataOf(change.after)) };
  }
  if (change.table === 'assessments' && change.after) {
    return { ...change, after: withAssessmentKeys(assessmentDataOf(change.after)) };
  }
  return change;
}

/**
 * The undo of a group: per record, from its current value (which must still be what the
 * group left) back to the value before the group; newest change first.
 */
async function planUndo(
  historyEntryId: number,
): Promise<DbResult<{ group: RecordHistoryEntry[]; changes: Change[] }>> {
  const entry = await db.history.get(historyEntryId);
  if (!entry) return refuse(`There is no history entry ${historyEntryId}.`);
  if (entry.table === 'clinicalRules')
    return refuse(`History entry ${historyEntryId} is a change of conventions.`);
  // A group holds record changes only (a change of conventions is a group of its own).
  const group = (await db.history.where('groupId').equals(entry.groupId).toArray()).filter(
    (e): e is RecordHistoryEntry => e.table !== 'clinicalRules',
  );
  const first = new Map<string, RecordHistoryEntry>();
  const last = new Map<string, RecordHistoryEntry>();
  for (const e of group) {
    const key = `${e.table}/${e.recordId}`;
    if (!first.has(key)) first.set(key, e);
    last.set(key, e);
  }
  const changes: Change[] = [];
  for (const [key, start] of [...first.entries()].reverse()) {
    const end = last.get(key) ?? start;
    const latest = await db.history.where('recordId').equals(start.recordId).last();
    const current = await clinicalTable(start.table).get(start.recordId);
    const unchanged =
      latest?.groupId === entry.groupId &&
      sameData(comparable(start.table, current), comparable(start.table, end.after));
    if (!unchanged) {
      return refuse(
        `Cannot undo "${entry.operation}": the ${TABLE_WORDS[start.table]} it changed was changed again afterwards. Undo the later change first.`,
      );
    }
    // `current` was read from start.table, so table, before and after agree.
    changes.push(
      rederive({ table: start.table, before: current ?? null, after: start.before } as Change),
    );
  }
  return succeed({ group, changes });
}

async function codeClash(changes: readonly Change[]): Promise<string | null> {
  const leaving = new Set(changes.filter((c) => c.table === 'patients').map((c) => recordOf(c).id));
  for (const change of changes) {
    if (change.table !== 'patients' || !change.after) continue;
    const holder = await db.patients.where('codeKey').equals(change.after.codeKey).first();
    if (holder && holder.id !== change.after.id && !leaving.has(holder.id)) {
      return `Cannot undo: patient code "${change.after.code}" is now used by another patient.`;
    }
  }
  return null;
}

/** Keeps each assessment's date equal to its visit's after old values come back. */
async function syncAssessmentDates(changes: readonly Change[]): Promise<void> {
  const visitIds = new Set<string>();
  for (const c of changes) {
    if (c.table === 'visits' && c.after) visitIds.add(c.after.id);
    if (c.table === 'assessments' && c.after) visitIds.add(c.after.visitId);
  }
  for (const visitId of visitIds) {
    const visit = await db.visits.get(visitId);
    if (!visit) continue;
    await db.assessments
      .where('visitId')
      .equals(visitId)
      .filter((a) => a.date !== visit.date)
      .modify({ date: visit.date });
  }
}

export function undo(
  historyEntryId: number,
  options: WriteOptions = {},
): Promise<DbResult<UndoSummary>> {
  return runWrite(async () => {
    const entry = await db.history.get(historyEntryId);
    if (entry?.table === 'clinicalRules') return undoRulesChange(entry, options);
    const plan = await planUndo(historyEntryId);
    if (!plan.ok) return plan;
    const { group, changes } = plan.value;
    const clash = await codeClash(changes);
    if (clash) return refuse(clash);
    const operation = group[0]?.operation ?? 'change';
    const groupId = await applyChanges(
      { name: `undo ${operation}`, by: options.by, undoOf: group[0]?.groupId ?? '' },
      changes,
      { undo: true },
    );
    await syncAssessmentDates(changes);
    const patientIds = new Set(changes.map(patientIdOf));
    for (const patientId of patientIds) {
      const problems = bundleProblems(await readPatientBundle(patientId));
      if (problems.length) {
        return refuse(`Cannot undo "${operation}": ${problems.join('; ')}.`, problems);
      }
    }
    const cohortProblems = await cohortRuleProblems(changes);
    if (cohortProblems.length)
      return refuse(`Cannot undo "${operation}": ${cohortProblems.join('; ')}.`, cohortProblems);
    return succeed({ groupId, operation, records: changes.length });
  });
}
