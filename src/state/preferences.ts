import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ScaleId } from '../domain/scale-types';
import { isScaleId, SCALES } from '../domain/scales/registry';

/**
 * The clinician's display choices: UI state only, kept in localStorage. Clinical records and
 * the conventions that change figures (band, remission and relapse rules; the baseline) live
 * in IndexedDB (src/db), never here.
 */
/** 'auto' draws hours since the index event for a course within 8 days, else weeks. */
export type TimeAxis = 'auto' | 'hours' | 'days' | 'weeks' | 'date';
const TIME_AXES: readonly unknown[] = ['auto', 'hours', 'days', 'weeks', 'date'];

export interface Preferences {
  timeAxis: TimeAxis;
  /** Who is rating, prefilled at a visit and on acknowledgements. */
  clinician: string;
  /** Scales preselected when a visit starts. */
  defaultScales: ScaleId[];
  /** Warn when the last backup is older than this many days. */
  backupReminderDays: number;
}

/**
 * Version 1 kept the band, remission and relapse rules here. Version 2 moves them to the
 * database: the migration leaves them under this key, once, for the app to adopt
 * (src/app/adopt-local-choices.ts), which removes the key when they are stored.
 */
export const RULES_TO_ADOPT_KEY = 'trajectory-rules-to-adopt';

const initial: Preferences = {
  timeAxis: 'auto',
  clinician: '',
  defaultScales: SCALES.filter((s) => s.offeredByDefault === true).map((s) => s.id),
  backupReminderDays: 7,
};

/**
 * Each stored field checked on load; a damaged one falls back to its default. Plain checks,
 * not zod: preferences are read at startup, and zod is not needed for the first screen
 * (issue 18, initial JS).
 */
const FIELD_CHECKS: { [K in keyof Preferences]: (value: unknown) => value is Preferences[K] } = {
  timeAxis: (v): v is Preferences['timeAxis'] => TIME_AXES.includes(v),
  clinician: (v): v is string => typeof v === 'string' && v.length <= 200,
  defaultScales: (v): v is Preferences['defaultScales'] =>
    Array.isArray(v) && v.every((id) => typeof id === 'string' && isScaleId(id)),
  backupReminderDays: (v): v is number =>
    Number.isSafeInteger(v) && (v as number) >= 1 && (v as number) <= 3650,
};

const FIELD_WORDS: Record<keyof Preferences, string> = {
  timeAxis: 'time axis',
  clinician: 'clinician name',
  defaultScales: 'default scales',
  backupReminderDays: 'backup reminder',
};

/**
 * Saved preferences checked field by field: a damaged field (edited by hand, written
 * by another version, half-written) becomes its default and is named in `damaged`, instead
 * of reaching a screen as the wrong type and crashing it.
 */
export function sanitizePreferences(saved: unknown): {
  preferences: Preferences;
  damaged: string[];
} {
  const record =
    typeof saved === 'object' && saved !== null && !Array.isArray(saved)
      ? (saved as Record<string, unknown>)
      : {};
  const damaged: string[] = [];
  const out: Record<string, unknown> = { ...initial };
  for (const key of Object.keys(FIELD_CHECKS) as (keyof Preferences)[]) {
    if (!(key in record)) continue;
    const value = record[key];
    if (FIELD_CHECKS[key](value)) out[key] = Array.isArray(value) ? [...value] : value;
    else damaged.push(FIELD_WORDS[key]);
  }
  if (saved !== undefined && saved !== null && record !== saved) damaged.push('all settings');
  return { preferences: out as unknown as Preferences, damaged };
}

/** What was reset on load, for a note in the app (null: nothing). */
export const usePreferencesNote = create<{ damaged: readonly string[] | null }>()(() => ({
  damaged: null,
}));

const load = (saved: unknown): Preferences => {
  const { preferences, damaged } = sanitizePreferences(saved);
  if (damaged.length) usePreferencesNote.setState({ damaged });
  return preferences;
};

export const usePreferences = create<Preferences>()(
  persist(() => initial, {
    name: 'trajectory-preferences',
    version: 2,
    migrate: (persisted, version) => {
      const old = (persisted ?? {}) as Record<string, unknown>;
      const { bandConvention, remissionRule, relapseRule, ...rest } = old;
      if (version < 2 && (bandConvention || remissionRule || relapseRule)) {
        localStorage.setItem(
          RULES_TO_ADOPT_KEY,
          JSON.stringify({ bandConvention, remissionRule, relapseRule }),
        );
      }
      return load(rest);
    },
    merge: (persisted, current) => ({ ...current, ...load(persisted) }),
    onRehydrateStorage: () => (_state, error) => {
      // Not JSON at all: defaults, and say so.
      if (error) usePreferencesNote.setState({ damaged: ['all settings'] });
    },
  }),
);

export const setPreference = <K extends keyof Preferences>(key: K, value: Preferences[K]) => {
  usePreferences.setState({ [key]: value } as Pick<Preferences, K>);
};

export const resetPreferences = () => {
  usePreferences.setState(initial);
};
