/** Reading the open safety flags (the rule: open-flags.ts; acknowledging: safety-repo.ts). */
import { db } from './db';
import { ackKeys, byDateThenCode, openFlagsOf, type SafetyFlag } from './open-flags';
import { patientRange } from './patient-bundle';
import { runRead } from './write';

/**
 * Open flags, newest first: of one patient (all its assessments are checked), or of every
 * patient (for the patient list: only assessments the flaggedItems index marks are read).
 */
export function listOpenSafetyFlags(patientId?: string): Promise<SafetyFlag[]> {
  return runRead(async () => {
    const flagged =
      patientId === undefined
        ? await db.assessments.where('flaggedItems').above(0).distinct().toArray()
        : await db.assessments
            .where('[patientId+date]')
            .between(...patientRange(patientId), true, true)
            .toArray();
    if (!flagged.length) return [];
    const acks = await db.safetyAcks
      .where('assessmentId')
      .anyOf(flagged.map((a) => a.id))
      .toArray();
    const patients = await db.patients.bulkGet([...new Set(flagged.map((a) => a.patientId))]);
    const codes = new Map(patients.flatMap((p) => (p ? [[p.id, p.code] as const] : [])));
    return openFlagsOf(flagged, ackKeys(acks), (id) => codes.get(id) ?? '?').sort(byDateThenCode);
  });
}
