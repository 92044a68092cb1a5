import { useId, useState, type SyntheticEvent } from 'react';
import type { SyncSettings } from '../../db/schema';
import { checkAddress, checkDatabase, defaultAddress } from '../../sync/address';
import { signInToSync, signOutOfSync } from '../../sync/driver';

/**
 * The clinic server's address and database, and signing in to it. The password goes to the
 * server once and is not kept: the server's session cookie keeps the clinician signed in.
 */
export function SyncSignIn({ settings }: { settings: SyncSettings }) {
  const origin = window.location.origin;
  const [address, setAddress] = useState(settings.address || defaultAddress(origin));
  const [database, setDatabase] = useState(settings.database);
  const [name, setName] = useState(settings.user);
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();

  const submit = async (event: SyntheticEvent) => {
    event.preventDefault();
    const where = checkAddress(address, origin);
    const which = checkDatabase(database);
    if (!where.ok || !which.ok) {
      setOutcome({
        ok: false,
        text: [where, which].flatMap((r) => (r.ok ? [] : [r.reason])).join(' '),
      });
      return;
    }
    setBusy(true);
    const signed = await signInToSync(where.value, which.value, name, password);
    setBusy(false);
    setPassword('');
    setOutcome(
      signed.ok
        ? { ok: true, text: `Signed in as ${signed.value} to ${which.value}.` }
        : { ok: false, text: signed.reason },
    );
  };

  const leave = async () => {
    await signOutOfSync();
    setOutcome({ ok: true, text: 'Signed out of the sync server.' });
  };

  return (
    <form onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Clinic server</h3>
      <div className="form-grid">
        <label htmlFor={`${id}-address`}>Server address</label>
        <input
          id={`${id}-address`}
          type="url"
          value={address}
          onChange={(e) => setAddress(e.currentTarget.value)}
        />
        <label htmlFor={`${id}-database`}>Clinic database</label>
        <input
          id={`${id}-database`}
          value={database}
          autoCapitalize="none"
          spellCheck={false}
          onChange={(e) => setDatabase(e.currentTarget.value)}
        />
        <label htmlFor={`${id}-name`}>Name on the server</label>
        <input
          id={`${id}-name`}
          value={name}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <label htmlFor={`${id}-password`}>Password</label>
        <input
          id={`${id}-password`}
          type="password"
          value={password}
          autoComplete="current-password"
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
      </div>
      <p className="muted">The password is sent to the server to sign in and is not kept here.</p>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {settings.user && (
          <button type="button" onClick={() => void leave()}>
            Sign out
          </button>
        )}
      </div>
      {outcome && (
        <p
          className={outcome.ok ? 'banner banner-info' : 'banner banner-danger'}
          role={outcome.ok ? 'status' : 'alert'}
        >
          {outcome.text}
        </p>
      )}
    </form>
  );
}
