import { useState } from 'react';
import { useHasClinicianPin } from '../../db/choices-hooks';
import { pinProblem, setClinicianPin } from '../../db/clinician-pin';

/**
 * The clinician PIN that ends patient mode. Typed twice; stored as a salted hash in the
 * database on this device (never in a backup).
 */
export function ClinicianPinForm() {
  const hasPin = useHasClinicianPin();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<{ field: 'pin' | 'repeat'; text: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const save = async () => {
    setSaved(null);
    const problem = pinProblem(pin);
    if (problem) {
      setError({ field: 'pin', text: problem });
      document.getElementById('set-pin')?.focus();
      return;
    }
    if (repeat !== pin) {
      setError({ field: 'repeat', text: 'The two PINs differ: type the same PIN twice.' });
      document.getElementById('set-pin-repeat')?.focus();
      return;
    }
    const result = await setClinicianPin(pin);
    if (!result.ok) {
      setError({ field: 'pin', text: result.reason });
      return;
    }
    setError(null);
    setPin('');
    setRepeat('');
    setSaved('PIN saved. It ends patient mode on this device.');
  };

  const described = (field: 'pin' | 'repeat') =>
    error?.field === field
      ? { 'aria-invalid': true, 'aria-describedby': `set-${field}-error` }
      : {};

  return (
    <form
      className="pin-form"
      aria-labelledby="pin-heading"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 id="pin-heading">Clinician PIN for patient mode</h3>
      <p className="muted">
        {hasPin
          ? 'A PIN is set. Type a new one to change it.'
          : 'No PIN is set: patient mode (self-report on this device) needs one.'}{' '}
        4 to 8 digits; kept on this device as a salted hash, never in a backup.
      </p>
      <div className="form-grid">
        <label htmlFor="set-pin">{hasPin ? 'New PIN' : 'PIN'}</label>
        <input
          id="set-pin"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={pin}
          onChange={(e) => setPin(e.currentTarget.value)}
          {...described('pin')}
        />
        {error?.field === 'pin' && (
          <p className="field-error" id="set-pin-error">
            {error.text}
          </p>
        )}
        <label htmlFor="set-pin-repeat">Repeat the PIN</label>
        <input
          id="set-pin-repeat"
          type="password"
          inputMode="numeric"
          autoComplete="new-password"
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          {...described('repeat')}
        />
        {error?.field === 'repeat' && (
          <p className="field-error" id="set-repeat-error">
            {error.text}
          </p>
        )}
      </div>
      <button type="submit">{hasPin ? 'Change PIN' : 'Set PIN'}</button>
      {saved && (
        <p role="status" className="muted">
          {saved}
        </p>
      )}
    </form>
  );
}
