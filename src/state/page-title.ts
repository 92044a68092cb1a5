import { useEffect } from 'react';

export const APP_NAME = 'Trajectory';

/** "Visit of 2023-12-07 · DEZ-001 · Trajectory": the most specific part first, the app last. */
export function pageTitle(...parts: readonly (string | null | undefined)[]): string {
  return [...parts.filter((p): p is string => Boolean(p)), APP_NAME].join(' · ');
}

/** Each screen names itself in the tab, the history list and to screen readers. */
export function usePageTitle(...parts: readonly (string | null | undefined)[]): void {
  const title = pageTitle(...parts);
  useEffect(() => {
    document.title = title;
  }, [title]);
}
