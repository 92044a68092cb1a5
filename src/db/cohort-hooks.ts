/** Live read for the cohort view (kept apart from hooks.ts so the core stays React-free). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordView } from '../domain/cohort/cohort-input';
import { listDrugNames, readCohortRecords } from './cohort-queries';

/** Every patient's finished record; undefined while loading. */
export function useCohortRecords(): readonly RecordView[] | undefined {
  return useLiveQuery(readCohortRecords, []);
}

/** Drugs already used, for the treatment-event form's choices. */
export function useDrugNames(): readonly { key: string; name: string }[] | undefined {
  return useLiveQuery(listDrugNames, []);
}
