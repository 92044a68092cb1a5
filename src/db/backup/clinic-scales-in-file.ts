/**
 * The clinic-defined scales a backup carries, against those stored on this device: a version
 * already stored must be the same definition; a new one must not clash with the key of
 * another Questionnaire (clinic-scale-clash.ts). The answer is the registry the file's
 * assessments are checked against, and each problem with its place in the file.
 */
import type { ScaleDefinition } from '../../domain/scale-types';
import { scalesInUse } from '../../domain/scales/registry';
import { makeScaleRegistry, type ScaleRegistry } from '../../domain/scales/scale-registry';
import { clashOf } from '../clinic-scale-clash';
import { canonicalJson } from '../derived';

export interface FileScales {
  readonly registry: ScaleRegistry;
  /** The file's definitions this device does not have yet, in file order. */
  readonly added: readonly ScaleDefinition[];
  readonly problems: readonly string[];
}

export function clinicScalesOfFile(
  definitions: readonly ScaleDefinition[],
  inUse: ScaleRegistry = scalesInUse(),
): FileScales {
  const problems: string[] = [];
  const added: ScaleDefinition[] = [];
  definitions.forEach((definition, at) => {
    const where = `clinicScales[${at}]`;
    const stored = inUse.all.filter((d) => d.id === definition.id);
    const same = stored.find((d) => d.version === definition.version);
    if (same) {
      if (canonicalJson(same) !== canonicalJson(definition))
        problems.push(
          `${where}: ${definition.id} "${definition.version}" differs from the definition stored on this device under the same version`,
        );
      return;
    }
    const earlier = added.findIndex(
      (d) => d.id === definition.id && d.version === definition.version,
    );
    if (earlier >= 0) {
      problems.push(`${where}: the same scale and version as clinicScales[${earlier}]`);
      return;
    }
    const clash = clashOf(definition, [...stored, ...added.filter((d) => d.id === definition.id)]);
    if (clash) problems.push(`${where}: ${clash}`);
    else added.push(definition);
  });
  return { registry: makeScaleRegistry([...inUse.all, ...added]), added, problems };
}
