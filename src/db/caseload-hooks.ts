/** Live read for the caseload (kept apart from hooks.ts so the core stays React-free). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseloadRecord } from '../domain/caseload/caseload';
import { readCaseloadRecords } from './caseload-queries';

/** Every patient's finished record and visit in progress; undefined while loading. */
export function useCaseloadRecords(): readonly CaseloadRecord[] | undefined {
  return useLiveQuery(readCaseloadRecords, []);
}
