import type { ScaleDefinition, ScaleId } from '../scale-types';

/**
 * A set of scale definitions identified by id and version. `current` holds the last listed
 * version of each scale, in the order scales first appear; `find` reaches every version.
 */
export interface ScaleRegistry {
  readonly current: readonly ScaleDefinition[];
  /** Every definition, each scale's versions oldest first. */
  readonly all: readonly ScaleDefinition[];
  find(id: ScaleId, version: string): ScaleDefinition | undefined;
  /** The versions known for a scale, oldest first (empty for an unknown id). */
  versions(id: ScaleId): readonly string[];
}

export function makeScaleRegistry(definitions: readonly ScaleDefinition[]): ScaleRegistry {
  const seen = new Set<string>();
  for (const d of definitions) {
    const key = `${d.id}\u0000${d.version}`;
    if (seen.has(key)) throw new Error(`Scale ${d.id} version "${d.version}" is listed twice`);
    seen.add(key);
  }
  const ids = [...new Set(definitions.map((d) => d.id))];
  const current = ids.map((id) => definitions.filter((d) => d.id === id).at(-1) as ScaleDefinition);
  return {
    current,
    all: definitions,
    find: (id, version) => definitions.find((d) => d.id === id && d.version === version),
    versions: (id) => definitions.filter((d) => d.id === id).map((d) => d.version),
  };
}
