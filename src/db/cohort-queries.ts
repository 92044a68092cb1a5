/** The read behind the cohort view (finished-records.ts), and the drugs in use. */
import type { RecordView } from '../domain/cohort/cohort-input';
import { distinctDrugs, DRUG_EVENT_KINDS, structuredDrugName } from '../domain/cohort/drug-name';
import { db } from './db';
import { readFinishedRecords } from './finished-records';

export async function readCohortRecords(): Promise<RecordView[]> {
  const records = await readFinishedRecords();
  return records.map(({ patient, indexEvent, visits, assessments }) => ({
    patient,
    indexEvent,
    visits,
    assessments,
  }));
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
