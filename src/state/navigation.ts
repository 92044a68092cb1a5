import { useEffect, useSyncExternalStore } from 'react';

/**
 * Hash routes: they work offline from any static server and survive a reload. Features link
 * with these path builders and never import each other; the app shell maps a route to a page.
 */
export type Route =
  | { name: 'patients' }
  | { name: 'new-patient' }
  | { name: 'patient'; patientId: string }
  | { name: 'edit-patient'; patientId: string }
  | { name: 'visit'; patientId: string; visitId: string }
  | {
      name: 'self-report';
      patientId: string;
      visitId: string;
      scales: readonly string[];
      layout: SelfReportLayout;
    }
  | { name: 'course'; patientId: string }
  | { name: 'print'; patientId: string }
  | { name: 'data' }
  | { name: 'cohort'; cohortId?: string }
  | { name: 'cohorts' }
  | { name: 'stored-cohort'; cohortId: string }
  | { name: 'caseload' }
  | { name: 'sync-conflicts' }
  | { name: 'not-found'; path: string };

/** Patient mode shows one question at a time or the whole form. */
export type SelfReportLayout = 'one' | 'form';

export const paths = {
  patients: () => '#/',
  newPatient: () => '#/patients/new',
  patient: (id: string) => `#/patients/${id}`,
  editPatient: (id: string) => `#/patients/${id}/edit`,
  visit: (patientId: string, visitId: string) => `#/patients/${patientId}/visits/${visitId}`,
  selfReport: (
    patientId: string,
    visitId: string,
    scales: readonly string[],
    layout: SelfReportLayout,
  ) =>
    `#/patients/${patientId}/visits/${visitId}/self-report/${scales.map(encodeURIComponent).join(',')}/${layout}`,
  course: (id: string) => `#/patients/${id}/course`,
  print: (id: string) => `#/patients/${id}/print`,
  data: () => '#/data',
  /** The cohort view; with an id, on that stored cohort. */
  cohort: (cohortId?: string) => (cohortId ? `#/cohort/${cohortId}` : '#/cohort'),
  cohorts: () => '#/cohorts',
  storedCohort: (id: string) => `#/cohorts/${id}`,
  caseload: () => '#/caseload',
  syncConflicts: () => '#/sync/conflicts',
};

/** A path part decoded; null when it is not valid percent-encoding ('%', '%E0%A4%A'). */
function decodePart(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const decoded = path.split('/').filter(Boolean).map(decodePart);
  // A malformed address is a page that does not exist, never a crash.
  if (decoded.some((p) => p === null)) return { name: 'not-found', path };
  const parts = decoded.filter((p): p is string => p !== null);
  const [first, id, sub, subId] = parts;
  if (parts.length === 0) return { name: 'patients' };
  if (first === 'data' && parts.length === 1) return { name: 'data' };
  if (first === 'cohort' && parts.length === 1) return { name: 'cohort' };
  if (first === 'cohort' && id && parts.length === 2) return { name: 'cohort', cohortId: id };
  if (first === 'cohorts' && parts.length === 1) return { name: 'cohorts' };
  if (first === 'cohorts' && id && parts.length === 2)
    return { name: 'stored-cohort', cohortId: id };
  if (first === 'caseload' && parts.length === 1) return { name: 'caseload' };
  if (first === 'sync' && id === 'conflicts' && parts.length === 2)
    return { name: 'sync-conflicts' };
  if (first === 'patients' && id === 'new' && parts.length === 2) return { name: 'new-patient' };
  if (first === 'patients' && id) {
    if (parts.length === 2) return { name: 'patient', patientId: id };
    if (sub === 'edit' && parts.length === 3) return { name: 'edit-patient', patientId: id };
    if (sub === 'course' && parts.length === 3) return { name: 'course', patientId: id };
    if (sub === 'print' && parts.length === 3) return { name: 'print', patientId: id };
    if (sub === 'visits' && subId && parts.length === 4)
      return { name: 'visit', patientId: id, visitId: subId };
    const [, , , , mode, scales, layout] = parts;
    if (
      sub === 'visits' &&
      subId &&
      mode === 'self-report' &&
      scales &&
      (layout === 'one' || layout === 'form') &&
      parts.length === 7
    )
      return {
        name: 'self-report',
        patientId: id,
        visitId: subId,
        scales: scales.split(','),
        layout,
      };
  }
  return { name: 'not-found', path };
}

/**
 * Where focus goes after a route change when it is not the page's main heading: the visit
 * shortcut lands on the first entry field. Held for one route change, for that path only.
 */
export type FocusIntent = 'first-entry';
let focusIntent: { path: string; target: FocusIntent } | null = null;
const bare = (path: string) => path.replace(/^#/, '');

/** The focus intent for the current route, if any; `take` clears it once it is served. */
export function focusIntentFor(hash: string, take = false): FocusIntent | null {
  const intent = focusIntent && focusIntent.path === bare(hash) ? focusIntent.target : null;
  if (take || !intent) focusIntent = null;
  return intent;
}

/**
 * Leaving a page with unsaved work is asked first (`useLeaveGuard`). While a guard is set the
 * page on screen stays the one the guard was set on: an in-app link, Back/Forward or a typed
 * address becomes a pending leave that the app shell asks about (one in-app dialog), and the
 * address bar is put back until the clinician chooses. Only `navigate()` (the app's own moves
 * after a save or a delete) and a confirmed leave pass.
 */
export interface PendingLeave {
  /** What would be lost, in words. */
  readonly message: string;
  /** The hash the clinician asked for. */
  readonly target: string;
}

let guard: { message: string; hash: string } | null = null;
let pending: PendingLeave | null = null;
let allowed: string | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};
const asHash = (path: string) => `#${path.replace(/^#/, '')}`;

/**
 * Patient mode: while a route is locked the page stays on it, whatever is done (Back, a typed
 * address, a link); only `unlockAndNavigate`, called after the clinician's PIN, ends it.
 */
let locked: string | null = null;

function onHashChange(): void {
  const now = window.location.hash;
  if (locked !== null && now !== locked) {
    window.history.replaceState(window.history.state, '', locked);
    notify();
    return;
  }
  if (guard && now !== guard.hash && now !== allowed) {
    // Back, Forward or a typed address: put the address of the page on screen back (this
    // fires no event) and ask.
    window.history.replaceState(window.history.state, '', guard.hash || '#/');
    pending = { message: guard.message, target: now };
  } else if (guard) {
    guard = { ...guard, hash: now };
  }
  allowed = null;
  notify();
}

const subscribe = (onChange: () => void) => {
  if (listeners.size === 0) window.addEventListener('hashchange', onHashChange);
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) window.removeEventListener('hashchange', onHashChange);
  };
};

/**
 * The app's own moves (after a save, a delete): never asked about. `options.focus` says where
 * focus goes on arrival when it is not the page's main heading.
 */
export function navigate(path: string, options: { focus?: FocusIntent } = {}): void {
  if (locked !== null) return;
  focusIntent = options.focus ? { path: bare(path), target: options.focus } : null;
  allowed = asHash(path);
  window.location.hash = bare(path);
}

/** The hash of the page on screen (while a leave is pending, the page the guard was set on). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => guard?.hash ?? window.location.hash);
}

export function useRoute(): Route {
  return parseRoute(useHash());
}

/** The leave the clinician asked for while a guard is set, until it is answered. */
export function usePendingLeave(): PendingLeave | null {
  return useSyncExternalStore(subscribe, () => pending);
}

export function confirmLeave(): void {
  const target = pending?.target;
  pending = null;
  guard = null;
  notify();
  if (target !== undefined) navigate(target);
}

export function cancelLeave(): void {
  pending = null;
  notify();
}

/**
 * While `message` is set (unsaved changes, values not saved), leaving asks first: closing or
 * reloading the tab (the browser's own beforeunload question), an in-app link, Back/Forward
 * and a typed address (the in-app dialog, through `usePendingLeave`).
 */
export function useLeaveGuard(message: string | null): void {
  useEffect(() => {
    if (message === null) return;
    guard = { message, hash: guard?.hash ?? window.location.hash };
    const unsubscribe = subscribe(() => undefined);
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      // Only route links ('#/…'): the skip link ('#main') moves focus and never leaves.
      const link = e.target instanceof Element ? e.target.closest('a[href^="#/"]') : null;
      const href = link?.getAttribute('href');
      if (!href || href === guard?.hash) return;
      e.preventDefault();
      e.stopPropagation();
      pending = { message, target: href };
      notify();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    notify();
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      guard = null;
      pending = null;
      unsubscribe();
      notify();
    };
  }, [message]);
}

/** Keeps the page on screen until `unlockAndNavigate` (patient mode). */
export function useRouteLock(): void {
  useEffect(() => {
    locked = window.location.hash;
    const unsubscribe = subscribe(() => undefined);
    // Closing or reloading the tab is asked by the browser first.
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      locked = null;
      unsubscribe();
    };
  }, []);
}

/** Ends the lock (the clinician's PIN was checked) and goes to `path`. */
export function unlockAndNavigate(path: string): void {
  locked = null;
  navigate(path);
}
