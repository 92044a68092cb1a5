/** When a clinic-defined scale cannot join those stored (repository and backup import). */
import type { ScaleDefinition } from '../domain/scale-types';

/** The Questionnaire a definition came from, without its version. */
const canonicalOf = (d: ScaleDefinition): string =>
  (d.clinicDefined?.questionnaire ?? '').replace(/\|[^|]*$/, '');

const keyOf = (d: ScaleDefinition): string => d.id.replace(/^clinic:/, '');

/**
 * Why a definition cannot be stored beside `stored` (the versions stored under its id), or null. A key
 * belongs to one Questionnaire: another Questionnaire under the same key is a clash, the same
 * Questionnaire with a version already stored is a repeat.
 */
export function clashOf(
  definition: ScaleDefinition,
  stored: readonly ScaleDefinition[],
): string | null {
  const other = stored.find((r) => canonicalOf(r) !== canonicalOf(definition));
  if (other)
    return (
      `The key "${keyOf(definition)}" is already used by the clinic-defined scale ` +
      `"${other.name}" (from ${canonicalOf(other)}). Choose another key, ` +
      'or import a new version of that same Questionnaire.'
    );
  if (stored.some((r) => r.version === definition.version))
    return (
      `"${definition.version}" is already stored. A new version of a clinic-defined scale ` +
      'comes from the Questionnaire with a new version.'
    );
  return null;
}
