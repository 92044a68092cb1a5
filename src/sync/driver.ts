/**
 * Live sync while it is on: a round (src/sync/replicate.ts) runs when this device changes a
 * record, when the server's live feed says another device did, and when the network comes
 * back; a failed round is tried again after 1 s, 2 s, 4 s … up to a minute. Off stops all of
 * it. The app never waits for sync: it works the same with no server, offline or signed out.
 */
import { fail, ok, type Result } from '../domain/result';
import { readSyncSettings, watchLocalChanges, writeSyncSettings } from '../db/sync-settings';
import type { SyncSettings } from '../db/schema';
import { openPair, type Pair } from './pouch';
import { syncRound } from './replicate';
import { checkAccess, signIn, signOut, whoIsSignedIn } from './session';
import {
  describeFailure,
  publishSyncStatus,
  retryDelay,
  statusOf,
  SYNC_IS_OFF,
  type DriverStatus,
} from './status';

interface Run {
  readonly settings: SyncSettings;
  pair: Pair | null;
  /** Signed in and a member of the database, as last checked. */
  verified: boolean;
  running: boolean;
  again: boolean;
  failures: number;
  timer: ReturnType<typeof setTimeout> | null;
  feed: { cancel(): void } | null;
  stopped: boolean;
  readonly cleanups: (() => void)[];
}

let run: Run | null = null;

/** Read through a call: stopSync may set it while a round awaits the network. */
const stopped = (r: Run): boolean => r.stopped;

const online = () => (typeof navigator === 'undefined' ? true : navigator.onLine);

function publish(r: Run, status: DriverStatus) {
  if (!r.stopped) publishSyncStatus(status);
}

/** Stops short of replication when nobody is signed in or the clinician is not a member. */
async function verify(r: Run): Promise<DriverStatus | null> {
  const { address, database } = r.settings;
  const who = await whoIsSignedIn(address);
  if (!who.ok) throw Object.assign(new Error(who.reason), { status: 0 });
  if (who.value === null)
    return {
      phase: 'signed-out',
      message: 'Signed out of the sync server: sign in below to sync. Records stay here.',
      retryAt: null,
    };
  const access = await checkAccess(address, database, who.value);
  if (!access.ok) return { phase: 'no-access', message: access.reason, retryAt: null };
  r.verified = true;
  return null;
}

function watchServer(r: Run, pair: Pair) {
  if (r.feed || r.stopped) return;
  r.feed = pair.remote
    .changes({ since: 'now', live: true, heartbeat: 10_000 })
    .on('change', () => void round(r))
    .on('error', () => {
      r.feed = null;
      void round(r);
    });
}

async function round(r: Run): Promise<void> {
  if (r.stopped) return;
  if (r.running) {
    r.again = true;
    return;
  }
  if (r.timer) clearTimeout(r.timer);
  r.timer = null;
  if (!online()) {
    // Nothing to try until the browser has a network again: its 'online' event starts a round.
    publish(r, { ...describeFailure(null, false), retryAt: null });
    return;
  }
  r.running = true;
  publish(r, { phase: 'syncing', message: 'Syncing with the clinic server…', retryAt: null });
  try {
    if (!r.verified) {
      const stop = await verify(r);
      if (stop) {
        publish(r, stop);
        return;
      }
    }
    r.pair ??= await openPair(r.settings.address, r.settings.database);
    const summary = await syncRound(r.pair.local, r.pair.remote);
    r.failures = 0;
    const refused = summary.refused.length
      ? ` ${summary.refused.length} refused by the server (listed below).`
      : '';
    publish(r, {
      phase: 'synced',
      message: `Up to date with ${r.settings.database}: sent ${summary.sent}, received ${summary.received}.${refused}`,
      retryAt: null,
    });
    watchServer(r, r.pair);
  } catch (error) {
    if (stopped(r)) return;
    const status = statusOf(error);
    if (status === 401 || status === 403) r.verified = false;
    r.failures += 1;
    const wait = retryDelay(r.failures);
    publish(r, { ...describeFailure(error, online()), retryAt: Date.now() + wait });
    r.timer = setTimeout(() => void round(r), wait);
  } finally {
    r.running = false;
    if (r.again && !stopped(r)) {
      r.again = false;
      void round(r);
    }
  }
}

/** Stops live sync (the replica stays, so turning it on again sends only what changed). */
export async function stopSync(): Promise<void> {
  const r = run;
  run = null;
  if (!r) return;
  r.stopped = true;
  r.feed?.cancel();
  if (r.timer) clearTimeout(r.timer);
  for (const cleanup of r.cleanups) cleanup();
  publishSyncStatus(SYNC_IS_OFF);
  await Promise.all([r.pair?.local.close(), r.pair?.remote.close()]);
}

/** Starts live sync if it is on in the settings (at app start, and after each change of them). */
export async function startSync(): Promise<void> {
  await stopSync();
  const settings = await readSyncSettings();
  if (!settings.enabled || !settings.address || !settings.database) return;
  const r: Run = {
    settings,
    pair: null,
    verified: false,
    running: false,
    again: false,
    failures: 0,
    timer: null,
    feed: null,
    stopped: false,
    cleanups: [],
  };
  run = r;
  r.cleanups.push(watchLocalChanges(() => void round(r)));
  if (typeof window !== 'undefined') {
    const back = () => {
      r.failures = 0;
      // A long poll open when the network went may never answer: listen afresh.
      r.feed?.cancel();
      r.feed = null;
      void round(r);
    };
    const gone = () => publish(r, { ...describeFailure(null, false), retryAt: null });
    window.addEventListener('online', back);
    window.addEventListener('offline', gone);
    r.cleanups.push(() => {
      window.removeEventListener('online', back);
      window.removeEventListener('offline', gone);
    });
  }
  await round(r);
}

/** "Try now": runs a round at once instead of waiting for the next try. */
export function syncNow(): void {
  if (!run) return;
  run.failures = 0;
  run.verified = false;
  void round(run);
}

/** Turns sync on or off on this device. */
export async function setSyncOn(on: boolean): Promise<Result<null>> {
  const settings = await readSyncSettings();
  if (on && (!settings.address || !settings.database))
    return fail('Sign in to the clinic server first (address, database, name and password).');
  await writeSyncSettings({ enabled: on });
  if (on) await startSync();
  else await stopSync();
  return ok(null);
}

/**
 * Signs in to the clinic's server and checks the clinician may use its database; saves the
 * address, database and name (never the password) and restarts sync if it is on.
 */
export async function signInToSync(
  address: string,
  database: string,
  name: string,
  password: string,
): Promise<Result<string>> {
  const signed = await signIn(address, name, password);
  if (!signed.ok) return signed;
  const access = await checkAccess(address, database, signed.value);
  if (!access.ok) {
    await signOut(address);
    return access;
  }
  await writeSyncSettings({ address, database, user: signed.value });
  await startSync();
  return ok(signed.value);
}

/** Signs out on the server and stops sync until the next sign-in. */
export async function signOutOfSync(): Promise<void> {
  const settings = await readSyncSettings();
  await stopSync();
  if (settings.address) await signOut(settings.address);
  if (settings.enabled) await startSync();
}
