import { useState } from 'react';
import { download } from '../components/download';
import { describeUpgradeFailure, type UpgradeFailure } from '../db/migrations/upgrade-failure';
import { oldDatabaseFile, readOldDatabase } from '../db/rescue-old-database';

/**
 * An upgrade step failed: IndexedDB rolled the upgrade back, so every record is still stored
 * in the old format, but this version of the app cannot use it. Says which record blocked the
 * upgrade, and hands over the old database as a backup file before anything else is tried.
 */
export function UpgradeFailedBanner({ failure }: { failure: UpgradeFailure }) {
  const [saved, setSaved] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    try {
      const file = oldDatabaseFile(await readOldDatabase());
      download(new Blob([file.text], { type: 'application/json' }), file.name);
      setProblem(null);
      setSaved(file.name);
    } catch (error) {
      setSaved(null);
      setProblem(
        `The old database could not be read (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
  };
  return (
    <div className="banner banner-danger no-print" role="alert">
      <p>
        Trajectory could not update the records stored on this device for this version of the app,
        so it cannot show or save them. Nothing was changed: every record is still stored as it was.{' '}
        {describeUpgradeFailure(failure)}
      </p>
      <p>
        What to do: download the stored records as a backup file now, then report the message above
        (not the file: it holds patient data). The backup can be imported once the fault is fixed.{' '}
        <button type="button" onClick={() => void save()}>
          Download the stored records as a backup
        </button>{' '}
        <button type="button" className="secondary" onClick={() => window.location.reload()}>
          Reload
        </button>
      </p>
      {saved && <p role="status">Saved as {saved}.</p>}
      {problem && <p role="status">{problem}</p>}
    </div>
  );
}
