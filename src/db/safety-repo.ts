/**
 * Safety flags: an assessment (draft or final) whose safety item meets the domain's
 * threshold (src/domain/safety.ts). A flag stays open until a clinician acknowledges that
 * assessment's item at its current value; if the value is later changed, the flag opens
 * again, because what was acknowledged is no longer what is recorded.
 */
import { db } from './db';
import { flaggedItemsOf } from './derived';
import { applyChanges } from './history-writer';
import { compact, parseRecord } from './input';
import { itemValue } from './open-flags';
import { safetyAckSchema } from './record-schemas';
import { refuse, succeed, type DbResult } from './result';
import type { SafetyAck } from './schema';
import { newId, nowIso, runWrite } from './write';

export type { SafetyFlag } from './open-flags';
// Reads live apart (safety-queries.ts) so the list's first screen loads no record schemas.
export { listOpenSafetyFlags } from './safety-queries';

export interface SafetyAckInput {
  readonly assessmentId: string;
  readonly item: number;
  readonly acknowledgedBy: string;
  readonly note?: string;
}

/** Records that a clinician has seen and acted on an open flag. */
export function acknowledgeSafetyFlag(input: SafetyAckInput): Promise<DbResult<SafetyAck>> {
  return runWrite(async () => {
    const a = await db.assessments.get(input.assessmentId);
    if (!a) return refuse(`There is no assessment with id ${input.assessmentId}.`);
    const value = itemValue(a, input.item);
    if (!flaggedItemsOf(a.scaleId, a.entry).includes(input.item) || value === null) {
      return refuse(`${a.scaleId} item ${input.item} of ${a.date} is not flagged.`);
    }
    const acks = await db.safetyAcks.where('assessmentId').equals(a.id).toArray();
    if (acks.some((k) => k.item === input.item && k.value === value)) {
      return refuse(`${a.scaleId} item ${input.item} of ${a.date} is already acknowledged.`);
    }
    const parsed = parseRecord(
      safetyAckSchema,
      compact({
        ...input,
        id: newId(),
        patientId: a.patientId,
        scaleId: a.scaleId,
        value,
        acknowledgedAt: nowIso(),
      }),
    );
    if (!parsed.ok) return parsed;
    await applyChanges(
      { name: `acknowledge ${a.scaleId} item ${input.item}`, by: input.acknowledgedBy },
      [{ table: 'safetyAcks', before: null, after: parsed.value }],
    );
    return succeed(parsed.value);
  });
}
