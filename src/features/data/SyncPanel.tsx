import { useState, useSyncExternalStore } from 'react';
import { useSyncFigures } from '../../db/hooks';
import type { SyncFigures } from '../../db/sync-settings';
import { setSyncOn, syncNow } from '../../sync/driver';
import {
  getSyncStatus,
  subscribeSyncStatus,
  type DriverStatus,
  type SyncPhase,
} from '../../sync/status';
import { SyncSignIn } from './SyncSignIn';

const PHASE: Record<SyncPhase, string> = {
  off: 'Off',
  syncing: 'Syncing',
  synced: 'Synced',
  offline: 'Offline',
  error: 'Not synced',
  'signed-out': 'Signed out',
  'no-access': 'No access',
};

const when = (iso: string | null) =>
  iso === null
    ? 'never'
    : new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function SyncStatusView({ figures, status }: { figures: SyncFigures; status: DriverStatus }) {
  const { state, pending, conflicts } = figures;
  return (
    <>
      <p role="status" className="sync-state">
        <strong>{PHASE[status.phase]}.</strong> {status.message}
      </p>
      <dl className="sync-figures">
        <dt>Last sync</dt>
        <dd>{when(state.lastSyncAt)}</dd>
        <dt>Waiting to send</dt>
        <dd>{plural(pending, 'change', 'changes')}</dd>
        <dt>Conflicts</dt>
        <dd>
          {conflicts === 0 ? (
            'none'
          ) : (
            <>
              {plural(conflicts, 'record changed on two devices', 'records changed on two devices')}{' '}
              <a href="#/sync/conflicts">Review conflicts</a>
            </>
          )}
        </dd>
      </dl>
      {status.retryAt !== null && (
        <p>
          Next try at {new Date(status.retryAt).toLocaleTimeString()}.{' '}
          <button type="button" onClick={syncNow}>
            Try now
          </button>
        </p>
      )}
      {state.refused.length > 0 && (
        <>
          <h3>Refused by the server</h3>
          <p className="muted">
            These records are kept on this device but the clinic server did not accept them, for the
            reason given. They are not on other devices.
          </p>
          <ul>
            {state.refused.map((r) => (
              <li key={r.id}>
                <code>{r.id}</code>: {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Settings → Sync: on/off, the clinic server and sign-in, and where sync stands. */
export function SyncPanel() {
  const figures = useSyncFigures();
  const status = useSyncExternalStore(subscribeSyncStatus, getSyncStatus);
  const [refusal, setRefusal] = useState<string | null>(null);
  if (!figures)
    return (
      <section className="card" aria-labelledby="sync-heading">
        <h2 id="sync-heading">Sync</h2>
        <p role="status">Loading…</p>
      </section>
    );
  const toggle = async (on: boolean) => {
    const done = await setSyncOn(on);
    setRefusal(done.ok ? null : done.reason);
  };
  return (
    <section className="card" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p className="muted">
        Shares records with the clinic&apos;s other devices through its server. Off by default:
        without it the app keeps everything on this device, and it works the same offline.
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={figures.settings.enabled}
          onChange={(e) => void toggle(e.currentTarget.checked)}
        />{' '}
        Sync with the clinic server
      </label>
      {refusal && (
        <p className="banner banner-danger" role="alert">
          {refusal}
        </p>
      )}
      {figures.settings.enabled && <SyncStatusView figures={figures} status={status} />}
      <SyncSignIn settings={figures.settings} />
    </section>
  );
}
