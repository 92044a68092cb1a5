import { useEffect, useState } from 'react';
import { useConnectionProblem, watchConnection } from '../db/connection-status';
import { useEvictionState } from '../db/eviction';
import { useMeta, usePatientList } from '../db/hooks';
import { paths } from '../state/navigation';
import { usePreferences } from '../state/preferences';
import { EvictedBanner } from './EvictedBanner';
import { UpgradeFailedBanner } from './UpgradeFailedBanner';

/** Problems with the database itself, and an overdue backup, shown above every page. */
export function DatabaseBanner() {
  useEffect(() => {
    watchConnection();
  }, []);
  const problem = useConnectionProblem();
  const lastExport = useMeta('lastExportAt');
  const days = usePreferences((s) => s.backupReminderDays);
  const patients = usePatientList('', 1);
  const eviction = useEvictionState(patients?.patientCount);
  const [now] = useState(() => Date.now());

  if (problem?.kind === 'upgraded-elsewhere')
    return (
      <div className="banner banner-danger no-print" role="alert">
        Trajectory was updated in another tab. This tab has stopped writing so that nothing is
        stored in the old format; your drafts are saved.{' '}
        <button type="button" onClick={() => window.location.reload()}>
          Reload now
        </button>
      </div>
    );
  if (problem?.kind === 'blocked')
    return (
      <div className="banner banner-warn no-print" role="alert">
        Another tab with an older version of Trajectory keeps the database open, so it cannot be
        updated. Reload or close the other Trajectory tabs.
      </div>
    );
  if (problem?.kind === 'upgrade-failed') return <UpgradeFailedBanner failure={problem.failure} />;
  if (problem?.kind === 'unavailable')
    return (
      <div className="banner banner-danger no-print" role="alert">
        This browser does not let Trajectory store data on this device (private browsing, or site
        storage is turned off), so nothing can be saved. Open Trajectory in a normal window with
        site data allowed. ({problem.detail})
      </div>
    );
  if (eviction.kind === 'evicted') return <EvictedBanner marker={eviction.marker} />;
  // Nothing to back up yet: no reminder on an empty database.
  if (lastExport === undefined || !patients?.patientCount) return null;
  const age = lastExport === null ? null : (now - Date.parse(lastExport)) / 86_400_000;
  if (age !== null && age < days) return null;
  return (
    <div className="banner banner-warn no-print" role="status">
      {lastExport === null
        ? 'No backup has been exported from this device yet.'
        : `The last backup was exported ${Math.floor(age ?? 0)} days ago (reminder after ${days}).`}{' '}
      <a href={paths.data()}>Export a backup</a>
    </div>
  );
}
