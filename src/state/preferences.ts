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

export const usePreferences = create<Preferences>()(
  persist(() => initial, {
    name: 'trajectory-preferences',
    version: 1,
    migrate: (persisted) => ({ ...initial, ...(persisted as Partial<Preferences>) }),
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
