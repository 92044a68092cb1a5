/**
 * Sync's settings and what the status line reads (Settings → Sync). Kept in meta rows: they
 * belong to this device, are never in a backup, and need no schema version. The password is
 * never stored.
 */
import { liveQuery } from 'dexie';
import { db } from './db';
import { SYNC_APPLY } from './history-writer';
import type { SyncSettings, SyncState } from './schema';
import { countPending, EMPTY_SYNC_STATE, readSyncConflicts, readSyncState } from './sync-store';
import { runWrite } from './write';

export const SYNC_OFF: SyncSettings = { enabled: false, address: '', database: '', user: '' };

export async function readSyncSettings(): Promise<SyncSettings> {
  const stored = await db.meta.get('syncSettings');
  return stored?.key === 'syncSettings' ? { ...SYNC_OFF, ...stored.value } : SYNC_OFF;
}

/**
 * Saves the settings. Another server or database starts replication afresh: everything here
 * is sent again and everything there read (records already the same are left as they are).
 */
export async function writeSyncSettings(changes: Partial<SyncSettings>): Promise<SyncSettings> {
  const outcome = await runWrite(async () => {
    const before = await readSyncSettings();
    const next = { ...before, ...changes };
    await db.meta.put({ key: 'syncSettings', value: next });
    if (next.address !== before.address || next.database !== before.database)
      await db.meta.put({ key: 'syncState', value: EMPTY_SYNC_STATE });
    return { ok: true, value: next };
  }, ['meta']);
  if (!outcome.ok) throw new Error(`Could not save the sync settings: ${outcome.reason}`);
  return outcome.value;
}

/** What Settings → Sync shows from the database (the driver adds what it is doing now). */
export interface SyncFigures {
  readonly settings: SyncSettings;
  readonly state: SyncState;
  /** Changes made here not yet sent. */
  readonly pending: number;
  /** Records changed on two devices, or rules broken between them, waiting for a clinician. */
  readonly conflicts: number;
}

export async function readSyncFigures(): Promise<SyncFigures> {
  const [settings, state, conflicts] = await Promise.all([
    readSyncSettings(),
    readSyncState(),
    readSyncConflicts(),
  ]);
  return {
    settings,
    state,
    pending: await countPending(state.sentThrough),
    conflicts: conflicts.length,
  };
}

/**
 * Calls `onChange` after each change made on this device (a history entry), so the driver can
 * send it soon. Returns the function that stops watching.
 */
export function watchLocalChanges(onChange: () => void): () => void {
  let first = true;
  const subscription = liveQuery(() => db.history.orderBy('hlc').last()).subscribe({
    next: (last) => {
      // What another device sent is already on the server: only this device's changes count.
      if (!first && last?.operation !== SYNC_APPLY) onChange();
      first = false;
    },
    error: () => undefined,
  });
  return () => subscription.unsubscribe();
}
