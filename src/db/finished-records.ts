/**
 * Every patient with their index event, finished visits and finished assessments (and the
 * visit in progress, if any), read in one transaction so the figures come from one state.
 * The read behind the views across patients: the cohort view and the caseload.
 */
import { db } from './db';
import type { Assessment, Patient, TreatmentEvent, Visit } from './schema';
import { runRead } from './write';

export interface FinishedRecord {
  readonly patient: Patient;
  readonly indexEvent: TreatmentEvent | null;
  readonly visits: readonly Visit[];
  readonly assessments: readonly Assessment[];
  /** A visit in progress: not counted as a visit until finished. */
  readonly draft: Visit | null;
}

function byPatient<T extends { readonly patientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.patientId);
    if (list) list.push(r);
    else map.set(r.patientId, [r]);
  }
  return map;
}

/** In code order. */
export function readFinishedRecords(): Promise<FinishedRecord[]> {
  return runRead(async () => {
    // Whole tables then filtered here: toArray() is one getAll, while a Dexie filter walks a
    // cursor record by record.
    const [patients, events, visits, assessments] = await Promise.all([
      db.patients.toArray(),
      db.events.toArray(),
      db.visits.toArray(),
      db.assessments.toArray(),
    ]);
    const indexOf = new Map(events.filter((e) => e.isIndex).map((e) => [e.patientId, e]));
    const visitsOf = byPatient(visits.filter((v) => v.status === 'final'));
    const draftOf = new Map(
      visits.filter((v) => v.status === 'draft').map((v) => [v.patientId, v]),
    );
    const assessmentsOf = byPatient(assessments.filter((a) => a.status === 'final'));
    return patients
      .sort((a, b) => a.codeKey.localeCompare(b.codeKey))
      .map((patient) => ({
        patient,
        indexEvent: indexOf.get(patient.id) ?? null,
        visits: visitsOf.get(patient.id) ?? [],
        assessments: assessmentsOf.get(patient.id) ?? [],
        draft: draftOf.get(patient.id) ?? null,
      }));
  });
}
