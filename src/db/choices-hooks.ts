/** Live read of the conventions in use (kept apart from hooks.ts: React only here). */
import { getClinicianPin } from './clinician-pin';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ClinicalRules } from '../domain/clinical-rules';
import { listRuleHistory, readClinicalRules } from './clinical-choices';
import type { RulesHistoryEntry } from './schema';

/** undefined while loading: figures wait for the stored rules rather than show defaults. */
export function useClinicalRules(): ClinicalRules | undefined {
  return useLiveQuery(readClinicalRules, []);
}

/** Changes of the conventions, newest first; undefined while loading. */
export function useRuleHistory(): readonly RulesHistoryEntry[] | undefined {
  return useLiveQuery(() => listRuleHistory(), []);
}

/** Whether a clinician PIN is set (patient mode needs one); undefined while loading. */
export function useHasClinicianPin(): boolean | undefined {
  return useLiveQuery(async () => (await getClinicianPin()) !== null, []);
}
