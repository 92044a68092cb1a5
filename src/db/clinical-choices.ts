/**
 * The clinical choices that change figures, kept in the database: the conventions in use
 * (meta `clinicalRules`) and, on the patient record, the chosen baseline (patients-repo
 * chooseBaseline). Every tab reads the same values live.
 */
import {
  DEFAULT_RULES,
  withRule,
  type ClinicalRules,
  type RuleKind,
} from '../domain/clinical-rules';
import type { ScaleId } from '../domain/scale-types';
import { getScale } from '../domain/scales/registry';
import { db } from './db';
import { sameData } from './derived';
import { applyChanges, type Change, type Operation } from './history-writer';
import { refuse, succeed, type DbResult } from './result';
import type { RulesHistoryEntry } from './schema';
import { newId, nowIso, runRead, runWrite, type WriteOptions } from './write';
import { deviceIdOf, nextHlc } from './stamps';
import { rebuildPatientSummaries } from './summary-writer';

export async function getClinicalRules(): Promise<ClinicalRules> {
  const row = await db.meta.get('clinicalRules');
  return row?.key === 'clinicalRules' ? row.value : DEFAULT_RULES;
}

const KIND_WORDS: Record<RuleKind, string> = {
  bandConvention: 'severity bands',
  remissionRule: 'remission rule',
  relapseRule: 'relapse rule',
};

function ruleWords(kind: RuleKind, scaleId: ScaleId, ruleId: string): string {
  const scale = getScale(scaleId);
  const name =
    kind === 'bandConvention'
      ? scale.bandConventions.find((c) => c.id === ruleId)?.name
      : (kind === 'remissionRule' ? scale.remission : scale.relapse).find((r) => r.id === ruleId)
          ?.label;
  return `${scaleId} ${KIND_WORDS[kind]}: ${name ?? ruleId}`;
}

/**
 * Writes the conventions (null: back to the defaults, nothing stored) with a history entry,
 * so a change shows in history and can be undone. Call inside runWrite.
 */
async function writeRules(
  after: ClinicalRules | null,
  operation: Operation & { readonly undoOf?: string },
): Promise<void> {
  const row = await db.meta.get('clinicalRules');
  const before = row?.key === 'clinicalRules' ? row.value : null;
  if (after === null) await db.meta.delete('clinicalRules');
  else await db.meta.put({ key: 'clinicalRules', value: after });
  await db.history.add({
    table: 'clinicalRules',
    recordId: 'clinicalRules',
    patientId: '',
    action: operation.undoOf !== undefined ? 'undo' : before === null ? 'create' : 'update',
    at: nowIso(),
    // Ordered with every other change across devices (stamps.ts), though rules stay local.
    hlc: nextHlc(db),
    device: deviceIdOf(db),
    groupId: newId(),
    operation: operation.name,
    ...(operation.by === undefined ? {} : { by: operation.by }),
    ...(operation.undoOf === undefined ? {} : { undoOf: operation.undoOf }),
    before,
    after,
  });
  // Every patient's course status may change with the rules (the list's summaries).
  await rebuildPatientSummaries();
}

/** Chooses a convention; the change is kept in history ("MADRS relapse rule: …"). */
export function setClinicalRule(
  kind: RuleKind,
  scaleId: ScaleId,
  ruleId: string,
  options: WriteOptions = {},
): Promise<DbResult<ClinicalRules>> {
  return runWrite(async () => {
    const current = await getClinicalRules();
    const rules = withRule(current, kind, scaleId, ruleId);
    if (sameData(rules, current)) return succeed(current);
    await writeRules(rules, { name: ruleWords(kind, scaleId, ruleId), by: options.by });
    return succeed(rules);
  });
}

/** Changes of the conventions, newest first. */
export function listRuleHistory(limit = 50): Promise<RulesHistoryEntry[]> {
  return runRead(async () => {
    const entries = await db.history
      .where('recordId')
      .equals('clinicalRules')
      .reverse()
      .limit(limit)
      .toArray();
    return entries.filter((e): e is RulesHistoryEntry => e.table === 'clinicalRules');
  });
}

/**
 * Puts back the conventions from before a change (itself a change in history, so it can be
 * undone in turn). Refused unless the conventions are still what the change left (a later
 * change is undone first). Call inside
 * runWrite (history-repo's undo does).
 */
export async function undoRulesChange(
  entry: RulesHistoryEntry,
  options: WriteOptions = {},
): Promise<DbResult<{ groupId: string; operation: string; records: number }>> {
  const row = await db.meta.get('clinicalRules');
  const current = row?.key === 'clinicalRules' ? row.value : null;
  if (!sameData(current, entry.after)) {
    return refuse(
      `Cannot undo "${entry.operation}": the conventions were changed again afterwards. Undo the later change first.`,
    );
  }
  const operation = `undo ${entry.operation}`;
  await writeRules(entry.before, { name: operation, by: options.by, undoOf: entry.groupId });
  const written = await db.history.where('recordId').equals('clinicalRules').last();
  return succeed({ groupId: written?.groupId ?? '', operation, records: 1 });
}

export interface LocalChoices {
  /** Conventions this browser kept in localStorage before they moved to the database. */
  readonly rules: ClinicalRules | null;
  /** Baseline visit per patient id, as this browser kept it. */
  readonly baselines: Readonly<Record<string, string>>;
}

/**
 * Moves choices made on this device before they were stored with the data, once. Rules are
 * adopted only when the database has none yet (the database wins: another tab or an import
 * may have set them); a baseline only for a patient without one, and only a visit of that
 * patient. The baselines are one history group, so they show in history and can be undone.
 */
export function adoptLocalChoices(
  local: LocalChoices,
): Promise<DbResult<{ rules: boolean; baselines: number }>> {
  return runWrite(async () => {
    const stored = await db.meta.get('clinicalRules');
    const adopt = stored ? null : local.rules;
    if (adopt) await writeRules(adopt, { name: 'adopt conventions chosen on this device' });
    const changes: Change[] = [];
    for (const [patientId, visitId] of Object.entries(local.baselines)) {
      const [patient, visit] = await Promise.all([
        db.patients.get(patientId),
        db.visits.get(visitId),
      ]);
      if (!patient || patient.baselineVisitId !== undefined || visit?.patientId !== patientId)
        continue;
      changes.push({
        table: 'patients',
        before: patient,
        after: { ...patient, baselineVisitId: visitId, updatedAt: nowIso() },
      });
    }
    if (changes.length)
      await applyChanges({ name: 'adopt baselines chosen on this device' }, changes);
    return succeed({ rules: adopt !== null, baselines: changes.length });
  });
}

export const readClinicalRules = (): Promise<ClinicalRules> => runRead(getClinicalRules);
