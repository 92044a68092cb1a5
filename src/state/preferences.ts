import { z } from 'zod';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { RuleChoice } from '../domain/patient-course';
import type { ScaleId } from '../domain/scale-types';
import { getScale, isScaleId, SCALE_IDS } from '../domain/scales/registry';

/**
 * The clinician's display choices: UI state only, kept in localStorage. Clinical records
 * live in IndexedDB (src/db), never here.
 */
export type TimeAxis = 'days' | 'weeks' | 'date';

export interface Preferences {
  /** Band convention per scale (absent = the scale's default). */
  bandConvention: Partial<Record<ScaleId, string>>;
  remissionRule: Partial<Record<ScaleId, string>>;
  relapseRule: Partial<Record<ScaleId, string>>;
  timeAxis: TimeAxis;
  /** Who is rating, prefilled at a visit and on acknowledgements. */
  clinician: string;
  /** Scales preselected when a visit starts. */
  defaultScales: ScaleId[];
  /** Warn when the last backup is older than this many days. */
  backupReminderDays: number;
}

const initial: Preferences = {
  bandConvention: {},
  remissionRule: {},
  relapseRule: {},
  timeAxis: 'weeks',
  clinician: '',
  defaultScales: ['HAMD-17', 'MADRS', 'PHQ-9', 'DARS'],
  backupReminderDays: 7,
};

const ruleMap = z.record(z.string(), z.string());
/** Each stored field checked on load; a damaged one falls back to its default. */
const FIELD_SCHEMAS: { [K in keyof Preferences]: z.ZodType<Preferences[K]> } = {
  bandConvention: ruleMap,
  remissionRule: ruleMap,
  relapseRule: ruleMap,
  timeAxis: z.enum(['days', 'weeks', 'date']),
  clinician: z.string().max(200),
  defaultScales: z.array(z.string().refine(isScaleId)),
  backupReminderDays: z.int().min(1).max(3650),
};

const FIELD_WORDS: Record<keyof Preferences, string> = {
  bandConvention: 'severity bands',
  remissionRule: 'remission rules',
  relapseRule: 'relapse rules',
  timeAxis: 'time axis',
  clinician: 'clinician name',
  defaultScales: 'default scales',
  backupReminderDays: 'backup reminder',
};

/**
 * Saved preferences checked field by field (zod): a damaged field (edited by hand, written
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
  for (const key of Object.keys(FIELD_SCHEMAS) as (keyof Preferences)[]) {
    if (!(key in record)) continue;
    const parsed = FIELD_SCHEMAS[key].safeParse(record[key]);
    if (parsed.success) out[key] = parsed.data;
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
    version: 1,
    migrate: (persisted) => load(persisted),
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

export const setScaleRule = (
  kind: 'bandConvention' | 'remissionRule' | 'relapseRule',
  scaleId: ScaleId,
  ruleId: string,
) => {
  usePreferences.setState((s) => ({ [kind]: { ...s[kind], [scaleId]: ruleId } }));
};

export const resetPreferences = () => {
  usePreferences.setState(initial);
};

/** The clinician's chosen conventions, in the shape the domain's course builder takes. */
export function courseRules(prefs: Preferences): Partial<Record<ScaleId, RuleChoice>> {
  return Object.fromEntries(
    SCALE_IDS.map((id) => [
      id,
      {
        bandConvention: prefs.bandConvention[id],
        remissionRule: prefs.remissionRule[id],
        relapseRule: prefs.relapseRule[id],
      },
    ]),
  );
}

/**
 * The band convention to use for a scale: the clinician's choice when the scale still has it,
 * else undefined (the scale's default). A stale id in saved preferences never blanks a band.
 */
export function bandConventionFor(prefs: Preferences, scaleId: string): string | undefined {
  if (!isScaleId(scaleId)) return undefined;
  const id = prefs.bandConvention[scaleId];
  return id !== undefined && getScale(scaleId).bandConventions.some((c) => c.id === id)
    ? id
    : undefined;
}
