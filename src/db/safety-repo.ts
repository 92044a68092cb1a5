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

/**
 * The acknowledgement of one open flag, checked against what is stored (`pending`: acks
 * being written in the same change, so one flag named twice is refused too).
 */
async function prepareAck(
  input: SafetyAckInput,
  pending: readonly SafetyAck[] = [],
): Promise<DbResult<SafetyAck>> {
  const a = await db.assessments.get(input.assessmentId);
  if (!a) return refuse(`There is no assessment with id ${input.assessmentId}.`);
  const value = itemValue(a, input.item);
  if (!flaggedItemsOf(a.scaleId, a.entry, a.scaleVersion).includes(input.item) || value === null) {
    return refuse(`${a.scaleId} item ${input.item} of ${a.date} is not flagged.`);
  }
  const acks = await db.safetyAcks.where('assessmentId').equals(a.id).toArray();
  const seen = [...acks, ...pending.filter((k) => k.assessmentId === a.id)];
  if (seen.some((k) => k.item === input.item && k.value === value)) {
    return refuse(`${a.scaleId} item ${input.item} of ${a.date} is already acknowledged.`);
  }
  return parseRecord(
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
}

/** Records that a clinician has seen and acted on an open flag. */
export function acknowledgeSafetyFlag(input: SafetyAckInput): Promise<DbResult<SafetyAck>> {
  return runWrite(async () => {
    const parsed = await prepareAck(input);
    if (!parsed.ok) return parsed;
    await applyChanges(
      { name: `acknowledge ${parsed.value.scaleId} item ${input.item}`, by: input.acknowledgedBy },
      [{ table: 'safetyAcks', before: null, after: parsed.value }],
    );
    return succeed(parsed.value);
  });
}

/**
 * Acknowledges several open flags (of one or more patients) with one name and one note: one
 * write transaction and one history group (an acknowledgement record and a history entry
 * per flag; undo takes back all of them). If any flag cannot be acknowledged (gone, changed,
 * already acknowledged) nothing is written and the reason names that flag.
 */
export function acknowledgeSafetyFlags(
  flags: readonly { readonly assessmentId: string; readonly item: number }[],
  ack: { readonly acknowledgedBy: string; readonly note?: string },
): Promise<DbResult<SafetyAck[]>> {
  return runWrite(async () => {
    if (!flags.length) return refuse('Choose at least one safety flag to acknowledge.');
    const written: SafetyAck[] = [];
    for (const flag of flags) {
      const parsed = await prepareAck({ ...flag, ...ack }, written);
      if (!parsed.ok) return parsed;
      written.push(parsed.value);
    }
    await applyChanges(
      {
        name: `acknowledge ${written.length} safety ${written.length === 1 ? 'flag' : 'flags'}`,
        by: ack.acknowledgedBy,
      },
      written.map((after) => ({ table: 'safetyAcks' as const, before: null, after })),
    );
    return succeed(written);
  });
}
