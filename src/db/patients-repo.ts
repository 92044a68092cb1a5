/** Creating, editing and deleting patients. Every change is kept in history. */
import { codeKeyOf, patientDataOf, sameData, withPatientKeys } from './derived';
import { applyChanges, type Change } from './history-writer';
import { compact, parseRecord } from './input';
import { readPatientBundle } from './patient-bundle';
import { patientDataSchema } from './record-schemas';
import { refuse, succeed, type DbResult } from './result';
import type { Patient, Sex } from './schema';
import { db } from './db';
import { newId, nowIso, runWrite, type WriteOptions } from './write';

export interface PatientInput {
  readonly code: string;
  readonly name?: string;
  readonly birthYear?: number;
  readonly sex?: Sex;
  readonly diagnosis?: string;
  readonly notes?: string;
}

/** Fields to change; null (or an empty string) clears an optional field. */
export interface PatientChanges {
  readonly code?: string;
  readonly name?: string | null;
  readonly birthYear?: number | null;
  readonly sex?: Sex | null;
  readonly diagnosis?: string | null;
  readonly notes?: string | null;
}

async function codeTaken(code: string, exceptId?: string): Promise<Patient | undefined> {
  const holder = await db.patients.where('codeKey').equals(codeKeyOf(code)).first();
  return holder && holder.id !== exceptId ? holder : undefined;
}

const codeInUse = (code: string, holder: Patient) =>
  refuse(
    holder.code === code
      ? `Patient code "${code}" is already used by another patient.`
      : `Patient code "${code}" is already used by another patient (as "${holder.code}"; codes are compared ignoring case, spaces and look-alike characters).`,
  );

export function createPatient(
  input: PatientInput,
  options: WriteOptions = {},
): Promise<DbResult<Patient>> {
  return runWrite(async () => {
    const now = nowIso();
    const data = parseRecord(
      patientDataSchema,
      compact({ ...input, id: newId(), createdAt: now, updatedAt: now }),
    );
    if (!data.ok) return data;
    const holder = await codeTaken(data.value.code);
    if (holder) return codeInUse(data.value.code, holder);
    const patient = withPatientKeys(data.value);
    await applyChanges({ name: 'create patient', by: options.by }, [
      { table: 'patients', before: null, after: patient },
    ]);
    return succeed(patient);
  });
}

export function updatePatient(
  id: string,
  changes: PatientChanges,
  options: WriteOptions = {},
): Promise<DbResult<Patient>> {
  return runWrite(async () => {
    const existing = await db.patients.get(id);
    if (!existing) return refuse(`There is no patient with id ${id}.`);
    const old = patientDataOf(existing);
    const merged = compact({ ...old, ...changes });
    if (sameData(merged, old)) return succeed(existing);
    const data = parseRecord(patientDataSchema, { ...merged, updatedAt: nowIso() });
    if (!data.ok) return data;
    const holder = await codeTaken(data.value.code, id);
    if (holder) return codeInUse(data.value.code, holder);
    const patient = withPatientKeys(data.value);
    await applyChanges({ name: 'edit patient', by: options.by }, [
      { table: 'patients', before: existing, after: patient },
    ]);
    return succeed(patient);
  });
}

/**
 * Chooses the visit change is counted from for this patient (null: back to the default rule).
 * Stored on the patient record, so it is in backups and history like any clinical edit.
 */
export function chooseBaseline(
  patientId: string,
  visitId: string | null,
  options: WriteOptions = {},
): Promise<DbResult<Patient>> {
  return runWrite(async () => {
    const existing = await db.patients.get(patientId);
    if (!existing) return refuse(`There is no patient with id ${patientId}.`);
    const visit = visitId === null ? undefined : await db.visits.get(visitId);
    if (visitId !== null && visit?.patientId !== patientId)
      return refuse(`Visit ${visitId} is not a visit of patient ${existing.code}.`);
    if ((existing.baselineVisitId ?? null) === visitId) return succeed(existing);
    const patient: Patient = { ...existing, updatedAt: nowIso() };
    if (visitId === null) delete (patient as { baselineVisitId?: string }).baselineVisitId;
    else (patient as { baselineVisitId?: string }).baselineVisitId = visitId;
    const name = visit ? `choose baseline ${visit.date}` : 'use the default baseline';
    await applyChanges({ name, by: options.by }, [
      { table: 'patients', before: existing, after: patient },
    ]);
    return succeed(patient);
  });
}

/**
 * Deletes the patient and all its records (events, visits, assessments, safety
 * acknowledgements) as one change, which undo restores as a whole. History is kept.
 */
export function deletePatient(
  id: string,
  options: WriteOptions = {},
): Promise<DbResult<{ records: number }>> {
  return runWrite(async () => {
    const bundle = await readPatientBundle(id);
    if (!bundle.patient) return refuse(`There is no patient with id ${id}.`);
    const changes: Change[] = [
      ...bundle.safetyAcks.map((r): Change => ({ table: 'safetyAcks', before: r, after: null })),
      ...bundle.assessments.map((r): Change => ({ table: 'assessments', before: r, after: null })),
      ...bundle.visits.map((r): Change => ({ table: 'visits', before: r, after: null })),
      ...bundle.events.map((r): Change => ({ table: 'events', before: r, after: null })),
      { table: 'patients', before: bundle.patient, after: null },
    ];
    await applyChanges({ name: `delete patient ${bundle.patient.code}`, by: options.by }, changes);
    return succeed({ records: changes.length });
  });
}
