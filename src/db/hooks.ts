/**
 * The reads the UI makes, live: each hook re-renders its component when the data it read
 * changes (useLiveQuery), and is scoped to indexed ranges so that unrelated writes wake
 * nothing. `undefined` means "still loading". Writes go through the repository functions.
 */
import { useLiveQuery as useDexieLiveQuery } from 'dexie-react-hooks';
import { reportOpenFailure } from './connection-status';
import { describeStorageError } from './result';
import { getMeta } from './meta-repo';
import {
  getDraftVisit,
  getPatientRecord,
  listPatients,
  type PatientList,
  type PatientRecord,
} from './patient-queries';
import {
  countOpenFlags,
  countPatients,
  listPatientPage,
  type ListRequest,
  type OpenFlagTotals,
  type PatientListPage,
} from './patient-list-query';
import type { SafetyFlag } from './open-flags';
import { listOpenSafetyFlags } from './safety-queries';
import type { MetaKey, MetaValues, Visit } from './schema';
import { readSyncFigures, type SyncFigures } from './sync-settings';

/**
 * useLiveQuery, except that a database that cannot be opened or read (private mode, storage
 * off, closed by an upgrade in another tab) is reported to the banner and reads as "not
 * loaded" instead of throwing while the screen draws. Other errors are bugs: thrown, and
 * the screen's error boundary shows them.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  return useDexieLiveQuery(async () => {
    try {
      return await query();
    } catch (error) {
      if (describeStorageError(error) === null) throw error;
      reportOpenFailure(error);
      return undefined;
    }
  }, deps);
}

/** Patients whose code or name starts with `search`, at most `limit`. */
export function usePatientList(search: string, limit = 100): PatientList | undefined {
  return useLiveQuery(() => listPatients(search, limit), [search, limit]);
}

/** One screenful of the patient list, from the patient summaries. */
export function usePatientListPage(request: ListRequest): PatientListPage | undefined {
  const { search, sort, start, pageSize } = request;
  // Searching, the count comes from its own query, which re-runs on writes, not keystrokes.
  const count = useLiveQuery(countPatients, []);
  const page = useLiveQuery(
    () => listPatientPage({ search, sort, start, pageSize }),
    [search, sort.column, sort.direction, start, pageSize],
  );
  if (page === undefined) return undefined;
  const patientCount = page.patientCount ?? count;
  return patientCount === undefined ? undefined : { ...page, patientCount };
}

/** How many safety flags are open, and for how many patients. */
export function useOpenFlagTotals(): OpenFlagTotals | undefined {
  return useLiveQuery(countOpenFlags, []);
}

/** One patient's full record; null when there is no such patient. */
export function usePatientRecord(patientId: string | undefined): PatientRecord | null | undefined {
  return useLiveQuery(
    () => (patientId === undefined ? null : getPatientRecord(patientId)),
    [patientId],
  );
}

/** Open safety flags of one patient, or of every patient when no id is given. */
export function useOpenSafetyFlags(patientId?: string): readonly SafetyFlag[] | undefined {
  return useLiveQuery(() => listOpenSafetyFlags(patientId), [patientId]);
}

/** The patient's draft visit; null when none is open. */
export function useDraftVisit(patientId: string): Visit | null | undefined {
  return useLiveQuery(() => getDraftVisit(patientId), [patientId]);
}

/** A setting or bookkeeping value; null when never set. */
export function useMeta<K extends MetaKey>(key: K): MetaValues[K] | null | undefined {
  return useLiveQuery(() => getMeta(key), [key]);
}

/** Sync's settings, last sync, pending changes and open conflicts (Settings → Sync). */
export function useSyncFigures(): SyncFigures | undefined {
  return useLiveQuery(() => readSyncFigures(), []);
}
