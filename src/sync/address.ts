/**
 * Checks of what the clinician types in Settings → Sync, in plain words. The app's Content
 * Security Policy lets it connect to its own origin only (connect-src 'self'), so the
 * clinic's CouchDB is served under that origin by a proxy (README: "Pointing the app at a real
 * CouchDB"); an address elsewhere is refused here rather than blocked silently by the browser.
 */
import { fail, ok, type Result } from '../domain/result';

/** The path the app's own server proxies to the clinic's CouchDB (vite.config.ts, README). */
export const SYNC_PATH = '/couchdb';

/** The address offered before one is saved: the proxy on the app's own origin. */
export const defaultAddress = (origin: string): string => `${origin}${SYNC_PATH}`;

/** The server's address without a trailing slash, if it is on the app's origin. */
export function checkAddress(text: string, origin: string): Result<string> {
  const typed = text.trim();
  if (typed === '')
    return fail(`Enter the sync server's address, for example ${defaultAddress(origin)}.`);
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return fail(
      `The sync server's address "${typed}" is not a web address (http://… or https://…).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return fail(`The sync server's address must start with http:// or https:// (got "${typed}").`);
  if (url.origin !== origin)
    return fail(
      `This app connects only to its own address, ${origin}, so no record leaves it for an ` +
        `unknown server. Serve the clinic's CouchDB under it (for example ${defaultAddress(origin)}; ` +
        `see "Pointing the app at a real CouchDB" in the README) and enter that address.`,
    );
  if (url.search || url.hash)
    return fail(`The sync server's address must not have a ? or # part (got "${typed}").`);
  return ok(`${url.origin}${url.pathname.replace(/\/+$/, '')}`);
}

/** CouchDB's rule for database names: a lowercase letter, then lowercase letters, digits, _$()+-/ */
const DATABASE_NAME = /^[a-z][a-z0-9_$()+/-]*$/;

export function checkDatabase(text: string): Result<string> {
  const name = text.trim();
  if (name === '') return fail("Enter the clinic's database name, for example clinic.");
  if (!DATABASE_NAME.test(name))
    return fail(
      `The database name "${name}" is not one CouchDB allows: it starts with a lowercase ` +
        'letter and has only lowercase letters, digits and _ $ ( ) + - /.',
    );
  return ok(name);
}
