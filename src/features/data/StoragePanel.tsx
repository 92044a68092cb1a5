import { useEffect, useState } from 'react';
import {
  readStorageState,
  requestPersistentStorage,
  type StorageState,
} from '../../db/connection-status';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/** Whether the browser may evict the data, and how much space it uses. */
export function StoragePanel() {
  const [state, setState] = useState<StorageState | null>(null);
  const [asked, setAsked] = useState<boolean | null>(null);
  useEffect(() => {
    void readStorageState().then(setState);
  }, [asked]);

  const ask = async () => {
    setAsked(await requestPersistentStorage());
  };
  return (
    <section className="card" aria-labelledby="storage-heading">
      <h2 id="storage-heading">Storage on this device</h2>
      {state === null ? (
        <p role="status">Checking…</p>
      ) : (
        <>
          <p>
            Persistent storage:{' '}
            <strong>
              {state.persisted === null
                ? 'not supported by this browser'
                : state.persisted
                  ? 'granted: the browser will not clear this data to free space'
                  : 'not granted: the browser may clear the data when space is short'}
            </strong>
          </p>
          {state.usage !== null && state.quota !== null && (
            <p>
              Space used: {mb(state.usage)} of {mb(state.quota)} available to this site.
            </p>
          )}
          {state.persisted === false && (
            <button type="button" onClick={() => void ask()}>
              Ask the browser to keep this data
            </button>
          )}
          {asked === false && (
            <p className="muted">
              The browser declined. Installing the app, or exporting backups regularly, keeps the
              data safe.
            </p>
          )}
        </>
      )}
    </section>
  );
}
