/**
 * The read behind the cohort view: every patient with their index event, finished visits and
 * finished assessments, in one read transaction so the figures come from one state.
 */
import type { RecordView } from '../domain/cohort/cohort-input';
import { distinctDrugs, DRUG_EVENT_KINDS, structuredDrugName } from '../domain/cohort/drug-name';
import { db } from './db';
import type { Assessment, TreatmentEvent, Visit } from './schema';
import { runRead } from './write';

export function readCohortRecords(): Promise<RecordView[]> {
  return runRead(async () => {
    // Whole tables then filtered here: toArray() is one getAll, while a Dexie filter walks a
    // cursor record by record (not measured apart here; see ARCHITECTURE, Cohorts).
    const [patients, allEvents, allVisits, allAssessments] = await Promise.all([
      db.patients.toArray(),
      db.events.toArray(),
      db.visits.toArray(),
      db.assessments.toArray(),
    ]);
    const events = allEvents.filter((e) => e.isIndex);
    const visits = allVisits.filter((v) => v.status === 'final');
    const assessments = allAssessments.filter((a) => a.status === 'final');
    const byPatient = <T extends { readonly patientId: string }>(rows: readonly T[]) => {
      const map = new Map<string, T[]>();
      for (const r of rows) {
        const list = map.get(r.patientId);
        if (list) list.push(r);
        else map.set(r.patientId, [r]);
      }
      return map;
    };
    const indexOf = new Map<string, TreatmentEvent>(events.map((e) => [e.patientId, e]));
    const visitsOf = byPatient<Visit>(visits);
    const assessmentsOf = byPatient<Assessment>(assessments);
    return patients
      .sort((a, b) => a.codeKey.localeCompare(b.codeKey))
      .map((patient) => ({
        patient,
        indexEvent: indexOf.get(patient.id) ?? null,
        visits: visitsOf.get(patient.id) ?? [],
        assessments: assessmentsOf.get(patient.id) ?? [],
      }));
  });
}

/** Drugs already used in dose and medication events, each once, as first spelled. */
export async function listDrugNames(): Promise<{ key: string; name: string }[]> {
  const events = await db.events.toArray();
  const names = events.flatMap((e) => {
    if (!DRUG_EVENT_KINDS.includes(e.kind)) return [];
    const name = structuredDrugName(e);
    return name === null ? [] : [name];
  });
  return distinctDrugs(names).sort((a, b) => a.name.localeCompare(b.name));
}
