/** Creating, editing and deleting patients. Every change is kept in history. */
import { codeKeyOf, patientDataOf, sameData, withPatientKeys } from './derived';
import { enrolmentsOfPatient } from './enrolments-repo';
import { applyChanges, recordOf, tombstoneOf, type Change, stampFor } from './history-writer';
import { compact, parseRecord } from './input';
import { readPatientBundle } from './patient-bundle';
import { patientDataSchema } from './record-schemas';
import { refuse, succeed, type DbResult, type SaveResult } from './result';
import { revise } from './revision';
import type { Patient, Sex } from './schema';
import { db } from './db';
import { newId, nowIso, runWrite, type SaveOptions, type WriteOptions } from './write';
import { mergeSinceLoaded } from './save-merge';

export interface PatientInput {
  readonly code: string;
  readonly name?: string;
  readonly birthYear?: number;
  readonly sex?: Sex;
  readonly diagnosis?: string;
  readonly notes?: string;
  readonly expectedIntervalDays?: number;
}

/** Fields to change; null (or an empty string) clears an optional field. */
export interface PatientChanges {
  readonly code?: string;
  readonly name?: string | null;
  readonly birthYear?: number | null;
  readonly sex?: Sex | null;
  readonly diagnosis?: string | null;
  readonly notes?: string | null;
  readonly expectedIntervalDays?: number | null;
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
    const patient = revise(null, { ...withPatientKeys(data.value), ...stampFor(options.by) });
    await applyChanges({ name: 'create patient', by: options.by }, [
      { table: 'patients', before: null, after: patient },
    ]);
    return succeed(patient);
  });
}

const PATIENT_FIELDS: Readonly<Record<string, string>> = {
  code: 'patient code',
  name: 'name',
  birthYear: 'birth year',
  sex: 'sex',
  diagnosis: 'diagnosis',
  notes: 'notes',
  expectedIntervalDays: 'days between visits',
};

/**
 * Saves a patient form. `options.base` is the patient as the form loaded it: when the stored
 * patient has moved on since (another tab), the save merges field by field (the other
 * side's changes to fields this form left alone are kept) and stops with both values when
 * the same field was changed differently in both.
 */
export function updatePatient(
  id: string,
  changes: PatientChanges,
  options: SaveOptions<Patient>,
): Promise<SaveResult<Patient>> {
  return runWrite<Patient, SaveResult<Patient> & { ok: false }>(async () => {
    const existing = await db.patients.get(id);
    if (!existing) return refuse(`There is no patient with id ${id}.`);
    const old = patientDataOf(existing);
    let merged = compact({ ...patientDataOf(options.base), ...changes });
    const outcome = mergeSinceLoaded(existing, options, merged, {
      what: `Patient ${existing.code}`,
      ignore: ['id', 'createdAt', 'updatedAt'],
      label: (key) => PATIENT_FIELDS[key] ?? key,
      dataOf: patientDataOf,
    });
    if (!outcome.ok) return outcome;
    merged = outcome.value;
    if (sameData({ ...merged, updatedAt: old.updatedAt }, old)) return succeed(existing);
    const data = parseRecord(patientDataSchema, { ...merged, updatedAt: nowIso() });
    if (!data.ok) return data;
    const holder = await codeTaken(data.value.code, id);
    if (holder) return codeInUse(data.value.code, holder);
    const patient = revise(existing, { ...withPatientKeys(data.value), ...stampFor(options.by) });
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
 * acknowledgements, cohort enrolments) as one change, which undo restores as a whole. History is kept.
 */
export function deletePatient(
  id: string,
  options: WriteOptions = {},
): Promise<DbResult<{ records: number }>> {
  return runWrite(async () => {
    const bundle = await readPatientBundle(id);
    if (!bundle.patient) return refuse(`There is no patient with id ${id}.`);
    const changes: Change[] = [
      ...(await enrolmentsOfPatient(id)),
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

export interface PurgeCount {
  readonly events: number;
  readonly visits: number;
  readonly assessments: number;
  readonly safetyAcks: number;
  readonly history: number;
}

/** What purgePatient would remove, for the confirmation that names it; null: no such patient. */
export async function countPurge(id: string): Promise<PurgeCount | null> {
  const bundle = await readPatientBundle(id);
  if (!bundle.patient) return null;
  return {
    events: bundle.events.length,
    visits: bundle.visits.length,
    assessments: bundle.assessments.length,
    safetyAcks: bundle.safetyAcks.length,
    history: await db.history.where('patientId').equals(id).count(),
  };
}

/**
 * Erasure (a patient's right to erasure, GDPR Art. 17): removes the patient, every record of
 * theirs AND their history, in one transaction. Unlike deletePatient it cannot be undone and
 * leaves no trace of content on this device (backup files made earlier are outside the app's
 * reach): each record leaves only a tombstone (id, table, revision, who, when), so that
 * replication erases it on the other devices too.
 */
export function purgePatient(
  id: string,
  options: WriteOptions = {},
): Promise<DbResult<PurgeCount & { code: string }>> {
  return runWrite(async () => {
    const bundle = await readPatientBundle(id);
    if (!bundle.patient) return refuse(`There is no patient with id ${id}.`);
    const history = await db.history.where('patientId').equals(id).primaryKeys();
    const at = nowIso();
    const operation = { name: 'erase patient', by: options.by };
    const enrolments = await enrolmentsOfPatient(id);
    const gone: Change[] = [
      ...enrolments,
      ...bundle.safetyAcks.map((before): Change => ({ table: 'safetyAcks', before, after: null })),
      ...bundle.assessments.map((before): Change => ({
        table: 'assessments',
        before,
        after: null,
      })),
      ...bundle.visits.map((before): Change => ({ table: 'visits', before, after: null })),
      ...bundle.events.map((before): Change => ({ table: 'events', before, after: null })),
      { table: 'patients', before: bundle.patient, after: null },
    ];
    await Promise.all([
      db.enrolments.bulkDelete(enrolments.map((c) => recordOf(c).id)),
      db.safetyAcks.bulkDelete(bundle.safetyAcks.map((r) => r.id)),
      db.assessments.bulkDelete(bundle.assessments.map((r) => r.id)),
      db.visits.bulkDelete(bundle.visits.map((r) => r.id)),
      db.events.bulkDelete(bundle.events.map((r) => r.id)),
      db.patients.delete(id),
      db.history.bulkDelete(history),
      db.patientSummaries.delete(id),
      db.tombstones.bulkPut(gone.map((change) => tombstoneOf(change, at, operation))),
    ]);
    return succeed({
      code: bundle.patient.code,
      events: bundle.events.length,
      visits: bundle.visits.length,
      assessments: bundle.assessments.length,
      safetyAcks: bundle.safetyAcks.length,
      history: history.length,
    });
  });
}
