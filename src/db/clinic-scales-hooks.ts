/** Live read of the clinic-defined scales (kept apart from the repository: React only here). */
import type { ScaleDefinition } from '../domain/scale-types';
import { readClinicScales } from './clinic-scales-repo';
import { useLiveQuery } from './hooks';

/**
 * The current definition of each clinic-defined scale; undefined while loading. Reading also
 * brings the registry in use in step with the table (another tab may have added one).
 */
export function useClinicScales(): readonly ScaleDefinition[] | undefined {
  return useLiveQuery(readClinicScales, []);
}
