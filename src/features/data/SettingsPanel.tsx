import { SCALES } from '../../domain/scales/registry';
import { ClinicianPinForm } from './ClinicianPinForm';
import { setPreference, usePreferences } from '../../state/preferences';

export function SettingsPanel() {
  const prefs = usePreferences();
  return (
    <section className="card" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <div className="form-grid">
        <label htmlFor="set-clinician">Clinician (rater, acknowledgements)</label>
        <input
          id="set-clinician"
          value={prefs.clinician}
          onChange={(e) => setPreference('clinician', e.currentTarget.value)}
        />
        <label htmlFor="set-reminder">Backup reminder after (days)</label>
        <input
          id="set-reminder"
          type="number"
          min={1}
          max={365}
          value={prefs.backupReminderDays}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            if (Number.isInteger(n) && n >= 1 && n <= 365) setPreference('backupReminderDays', n);
          }}
        />
      </div>
      <fieldset>
        <legend>Scales offered at a new visit</legend>
        {SCALES.map((s) => (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              checked={prefs.defaultScales.includes(s.id)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setPreference(
                  'defaultScales',
                  SCALES.map((x) => x.id).filter((id) =>
                    id === s.id ? on : prefs.defaultScales.includes(id),
                  ),
                );
              }}
            />{' '}
            {s.id}
          </label>
        ))}
      </fieldset>
      <ClinicianPinForm />
      <p className="muted">
        Severity band conventions, remission cut-offs and relapse rules are chosen per scale on a
        patient's course page.
      </p>
    </section>
  );
}
