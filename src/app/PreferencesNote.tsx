import { paths } from '../state/navigation';
import { usePreferencesNote } from '../state/preferences';

/** Saved settings that could not be read were reset to defaults: say which. */
export function PreferencesNote() {
  const damaged = usePreferencesNote((s) => s.damaged);
  if (!damaged) return null;
  return (
    <div className="banner banner-warn no-print" role="status">
      Some saved settings on this device could not be read and were reset to their defaults:{' '}
      {damaged.join(', ')}. Clinical records are not affected.{' '}
      <a href={paths.data()}>Check the settings</a>{' '}
      <button
        type="button"
        className="secondary"
        onClick={() => usePreferencesNote.setState({ damaged: null })}
      >
        Dismiss
      </button>
    </div>
  );
}
