/** Live read of the sync conflicts for their screen (kept apart from hooks.ts). */
import type { RuleBreak } from '../domain/record-rules';
import { db } from './db';
import { useLiveQuery } from './hooks';
import type { SyncConflict } from './schema';
import { deviceIdOf } from './stamps';
import { readSyncConflicts } from './sync-store';
import { rulesBrokenFor } from './sync-rules';

export interface ListedConflict {
  readonly conflict: SyncConflict;
  /** The patient's code here (null: the patient is not on this device). */
  readonly patientCode: string | null;
  /** For a rule across records: the break as the records are now. */
  readonly rule: RuleBreak | null;
}

const isRule = (c: SyncConflict) =>
  c.kind === 'index-event' || c.kind === 'draft-visit' || c.kind === 'visit-copy';

/**
 * Every listed conflict, oldest first. A rule across records that holds again (the
 * clinician fixed the records) is not shown, whatever the list says.
 */
export async function readListedConflicts(): Promise<readonly ListedConflict[]> {
  const listed = await readSyncConflicts();
  const rulePatients = listed.filter(isRule).map((c) => c.patientId);
  const breaks = new Map((await rulesBrokenFor(rulePatients)).map((b) => [b.id, b]));
  const out: ListedConflict[] = [];
  for (const conflict of listed) {
    const rule = breaks.get(conflict.id) ?? null;
    if (isRule(conflict) && !rule) continue;
    const patient = await db.patients.get(conflict.patientId);
    out.push({ conflict, patientCode: patient?.code ?? null, rule });
  }
  return out;
}

export function useListedConflicts(): readonly ListedConflict[] | undefined {
  return useLiveQuery(readListedConflicts, []);
}

/** This device's id, to tell its versions from another device's. */
export const thisDeviceId = (): string => deviceIdOf(db);
