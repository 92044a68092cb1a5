import { useState } from 'react';
import { requestPersistentStorage } from '../db/connection-status';
import type { HeldMarker } from '../db/eviction';
import { paths } from '../state/navigation';

/**
 * The browser cleared the database while the app's marker says it held patients: say so,
 * with what was there, and offer the two things that help (restore a backup; ask the browser
 * to keep the data from now on). Shown until records are back.
 */
export function EvictedBanner({ marker }: { marker: HeldMarker }) {
  // 'not asked' until the button is pressed; then the browser's answer (null: no Storage API).
  const [answer, setAnswer] = useState<boolean | null | 'not asked'>('not asked');
  const ask = async () => {
    setAnswer(await requestPersistentStorage());
  };
  const count = `${marker.patients} ${marker.patients === 1 ? 'patient' : 'patients'}`;
  return (
    <div className="banner banner-danger no-print" role="alert">
      <p>
        The browser has cleared the records Trajectory stored on this device. On {marker.day} it
        held {count}; now it holds none. Nothing was deleted by Trajectory. Restore the records from
        your latest backup file: <a href={paths.data()}>Data &amp; settings, Import a backup</a>.
        Then ask the browser to keep the data, so that it is not cleared again when space is short.
      </p>
      <p>
        <button type="button" onClick={() => void ask()}>
          Ask the browser to keep this data
        </button>
      </p>
      {answer !== 'not asked' && (
        <p role="status">
          {answer === null
            ? 'This browser cannot keep data on request: export backups often.'
            : answer
              ? 'The browser will keep this data from now on.'
              : 'The browser declined. Installing the app, or exporting backups often, keeps the data safe.'}
        </p>
      )}
    </div>
  );
}
