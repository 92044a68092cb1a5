/**
 * Signing in to the clinic's CouchDB with its session cookie (`/_session`): the name and
 * password are sent once, the server answers with a cookie the browser keeps, and the
 * password is never stored by the app. Every answer becomes a plain sentence.
 */
import { fail, ok, type Result } from '../domain/result';

/** fetch with the session cookie (the server is on the app's own origin). */
export const withSession = (url: string | Request, init?: RequestInit): Promise<Response> =>
  fetch(url, { ...init, credentials: 'include' });

const json = { 'Content-Type': 'application/json', Accept: 'application/json' };

const unreachable = (address: string) =>
  `Could not reach the sync server at ${address}: this device is offline, or the server is ` +
  'not answering. Records stay here and are sent when it answers again.';

/** Signs in; the answer is the name the server knows. */
export async function signIn(
  address: string,
  name: string,
  password: string,
): Promise<Result<string>> {
  if (name.trim() === '') return fail('Enter your name on the sync server.');
  if (password === '') return fail('Enter your password for the sync server.');
  let response: Response;
  try {
    response = await withSession(`${address}/_session`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: name.trim(), password }),
    });
  } catch {
    return fail(unreachable(address));
  }
  if (response.status === 401)
    return fail(`The sync server did not accept the name "${name.trim()}" with that password.`);
  if (!response.ok)
    return fail(`The sync server refused the sign-in (it answered ${response.status}).`);
  return ok(name.trim());
}

/** Ends the session on the server (the cookie is removed). */
export async function signOut(address: string): Promise<void> {
  try {
    await withSession(`${address}/_session`, { method: 'DELETE', headers: json });
  } catch {
    // Offline: the cookie ends by itself on the server's timeout.
  }
}

/** Who the server thinks is signed in here (null: nobody), or a failure if it cannot be asked. */
export async function whoIsSignedIn(address: string): Promise<Result<string | null>> {
  try {
    const response = await withSession(`${address}/_session`, { headers: json });
    if (!response.ok)
      return fail(`The sync server could not say who is signed in (${response.status}).`);
    const body = (await response.json()) as { userCtx?: { name?: string | null } };
    return ok(body.userCtx?.name ?? null);
  } catch {
    return fail(unreachable(address));
  }
}

/** Whether the signed-in clinician may use the clinic's database, in plain words if not. */
export async function checkAccess(
  address: string,
  database: string,
  user: string,
): Promise<Result<null>> {
  let response: Response;
  try {
    response = await withSession(`${address}/${encodeURIComponent(database)}`, {
      headers: json,
    });
  } catch {
    return fail(unreachable(address));
  }
  if (response.ok) return ok(null);
  if (response.status === 401 || response.status === 403)
    return fail(
      `${user || 'This sign-in'} is not a member of the database "${database}" on the sync ` +
        "server (another clinic's, or not set up for you). Nothing was sent or received.",
    );
  if (response.status === 404)
    return fail(`The sync server has no database "${database}". Check its name.`);
  return fail(`The sync server answered ${response.status} for the database "${database}".`);
}
