/**
 * Noticing that the browser cleared the database. A marker outside IndexedDB records how many
 * patients the database last held and when; an empty database while the marker says it held
 * patients was cleared behind the app's back (storage pressure, "clear site data", an
 * extension, a browser's tracking protection), and the app says so instead of "No patients yet".
 *
 * Where the marker lives: nothing a page can write survives every kind of clearing. Chrome's
 * and Firefox's eviction under storage pressure remove the origin's quota-managed storage
 * (IndexedDB, Cache Storage, service worker), and localStorage may go with it; cookies are
 * not quota-managed and survive it. Safari's 7-day rule removes localStorage but
 * keeps cookies for up to 7 days. So the marker is written twice: localStorage (read first)
 * and a first-party cookie (SameSite=Strict, 400 days, the longest Chrome keeps). The cookie
 * holds only a count and a day, never a name or a code: it is sent to the app's own server
 * with each request, and that server sees nothing clinical. A user who clears cookies too
 * clears the marker, and then nothing can be noticed (said in the docs).
 */
import { useEffect, useSyncExternalStore } from 'react';

export interface HeldMarker {
  /** Patients the database held when the app last saw it. */
  readonly patients: number;
  /** The day (YYYY-MM-DD) the app last saw them. */
  readonly day: string;
}

export type EvictionState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'fine' }
  | { readonly kind: 'evicted'; readonly marker: HeldMarker };

/** What to do with the stored marker: keep it, write a new one, or remove it. */
export type MarkerAction =
  | { readonly kind: 'keep' }
  | { readonly kind: 'write'; readonly marker: HeldMarker }
  | { readonly kind: 'clear' };

/**
 * One observation of the patient count. The first count of a session decides: none while
 * the marker says some means the browser cleared the database (the marker is kept, so a
 * reload still says so). Later, the count going to 0 is the app's own doing (deleting or
 * erasing the last patient): the marker goes. Records again (restored from a backup, or a
 * new patient) end the evicted state.
 */
export function observeCount(
  state: EvictionState,
  marker: HeldMarker | null,
  count: number,
  today: string,
): { readonly state: EvictionState; readonly action: MarkerAction } {
  if (count > 0) {
    const same = marker?.patients === count && marker.day === today;
    return {
      state: { kind: 'fine' },
      action: same ? { kind: 'keep' } : { kind: 'write', marker: { patients: count, day: today } },
    };
  }
  if (state.kind === 'evicted') return { state, action: { kind: 'keep' } };
  if (state.kind === 'unknown' && marker && marker.patients > 0)
    return { state: { kind: 'evicted', marker }, action: { kind: 'keep' } };
  return { state: { kind: 'fine' }, action: marker ? { kind: 'clear' } : { kind: 'keep' } };
}

const KEY = 'trajectory-held';
const MAX_AGE_SECONDS = 400 * 24 * 60 * 60;

/** "12@2026-12-02": the one text both places hold. */
export const markerText = (m: HeldMarker): string => `${m.patients}@${m.day}`;

export function parseMarker(text: string | null | undefined): HeldMarker | null {
  const match = /^(\d{1,9})@(\d{4}-\d{2}-\d{2})$/.exec(text ?? '');
  if (!match?.[1] || !match[2]) return null;
  return { patients: Number(match[1]), day: match[2] };
}

function localStore(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage blocked: reading localStorage throws a SecurityError
  }
}

function readCookie(): string | null {
  if (typeof document === 'undefined') return null;
  for (const part of document.cookie.split(';')) {
    const [name, value] = part.trim().split('=');
    if (name === KEY && value !== undefined) return decodeURIComponent(value);
  }
  return null;
}

function writeCookie(value: string, maxAge: number): void {
  if (typeof document === 'undefined') return;
  const secure = typeof location !== 'undefined' && location.protocol === 'https:';
  document.cookie = `${KEY}=${encodeURIComponent(value)}; max-age=${maxAge}; path=/; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/** The marker from localStorage, else from the cookie; null when neither holds one. */
export function readMarker(): HeldMarker | null {
  let stored: string | null = null;
  try {
    stored = localStore()?.getItem(KEY) ?? null;
  } catch {
    stored = null;
  }
  return parseMarker(stored) ?? parseMarker(readCookie());
}

export function applyMarkerAction(action: MarkerAction): void {
  if (action.kind === 'keep') return;
  try {
    if (action.kind === 'write') localStore()?.setItem(KEY, markerText(action.marker));
    else localStore()?.removeItem(KEY);
  } catch {
    // A full or blocked localStorage: the cookie still carries the marker.
  }
  if (action.kind === 'write') writeCookie(markerText(action.marker), MAX_AGE_SECONDS);
  else writeCookie('', 0);
}

let state: EvictionState = { kind: 'unknown' };
const listeners = new Set<() => void>();

/** Feeds one patient count (from a live query) into the session's eviction state. */
export function notePatientCount(count: number, now = new Date()): void {
  const next = observeCount(state, readMarker(), count, now.toISOString().slice(0, 10));
  applyMarkerAction(next.action);
  if (next.state.kind === state.kind && next.state.kind !== 'evicted') return;
  state = next.state;
  for (const l of listeners) l();
}

/** Test seam: a fresh session. */
export function resetEvictionState(): void {
  state = { kind: 'unknown' };
  for (const l of listeners) l();
}

/**
 * The eviction state, fed with `count` (the live patient count; undefined while loading).
 * Every component that shows an empty database asks this first.
 */
export function useEvictionState(count: number | undefined): EvictionState {
  useEffect(() => {
    if (count !== undefined) notePatientCount(count);
  }, [count]);
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
