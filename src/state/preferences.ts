import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ScaleId } from '../domain/scale-types';

/**
 * The clinician's display choices: UI state only, kept in localStorage. Clinical records and
 * the conventions that change figures (band, remission and relapse rules; the baseline) live
 * in IndexedDB (src/db), never here.
 */
export type TimeAxis = 'days' | 'weeks' | 'date';

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
  timeAxis: 'weeks',
  clinician: '',
  defaultScales: ['HAMD-17', 'MADRS', 'PHQ-9', 'DARS'],
  backupReminderDays: 7,
};

export const usePreferences = create<Preferences>()(
  persist(() => initial, {
    name: 'trajectory-preferences',
    version: 2,
    migrate: (persisted, version) => {
      const old = (persisted ?? {}) as Partial<Preferences> & Record<string, unknown>;
      const { bandConvention, remissionRule, relapseRule, ...rest } = old;
      if (version < 2 && (bandConvention || remissionRule || relapseRule)) {
        localStorage.setItem(
          RULES_TO_ADOPT_KEY,
          JSON.stringify({ bandConvention, remissionRule, relapseRule }),
        );
      }
      return { ...initial, ...(rest as Partial<Preferences>) };
    },
  }),
);

export const setPreference = <K extends keyof Preferences>(key: K, value: Preferences[K]) => {
  usePreferences.setState({ [key]: value } as Pick<Preferences, K>);
};

export const resetPreferences = () => {
  usePreferences.setState(initial);
};
