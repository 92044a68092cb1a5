/**
 * Safety flags: an assessment (draft or final) whose safety item meets the domain's
 * threshold (src/domain/safety.ts). A flag stays open until a clinician acknowledges that
 * assessment's item at its current value; if the value is later changed, the flag opens
 * again, because what was acknowledged is no longer what is recorded.
 */
import { scaleOf } from '../domain/scales/registry';
import type { ScaleId } from '../domain/scale-types';
import { db } from './db';
import { flaggedItemsOf } from './derived';
import { applyChanges } from './history-writer';
import { compact, parseRecord } from './input';
import { patientRange } from './patient-bundle';
import { safetyAckSchema } from './record-schemas';
import { refuse, succeed, type DbResult } from './result';
import type { Assessment, RecordStatus, SafetyAck } from './schema';
import { newId, nowIso, runRead, runWrite } from './write';

export interface SafetyFlag {
  readonly patientId: string;
  readonly patientCode: string;
  readonly assessmentId: string;
  readonly visitId: string;
  readonly date: string;
  readonly scaleId: ScaleId;
  readonly item: number;
  readonly value: number;
  /** The rule's threshold and words, from the scale definition. */
  readonly minValue: number;
  readonly message: string;
  readonly status: RecordStatus;
}

function itemValue(a: Assessment, item: number): number | null {
  if (a.entry.mode === 'items') return a.entry.responses[item - 1] ?? null;
  return a.entry.items[String(item)] ?? null;
}

/** Flags are decided on read by the domain rule; the stored flaggedItems only finds candidates. */
function flagsOf(a: Assessment, patientCode: string, acks: readonly SafetyAck[]): SafetyFlag[] {
  const scale = scaleOf(a);
  return flaggedItemsOf(a.scaleId, a.entry, a.scaleVersion).flatMap((item): SafetyFlag[] => {
    const rule = scale.safety.find((r) => r.item === item);
    const value = itemValue(a, item);
    if (!rule || value === null) return [];
    const acked = acks.some((k) => k.assessmentId === a.id && k.item === item && k.value === value);
    if (acked) return [];
    const { patientId, id: assessmentId, visitId, date, scaleId, status } = a;
    return [
      {
        patientId,
        patientCode,
        assessmentId,
        visitId,
        date,
        scaleId,
        item,
        value,
        minValue: rule.minValue,
        message: rule.message,
        status,
      },
    ];
  });
}

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
    return flagged
      .flatMap((a) => flagsOf(a, codes.get(a.patientId) ?? '?', acks))
      .sort((x, y) => y.date.localeCompare(x.date) || x.patientCode.localeCompare(y.patientCode));
  });
}

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
    if (
      !flaggedItemsOf(a.scaleId, a.entry, a.scaleVersion).includes(input.item) ||
      value === null
    ) {
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
