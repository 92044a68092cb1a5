import { useEffect, useRef, useState } from 'react';
import { checkClinicianPin } from '../../db/clinician-pin';

/**
 * The end of patient mode: the patient is asked to hand the device back; only the clinician's
 * PIN leaves. A wrong PIN is refused and the screen stays.
 */
export function HandBack({ onUnlocked }: { onUnlocked: () => void }) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => heading.current?.focus(), []);

  const unlock = async () => {
    setChecking(true);
    const ok = await checkClinicianPin(pin);
    setChecking(false);
    if (ok) {
      onUnlocked();
      return;
    }
    setPin('');
    setError('That PIN is not right. Patient mode stays on.');
    field.current?.focus();
  };

  return (
    <div className="sr-handback">
      <h1 ref={heading} tabIndex={-1}>
        Thank you. Please hand the device back to your clinician.
      </h1>
      <p className="sr-big">Your answers are saved.</p>
      <form
        className="sr-unlock"
        onSubmit={(e) => {
          e.preventDefault();
          void unlock();
        }}
      >
        <h2>For the clinician</h2>
        <label htmlFor="sr-pin">Clinician PIN</label>
        <input
          ref={field}
          id="sr-pin"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={pin}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sr-pin-error' : undefined}
          onChange={(e) => setPin(e.currentTarget.value)}
        />
        <button type="submit" disabled={checking}>
          End patient mode
        </button>
        {error && (
          <p className="field-error" id="sr-pin-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </div>
  );
}
