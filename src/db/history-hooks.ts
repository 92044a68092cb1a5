/**
 * The history hook, apart from hooks.ts: history-repo brings the undo path (history-writer),
 * which the first screen does not need (issue 18, initial JS).
 */
import { useLiveQuery } from './hooks';
import { listHistory, type HistoryFilter } from './history-repo';
import type { HistoryEntry } from './schema';

/** History of one record or one patient, newest first. */
export function useHistory(
  filter: HistoryFilter,
  limit = 200,
): readonly HistoryEntry[] | undefined {
  // Depend on the id, not the object, so a new filter object with the same id does not re-query.
  const recordId = 'recordId' in filter ? filter.recordId : null;
  const patientId = 'patientId' in filter ? filter.patientId : null;
  return useLiveQuery(
    () => listHistory(recordId === null ? { patientId: patientId ?? '' } : { recordId }, limit),
    [recordId, patientId, limit],
  );
}
