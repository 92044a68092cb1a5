/**
 * Reading one patient's records by the per-patient indexes, and the rules that hold
 * between them. Call inside a transaction when the reads must agree.
 */
import { Dexie } from 'dexie';
import { db } from './db';
import type { Assessment, Patient, SafetyAck, TreatmentEvent, Visit } from './schema';

export interface PatientBundle {
  readonly patient: Patient | undefined;
  /** By date. */
  readonly events: readonly TreatmentEvent[];
  /** By date. */
  readonly visits: readonly Visit[];
  /** By date. */
  readonly assessments: readonly Assessment[];
  readonly safetyAcks: readonly SafetyAck[];
}

/** Range over a `[patientId+date]` index: all of one patient's rows, sorted by date. */
export const patientRange = (patientId: string): [[string, unknown], [string, unknown]] => [
  [patientId, Dexie.minKey],
  [patientId, Dexie.maxKey],
];

export async function readPatientBundle(patientId: string): Promise<PatientBundle> {
  const [from, to] = patientRange(patientId);
  const [patient, events, visits, assessments, safetyAcks] = await Promise.all([
    db.patients.get(patientId),
    db.events.where('[patientId+date]').between(from, to, true, true).toArray(),
    db.visits.where('[patientId+date]').between(from, to, true, true).toArray(),
    db.assessments.where('[patientId+date]').between(from, to, true, true).toArray(),
    db.safetyAcks.where('patientId').equals(patientId).toArray(),
  ]);
  return { patient, events, visits, assessments, safetyAcks };
}

/**
 * The rules the repositories keep between one patient's records. Empty when all hold.
 * Used after undo, which restores old values that may no longer fit what came since.
 */
export function bundleProblems(bundle: PatientBundle): string[] {
  const { patient, events, visits, assessments, safetyAcks } = bundle;
  const problems: string[] = [];
  const who = patient ? `patient ${patient.code}` : 'a deleted patient';
  if (!patient && events.length + visits.length + assessments.length + safetyAcks.length > 0) {
    problems.push('records would remain for a patient that no longer exists');
  }
  const index = events.filter((e) => e.isIndex);
  if (index.length > 1) {
    problems.push(
      `${who} would have ${index.length} index events (${index.map((e) => e.label).join(', ')})`,
    );
  }
  const drafts = visits.filter((v) => v.status === 'draft');
  if (drafts.length > 1) problems.push(`${who} would have ${drafts.length} draft visits`);
  const dates = new Set<string>();
  for (const visit of visits) {
    if (dates.has(visit.date)) problems.push(`${who} would have two visits on ${visit.date}`);
    dates.add(visit.date);
  }
  const visitById = new Map(visits.map((v) => [v.id, v]));
  const scalesByVisit = new Set<string>();
  for (const a of assessments) {
    const visit = visitById.get(a.visitId);
    if (!visit) {
      problems.push(`a ${a.scaleId} assessment would belong to a visit that no longer exists`);
      continue;
    }
    if (a.status !== visit.status) {
      problems.push(
        `the ${a.scaleId} assessment of ${visit.date} would be ${a.status} in a ${visit.status} visit`,
      );
    }
    const key = `${a.visitId}/${a.scaleId}`;
    if (scalesByVisit.has(key))
      problems.push(`the visit of ${visit.date} would have two ${a.scaleId} assessments`);
    scalesByVisit.add(key);
  }
  const assessmentIds = new Set(assessments.map((a) => a.id));
  for (const ack of safetyAcks) {
    if (!assessmentIds.has(ack.assessmentId)) {
      problems.push(`a safety acknowledgement would refer to an assessment that no longer exists`);
    }
  }
  return problems;
}
