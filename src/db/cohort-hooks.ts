/** Live read for the cohort view (kept apart from hooks.ts so the core stays React-free). */
import { useLiveQuery } from 'dexie-react-hooks';
import { listDrugNames, readCohortIndex, type CohortIndex } from './cohort-queries';

/**
 * Every patient with their index event, new after any change to the records; undefined
 * while loading. The figures themselves are read and computed in the cohort worker.
 */
export function useCohortIndex(): CohortIndex | undefined {
  return useLiveQuery(readCohortIndex, []);
}

/** Drugs already used, for the treatment-event form's choices. */
export function useDrugNames(): readonly { key: string; name: string }[] | undefined {
  return useLiveQuery(listDrugNames, []);
}
