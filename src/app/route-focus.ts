import { useEffect, useRef } from 'react';
import { focusIntentFor } from '../state/navigation';

/** How long a page may take to show its heading (lazy chunk + first live query). */
const WAIT_MS = 5000;

/** Moves focus to the main heading (made focusable) of `main`; true when it was there. */
export function focusMainHeading(main: HTMLElement): boolean {
  // While a lazy page loads, Suspense keeps the previous page in the DOM, hidden: only a
  // rendered heading counts.
  const heading = Array.from(main.querySelectorAll<HTMLElement>('h1')).find(
    (h) => h.getClientRects().length > 0,
  );
  if (!heading) return false;
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus();
  return document.activeElement === heading;
}

/**
 * After every route change (not the first load) focus moves to the new page's main heading,
 * so a screen reader announces the page and Tab starts from its top. Pages show "Loading…"
 * before their heading, so this waits for the heading to appear. A route opened with a
 * focus intent (the visit shortcut) is left to the page, which focuses its first entry field.
 */
export function useRouteFocus(hash: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (focusIntentFor(hash) !== null) return;
    const main = document.getElementById('main');
    if (!main || focusMainHeading(main)) return;
    const observer = new MutationObserver(() => {
      if (focusMainHeading(main)) stop();
    });
    const timer = window.setTimeout(() => stop(), WAIT_MS);
    function stop() {
      observer.disconnect();
      window.clearTimeout(timer);
    }
    observer.observe(main, { childList: true, subtree: true });
    return stop;
  }, [hash]);
}
