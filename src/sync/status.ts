/**
 * What the sync driver is doing now, for Settings → Sync: a small store the screen subscribes
 * to (useSyncExternalStore), and every failure told in plain words with what happens next.
 */

export type SyncPhase =
  /** Sync is off on this device. */
  | 'off'
  | 'syncing'
  /** The last round finished: everything sent and received. */
  | 'synced'
  /** The device has no network: records are kept and sent when it is back. */
  | 'offline'
  /** The server did not answer or failed: tried again later, with growing waits. */
  | 'error'
  /** Nobody is signed in on the server here (or the session ended): sign in to go on. */
  | 'signed-out'
  /** Signed in, but not a member of this database: nothing is sent or received. */
  | 'no-access';

export interface DriverStatus {
  readonly phase: SyncPhase;
  /** What is happening, or what went wrong and what to do, in plain words. */
  readonly message: string;
  /** When the next try is due (ms since 1970), after a failure. */
  readonly retryAt: number | null;
}

export const SYNC_IS_OFF: DriverStatus = {
  phase: 'off',
  message: 'Sync is off: records stay on this device only.',
  retryAt: null,
};

let current: DriverStatus = SYNC_IS_OFF;
const listeners = new Set<() => void>();

export const getSyncStatus = (): DriverStatus => current;

export function subscribeSyncStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function publishSyncStatus(next: DriverStatus): void {
  current = next;
  for (const listener of listeners) listener();
}

/** The longest wait between tries after failures (1 s, 2 s, 4 s … up to this). */
export const MAX_RETRY_MS = 60_000;

/** The wait before try number `failures + 1`: doubles from one second, up to a minute. */
export const retryDelay = (failures: number): number =>
  Math.min(MAX_RETRY_MS, 1000 * 2 ** Math.max(0, failures - 1));

/** The HTTP status a PouchDB or fetch failure carries, if any. */
export const statusOf = (error: unknown): number | undefined => {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status > 0 ? status : undefined;
};

/** A failed round in words; `online` is whether the browser says it has a network. */
export function describeFailure(error: unknown, online: boolean): Omit<DriverStatus, 'retryAt'> {
  if (!online)
    return {
      phase: 'offline',
      message:
        'Offline: changes are kept on this device and sent when the connection is back. ' +
        'The app works as usual meanwhile.',
    };
  const status = statusOf(error);
  if (status === undefined || status >= 500)
    return {
      phase: 'error',
      message:
        `The sync server is not answering${status ? ` (it answered ${status})` : ''}. ` +
        'Changes are kept on this device; sync tries again by itself.',
    };
  const detail = (error as { message?: unknown } | null)?.message;
  return {
    phase: 'error',
    message:
      `The sync server refused the last round (${status}${typeof detail === 'string' && detail ? `: ${detail}` : ''}). ` +
      'Sync tries again by itself.',
  };
}
