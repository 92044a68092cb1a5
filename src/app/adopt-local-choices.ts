/**
 * Once per browser: choices that earlier versions kept only in this browser's localStorage
 * (the conventions in use, and the baseline chosen per patient) move into the database, so
 * every tab, device and backup counts the same. The keys are removed only after the write
 * succeeded; a failure leaves them for the next start.
 */
import { adoptLocalChoices } from '../db/clinical-choices';
import { rulesFrom } from '../domain/clinical-rules';
import { RULES_TO_ADOPT_KEY } from '../state/preferences';

/** Where version 1 of the app kept the chosen baselines (a zustand persist store). */
export const OLD_BASELINES_KEY = 'trajectory-course-view';

function readJson(key: string): unknown {
  const text = localStorage.getItem(key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function oldBaselines(): Record<string, string> {
  const stored = readJson(OLD_BASELINES_KEY) as
    { state?: { baselineByPatient?: Record<string, unknown> } } | undefined;
  const map = stored?.state?.baselineByPatient ?? {};
  return Object.fromEntries(
    Object.entries(map).filter((e): e is [string, string] => typeof e[1] === 'string'),
  );
}

export async function adoptChoicesFromThisBrowser(): Promise<void> {
  const hasRules = localStorage.getItem(RULES_TO_ADOPT_KEY) !== null;
  const hasBaselines = localStorage.getItem(OLD_BASELINES_KEY) !== null;
  if (!hasRules && !hasBaselines) return;
  const result = await adoptLocalChoices({
    rules: rulesFrom(readJson(RULES_TO_ADOPT_KEY)),
    baselines: oldBaselines(),
  });
  if (!result.ok) return;
  localStorage.removeItem(RULES_TO_ADOPT_KEY);
  localStorage.removeItem(OLD_BASELINES_KEY);
}
