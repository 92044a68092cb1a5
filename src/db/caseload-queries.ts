/**
 * The read behind the caseload: every patient with their index date, finished visits and
 * finished assessments, and the date of a visit in progress, in one read transaction.
 */
import type { CaseloadRecord } from '../domain/caseload/caseload';
import { db } from './db';
import type { Assessment, Visit } from './schema';
import { runRead } from './write';

function byPatient<T extends { readonly patientId: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.patientId);
    if (list) list.push(r);
    else map.set(r.patientId, [r]);
  }
  return map;
}

export function readCaseloadRecords(): Promise<CaseloadRecord[]> {
  return runRead(async () => {
    // Whole tables (one getAll each) filtered here: a Dexie filter walks a cursor.
    const [patients, events, visits, allAssessments] = await Promise.all([
      db.patients.toArray(),
      db.events.toArray(),
      db.visits.toArray(),
      db.assessments.toArray(),
    ]);
    const indexEvents = events.filter((e) => e.isIndex);
    const assessments = allAssessments.filter((a) => a.status === 'final');
    const indexDate = new Map(indexEvents.map((e) => [e.patientId, e.date]));
    const indexTime = new Map(indexEvents.map((e) => [e.patientId, e.time ?? null]));
    const finished = byPatient<Visit>(visits.filter((v) => v.status === 'final'));
    const draft = new Map(visits.filter((v) => v.status === 'draft').map((v) => [v.patientId, v]));
    const rated = byPatient<Assessment>(assessments);
    return patients.map((patient) => ({
      patient,
      indexDate: indexDate.get(patient.id) ?? null,
      indexTime: indexTime.get(patient.id) ?? null,
      visits: finished.get(patient.id) ?? [],
      assessments: rated.get(patient.id) ?? [],
      draftDate: draft.get(patient.id)?.date ?? null,
    }));
  });
}
