/**
 * Rules across a patient's records after sync (src/domain/record-rules.ts): checked for
 * every patient whose records arrived, each break listed with the sync conflicts (its own
 * kind, never repaired by overwriting), and the one way out that is a write of its own:
 * an assessment takes its visit's date and status again.
 */
import { brokenRules, type RuleBreak } from '../domain/record-rules';
import { db } from './db';
import { applyChanges } from './history-writer';
import { readPatientBundle } from './patient-bundle';
import { refuse, succeed, type DbResult } from './result';
import type { Assessment, ClinicalTable, SyncConflict } from './schema';
import { readSyncConflicts } from './sync-store';
import { nowIso, runWrite, type WriteOptions } from './write';

const TABLE_OF: Readonly<Record<RuleBreak['kind'], ClinicalTable>> = {
  'index-event': 'events',
  'draft-visit': 'visits',
  'visit-copy': 'assessments',
};

/** The rules that do not hold for these patients, as their records are now. */
export async function rulesBrokenFor(patientIds: readonly string[]): Promise<RuleBreak[]> {
  const breaks: RuleBreak[] = [];
  for (const patientId of new Set(patientIds)) {
    const { events, visits, assessments } = await readPatientBundle(patientId);
    breaks.push(...brokenRules({ patientId, events, visits, assessments }));
  }
  return breaks;
}

const isRule = (c: SyncConflict) =>
  c.kind === 'index-event' || c.kind === 'draft-visit' || c.kind === 'visit-copy';

/**
 * Lists every rule broken for these patients with the sync conflicts, replacing what was
 * listed for them before (a break fixed since is no longer listed). Returns how many.
 */
export async function listBrokenRules(patientIds: readonly string[]): Promise<number> {
  if (patientIds.length === 0) return 0;
  const checked = new Set(patientIds);
  const breaks = await rulesBrokenFor(patientIds);
  await runWrite(async () => {
    const kept = (await readSyncConflicts()).filter(
      (c) => !(isRule(c) && checked.has(c.patientId)),
    );
    const seenAt = nowIso();
    const found: SyncConflict[] = breaks.map((b) => ({
      id: b.id,
      kind: b.kind,
      table: TABLE_OF[b.kind],
      patientId: b.patientId,
      reason: b.explanation,
      versions: [],
      seenAt,
    }));
    await db.meta.put({ key: 'syncConflicts', value: [...kept, ...found] });
    return succeed(null);
  });
  return breaks.length;
}

/**
 * The way out of a 'visit-copy' break the clinician takes: the assessment gets its visit's
 * date and status again (the visit decides; no score changes), written with history so the
 * repair replicates. The listing goes with it.
 */
export function alignAssessmentWithVisit(
  assessmentId: string,
  options: WriteOptions = {},
): Promise<DbResult<Assessment>> {
  return runWrite(async () => {
    const assessment = await db.assessments.get(assessmentId);
    if (!assessment) return refuse(`There is no assessment with id ${assessmentId}.`);
    const visit = await db.visits.get(assessment.visitId);
    if (!visit) return refuse(`The visit of this ${assessment.scaleId} is not on this device.`);
    const after: Assessment = { ...assessment, date: visit.date, status: visit.status };
    if (after.date !== assessment.date || after.status !== assessment.status)
      await applyChanges({ name: 'align assessment with its visit', by: options.by }, [
        { table: 'assessments', before: assessment, after },
      ]);
    const left = (await readSyncConflicts()).filter((c) => c.id !== `visit-copy:${assessmentId}`);
    await db.meta.put({ key: 'syncConflicts', value: left });
    return succeed((await db.assessments.get(assessmentId)) ?? after);
  });
}
