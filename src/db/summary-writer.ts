/**
 * Keeps the patient summaries (patient-summary.ts) equal to the records, inside the
 * transaction of the write that changed them: applyChanges and the draft-save path call it,
 * so a summary is never seen out of step with its patient's records.
 */
import { db } from './db';
import { readPatientBundle, type PatientBundle } from './patient-bundle';
import { openFlagCount, summarize } from './patient-summary';
import { rebuildSummariesIn, rulesIn } from './summary-rebuild';
import type { Assessment, PatientSummary } from './schema';

/**
 * Recomputes the summaries of `patientIds`. `fresh` holds the whole record set of patients
 * created by this very write (nothing else can refer to a new patient id), so an import of
 * new patients does not read back what it has just written.
 */
export async function refreshSummaries(
  patientIds: Iterable<string>,
  fresh: ReadonlyMap<string, PatientBundle> = new Map(),
): Promise<void> {
  const rules = await rulesIn(db.meta);
  const puts: PatientSummary[] = [];
  const deletes: string[] = [];
  await Promise.all(
    [...new Set(patientIds)].map(async (id) => {
      const bundle = fresh.get(id) ?? (await readPatientBundle(id));
      const { patient } = bundle;
      if (patient) puts.push(summarize({ ...bundle, patient }, rules));
      else deletes.push(id);
    }),
  );
  await Promise.all([
    puts.length ? db.patientSummaries.bulkPut(puts) : null,
    deletes.length ? db.patientSummaries.bulkDelete(deletes) : null,
  ]);
}

/**
 * A draft assessment saved or deleted: of the summary only the open-flag count can change
 * (course figures come from final visits), so it moves by the difference. This keeps a
 * keystroke's save to the tables it already locks plus safetyAcks and patientSummaries.
 */
export async function adjustOpenFlags(
  drafts: readonly { readonly before: Assessment | null; readonly after: Assessment | null }[],
): Promise<void> {
  const delta = new Map<string, number>();
  for (const { before, after } of drafts) {
    const a = after ?? before;
    if (!a) continue;
    const acks = await db.safetyAcks.where('assessmentId').equals(a.id).toArray();
    const change =
      (after ? openFlagCount([after], acks) : 0) - (before ? openFlagCount([before], acks) : 0);
    if (change !== 0) delta.set(a.patientId, (delta.get(a.patientId) ?? 0) + change);
  }
  for (const [patientId, change] of delta) {
    const summary = await db.patientSummaries.get(patientId);
    if (summary) {
      await db.patientSummaries.put({ ...summary, openFlags: summary.openFlags + change });
    }
  }
}

/**
 * Every summary recomputed from the records, in the caller's transaction: after the
 * clinical rules change (every status may change), or after a write that bypassed
 * applyChanges.
 */
export function rebuildPatientSummaries(): Promise<number> {
  return rebuildSummariesIn(<T>(name: string) => db.table<T, string>(name));
}
