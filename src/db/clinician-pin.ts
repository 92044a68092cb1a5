/**
 * The clinician PIN that ends patient mode. Stored in the database meta (not localStorage,
 * which any script of the origin and any browser profile tool reads as plain text) as a
 * salted PBKDF2-SHA-256 hash from WebCrypto: a 16-byte random salt and 210,000 iterations
 * (OWASP's 2023 figure for PBKDF2-HMAC-SHA256; above the 100,000 the project asks for). A
 * 4–8 digit PIN is a short secret: the hash keeps it from being read off the device's
 * storage at a glance, the lock itself is what patient mode relies on.
 */
import { getMeta, setMeta } from './meta-repo';
import { refuse, succeed, type DbResult } from './result';
import type { PinHash } from './schema';
import { nowIso } from './write';

export const PIN_ITERATIONS = 210_000;

/** Why a PIN cannot be used, or null. */
export function pinProblem(pin: string): string | null {
  if (pin === '') return 'The PIN is required: type 4 to 8 digits.';
  if (!/^\d+$/.test(pin)) return 'The PIN must be digits only (0–9).';
  if (pin.length < 4 || pin.length > 8)
    return `The PIN must be 4 to 8 digits (it has ${pin.length}).`;
  return null;
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function setClinicianPin(pin: string): Promise<DbResult<null>> {
  const problem = pinProblem(pin);
  if (problem) return refuse(problem);
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(pin, salt, PIN_ITERATIONS);
  await setMeta('clinicianPin', {
    algorithm: 'PBKDF2-SHA-256',
    iterations: PIN_ITERATIONS,
    salt: toBase64(salt),
    hash: toBase64(hash),
    setAt: nowIso(),
  });
  return succeed(null);
}

export function getClinicianPin(): Promise<PinHash | null> {
  return getMeta('clinicianPin');
}

/** Whether `pin` is the clinician's PIN; false when none is set. */
export async function checkClinicianPin(pin: string): Promise<boolean> {
  const stored = await getMeta('clinicianPin');
  if (!stored || pinProblem(pin)) return false;
  const hash = await derive(pin, fromBase64(stored.salt), stored.iterations);
  const expected = fromBase64(stored.hash);
  // Compared in full, whatever differs first.
  let diff = hash.length ^ expected.length;
  for (let i = 0; i < hash.length; i += 1) diff |= (hash[i] ?? 0) ^ (expected[i] ?? 0);
  return diff === 0;
}
