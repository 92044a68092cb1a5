/** The read behind the caseload (finished-records.ts), shaped for the domain's due rules. */
import type { CaseloadRecord } from '../domain/caseload/caseload';
import { readFinishedRecords } from './finished-records';

export async function readCaseloadRecords(): Promise<CaseloadRecord[]> {
  const records = await readFinishedRecords();
  return records.map(({ patient, indexEvent, visits, assessments, draft }) => ({
    patient,
    indexDate: indexEvent?.date ?? null,
    indexTime: indexEvent?.time ?? null,
    visits,
    assessments,
    draftDate: draft?.date ?? null,
  }));
}
