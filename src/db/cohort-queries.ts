/**
 * The reads behind the cohort view: who can be in a cohort (on the page), every finished
 * record (in the cohort worker, finished-records.ts), and the drugs in use.
 */
import type { CohortIndexEntry, RecordView } from '../domain/cohort/cohort-input';
import { distinctDrugs, DRUG_EVENT_KINDS, structuredDrugName } from '../domain/cohort/drug-name';
import { db } from './db';
import { readFinishedRecords } from './finished-records';
import type { CohortCache } from './summary-schema';

export async function readCohortRecords(): Promise<RecordView[]> {
  const records = await readFinishedRecords();
  return records.map(({ patient, indexEvent, visits, assessments }) => ({
    patient,
    indexEvent,
    visits,
    assessments,
  }));
}

export interface CohortIndex {
  /** Every patient with their index event, in code order. */
  readonly entries: readonly CohortIndexEntry[];
  /**
   * How many visits and assessments are stored. Read so that a live query of the index runs
   * again on every change to them (Dexie observes the whole table a count reads): the page
   * then asks its worker for the figures again.
   */
  readonly visits: number;
  readonly assessments: number;
}

/**
 * The cohort view's read on the page: patients and index events only (about 2,000 records
 * for 1,000 patients), never the 100,000 assessments, which the worker reads itself.
 */
export function readCohortIndex(): Promise<CohortIndex> {
  return db.transaction('r', [db.patients, db.events, db.visits, db.assessments], async () => {
    const [patients, events, visits, assessments] = await Promise.all([
      db.patients.toArray(),
      db.events.toArray(),
      db.visits.count(),
      db.assessments.count(),
    ]);
    const indexOf = new Map(events.filter((e) => e.isIndex).map((e) => [e.patientId, e]));
    const entries = patients
      .sort((a, b) => a.codeKey.localeCompare(b.codeKey))
      .map((patient) => ({ patient, indexEvent: indexOf.get(patient.id) ?? null }));
    return { entries, visits, assessments };
  });
}

/**
 * The members' cohort series as kept in their patient summaries (summary-schema.ts
 * CohortCache), in code order; null when a member's summary does not hold them (a row
 * written before they were kept), and the records must be read instead.
 */
export async function readCohortSeries(
  patientIds: readonly string[],
): Promise<
  { readonly patientId: string; readonly code: string; readonly cohort: CohortCache }[] | null
> {
  const summaries = await db.patientSummaries.bulkGet([...patientIds]);
  const found = [];
  for (const s of summaries) {
    if (s?.cohort === undefined) return null;
    found.push({ patientId: s.patientId, code: s.code, codeKey: s.codeKey, cohort: s.cohort });
  }
  return found
    .sort((a, b) => a.codeKey.localeCompare(b.codeKey))
    .map(({ patientId, code, cohort }) => ({ patientId, code, cohort }));
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
