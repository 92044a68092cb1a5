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
import { db } from './db';
import { applyChanges, type Change } from './history-writer';
import { succeed, type DbResult } from './result';
import { rebuildPatientSummaries } from './summary-writer';
import { nowIso, runRead, runWrite } from './write';

export async function getClinicalRules(): Promise<ClinicalRules> {
  const row = await db.meta.get('clinicalRules');
  return row?.key === 'clinicalRules' ? row.value : DEFAULT_RULES;
}

export function setClinicalRule(
  kind: RuleKind,
  scaleId: ScaleId,
  ruleId: string,
): Promise<DbResult<ClinicalRules>> {
  return runWrite(async () => {
    const rules = withRule(await getClinicalRules(), kind, scaleId, ruleId);
    await db.meta.put({ key: 'clinicalRules', value: rules });
    // Every patient's course status may change with the rules.
    await rebuildPatientSummaries();
    return succeed(rules);
  });
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
    if (adopt) {
      await db.meta.put({ key: 'clinicalRules', value: adopt });
      await rebuildPatientSummaries();
    }
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
