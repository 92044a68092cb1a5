/** The reads the patient screens need. All go through indexes and stop at a limit. */
import { SCALE_IDS } from '../domain/scales/registry';
import { compareDated } from '../domain/visit-time';
import { db } from './db';
import { codeKeyOf } from './derived';
import { patientRange, readPatientBundle } from './patient-bundle';
import type { Assessment, Patient, SafetyAck, TreatmentEvent, Visit } from './schema';
import { runRead } from './write';

export interface PatientList {
  /** Sorted by code. */
  readonly patients: readonly Patient[];
  /** More patients match than `limit`: ask the user to type more. */
  readonly truncated: boolean;
  /** All patients in the database. */
  readonly patientCount: number;
}

/**
 * Patients whose code, whole name or a word of the name starts with `search` (ignoring case
 * and surrounding spaces); all patients when it is empty. Prefix matches on the codeKey and
 * nameWords indexes, so thousands of patients cost no more than the `limit` shown.
 */
export function listPatients(search = '', limit = 100): Promise<PatientList> {
  return runRead(async () => {
    const query = codeKeyOf(search);
    const patientCount = await db.patients.count();
    if (!query) {
      const patients = await db.patients
        .orderBy('codeKey')
        .limit(limit + 1)
        .toArray();
      return {
        patients: patients.slice(0, limit),
        truncated: patients.length > limit,
        patientCount,
      };
    }
    const [byCode, byName] = await Promise.all([
      db.patients
        .where('codeKey')
        .startsWith(query)
        .limit(limit + 1)
        .toArray(),
      db.patients
        .where('nameWords')
        .startsWith(query)
        .distinct()
        .limit(limit + 1)
        .toArray(),
    ]);
    const found = new Map<string, Patient>();
    for (const p of [...byCode, ...byName]) found.set(p.id, p);
    const patients = [...found.values()].sort((a, b) => a.codeKey.localeCompare(b.codeKey));
    return { patients: patients.slice(0, limit), truncated: patients.length > limit, patientCount };
  });
}

/** The patient's draft visit, if one is open. */
export async function getDraftVisit(patientId: string): Promise<Visit | null> {
  const visits = await db.visits
    .where('[patientId+date]')
    .between(...patientRange(patientId), true, true)
    .toArray();
  return visits.find((v) => v.status === 'draft') ?? null;
}

export function getPatient(id: string): Promise<Patient | undefined> {
  return db.patients.get(id);
}

export function findPatientByCode(code: string): Promise<Patient | undefined> {
  return db.patients.where('codeKey').equals(codeKeyOf(code)).first();
}

export interface PatientRecord {
  readonly patient: Patient;
  /** By date. */
  readonly events: readonly TreatmentEvent[];
  readonly indexEvent: TreatmentEvent | null;
  /** By date, then time of day (src/domain/visit-time.ts). */
  readonly visits: readonly Visit[];
  /** By visit, then in the order scales are offered (HAMD-17, MADRS, PHQ-9, DARS, CGI). */
  readonly assessments: readonly Assessment[];
  readonly safetyAcks: readonly SafetyAck[];
}

const scaleOrder = (a: Assessment) => SCALE_IDS.indexOf(a.scaleId);

/** Everything recorded for one patient, read in one transaction; null if there is none. */
export function getPatientRecord(patientId: string): Promise<PatientRecord | null> {
  return runRead(async () => {
    const bundle = await readPatientBundle(patientId);
    if (!bundle.patient) return null;
    const visits = [...bundle.visits].sort(compareDated);
    const place = new Map(visits.map((v, i) => [v.id, i]));
    const assessments = [...bundle.assessments].sort(
      (a, b) =>
        a.date.localeCompare(b.date) ||
        (place.get(a.visitId) ?? 0) - (place.get(b.visitId) ?? 0) ||
        scaleOrder(a) - scaleOrder(b),
    );
    return {
      patient: bundle.patient,
      events: bundle.events,
      indexEvent: bundle.events.find((e) => e.isIndex) ?? null,
      visits,
      assessments,
      safetyAcks: bundle.safetyAcks,
    };
  });
}

/**
 * The finished part of a record: course status, the patient list and the course page are
 * computed from final visits only, so a half-typed draft (say a PHQ-9 stopped before item 9
 * and prorated) never shows as a response or a remission. The draft itself is named apart.
 */
export function finishedPart(record: PatientRecord): {
  visits: readonly Visit[];
  assessments: readonly Assessment[];
  draft: Visit | undefined;
} {
  return {
    visits: record.visits.filter((v) => v.status === 'final'),
    assessments: record.assessments.filter((a) => a.status === 'final'),
    draft: record.visits.find((v) => v.status === 'draft'),
  };
}
