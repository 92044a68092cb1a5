/** Live read for the cohort view (kept apart from hooks.ts so the core stays React-free). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { RecordView } from '../domain/cohort/cohort-input';
import { readCohortRecords } from './cohort-queries';

/** Every patient's finished record; undefined while loading. */
export function useCohortRecords(): readonly RecordView[] | undefined {
  return useLiveQuery(readCohortRecords, []);
}
