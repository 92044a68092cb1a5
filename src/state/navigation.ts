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
  | { name: 'course'; patientId: string }
  | { name: 'print'; patientId: string }
  | { name: 'data' }
  | { name: 'not-found'; path: string };

export const paths = {
  patients: () => '#/',
  newPatient: () => '#/patients/new',
  patient: (id: string) => `#/patients/${id}`,
  editPatient: (id: string) => `#/patients/${id}/edit`,
  visit: (patientId: string, visitId: string) => `#/patients/${patientId}/visits/${visitId}`,
  course: (id: string) => `#/patients/${id}/course`,
  print: (id: string) => `#/patients/${id}/print`,
  data: () => '#/data',
};

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, id, sub, subId] = parts;
  if (parts.length === 0) return { name: 'patients' };
  if (first === 'data' && parts.length === 1) return { name: 'data' };
  if (first === 'patients' && id === 'new' && parts.length === 2) return { name: 'new-patient' };
  if (first === 'patients' && id) {
    if (parts.length === 2) return { name: 'patient', patientId: id };
    if (sub === 'edit' && parts.length === 3) return { name: 'edit-patient', patientId: id };
    if (sub === 'course' && parts.length === 3) return { name: 'course', patientId: id };
    if (sub === 'print' && parts.length === 3) return { name: 'print', patientId: id };
    if (sub === 'visits' && subId && parts.length === 4)
      return { name: 'visit', patientId: id, visitId: subId };
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

export function navigate(path: string, options: { focus?: FocusIntent } = {}): void {
  focusIntent = options.focus ? { path: bare(path), target: options.focus } : null;
  window.location.hash = bare(path);
}

/** The focus intent for the current route, if any; `take` clears it once it is served. */
export function focusIntentFor(hash: string, take = false): FocusIntent | null {
  const intent = focusIntent && focusIntent.path === bare(hash) ? focusIntent.target : null;
  if (take || !intent) focusIntent = null;
  return intent;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
  };
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function useRoute(): Route {
  return parseRoute(useHash());
}

/**
 * While `message` is set (unsaved changes), leaving asks first: closing or reloading the tab
 * (beforeunload) and following any in-app link (a capture-phase click on a hash link).
 */
export function useLeaveGuard(message: string | null): void {
  useEffect(() => {
    if (message === null) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    const onClick = (e: MouseEvent) => {
      const link = e.target instanceof Element ? e.target.closest('a[href^="#/"]') : null;
      if (link && !window.confirm(message)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [message]);
}
