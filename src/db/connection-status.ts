/**
 * What the user must be told about the database itself, as a small external store the UI
 * subscribes to: another tab upgraded it (versionchange: this tab closes its connection so the
 * upgrade can run, and must reload), an upgrade waits for other tabs (blocked), or IndexedDB
 * cannot be opened at all (private mode, storage disabled). Also the device storage state:
 * whether the browser granted persistent storage, and how much is used.
 */
import { useSyncExternalStore } from 'react';
import { db } from './db';
import { upgradeFailureOf, type UpgradeFailure } from './migrations/upgrade-failure';

export type ConnectionProblem =
  | { kind: 'upgraded-elsewhere' }
  | { kind: 'blocked' }
  | { kind: 'unavailable'; detail: string }
  | { kind: 'upgrade-failed'; failure: UpgradeFailure }
  | null;

let problem: ConnectionProblem = null;
const listeners = new Set<() => void>();
const set = (next: ConnectionProblem) => {
  problem = next;
  for (const l of listeners) l();
};

let watching = false;

/** Starts watching the database connection; idempotent. Called once by the app shell. */
export function watchConnection(): void {
  if (watching) return;
  watching = true;
  db.on('versionchange', () => {
    // Another tab opens a newer schema: close so its upgrade is not blocked, and tell the user
    // to reload (drafts are already saved) rather than writing to an old schema.
    db.close();
    set({ kind: 'upgraded-elsewhere' });
    return false;
  });
  db.on('blocked', () => {
    set({ kind: 'blocked' });
  });
  db.open().then(
    () => {
      if (problem?.kind === 'blocked') set(null);
    },
    (error: unknown) => {
      reportOpenFailure(error);
    },
  );
}

/**
 * A failure to open or read the database, as a value the banner shows (never an exception
 * thrown while a screen draws). Called by watchConnection and by the live hooks.
 */
export function reportOpenFailure(error: unknown): void {
  // A failed upgrade step says more than any other report of the same failed open.
  const failure = upgradeFailureOf(error);
  if (failure) {
    set({ kind: 'upgrade-failed', failure });
    return;
  }
  if (problem && problem.kind !== 'blocked') return;
  const name = error instanceof Error ? error.name : 'Error';
  // Dexie's messages may end with a link to its docs: an address the user cannot use here.
  const detail = (error instanceof Error ? error.message : String(error))
    .replace(/\s*Please visit https?:\/\/\S+/g, '')
    .replace(/\s*https?:\/\/\S+/g, '');
  set({ kind: 'unavailable', detail: `${name}: ${detail}` });
}

export function useConnectionProblem(): ConnectionProblem {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => problem,
  );
}

export interface StorageState {
  /** null when the browser has no Storage API. */
  readonly persisted: boolean | null;
  readonly usage: number | null;
  readonly quota: number | null;
}

export async function readStorageState(): Promise<StorageState> {
  const storage =
    typeof navigator === 'undefined'
      ? undefined
      : (navigator.storage as StorageManager | undefined);
  if (!storage) return { persisted: null, usage: null, quota: null };
  const [persisted, estimate] = await Promise.all([storage.persisted(), storage.estimate()]);
  return { persisted, usage: estimate.usage ?? null, quota: estimate.quota ?? null };
}

/**
 * Asks the browser not to evict this site's data under storage pressure. Browsers may
 * grant it silently (installed app, engagement) or refuse; the answer is shown to the user.
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage =
    typeof navigator === 'undefined'
      ? undefined
      : (navigator.storage as StorageManager | undefined);
  if (!storage) return null;
  return storage.persist();
}
