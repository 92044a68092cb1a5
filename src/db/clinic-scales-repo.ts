/**
 * Clinic-defined scales (v7): each version a row of its own, never overwritten or deleted,
 * since assessments recorded under a version keep being scored by it. Every addition is kept
 * in history. After each change the registry in use is brought in step with the table.
 */
import type { ScaleDefinition } from '../domain/scale-types';
import { scalesInUse } from '../domain/scales/registry';
import { clashOf } from './clinic-scale-clash';
import { loadClinicScales, inRegistryOrder } from './clinic-scales-load';
import { db } from './db';
import { refuse, succeed, type DbResult } from './result';
import { clinicScaleRecordId, type ClinicScaleRecord } from './scale-schema';
import { deviceIdOf, nextHlc } from './stamps';
import { newId, nowIso, runRead, runWrite, type WriteOptions } from './write';

/** Writes one version with its history entry. Call inside runWrite (scaleDefinitions, history). */
export async function writeClinicScale(
  definition: ScaleDefinition,
  operation: string,
  options: WriteOptions,
): Promise<ClinicScaleRecord> {
  const at = nowIso();
  const record: ClinicScaleRecord = {
    id: clinicScaleRecordId(definition.id, definition.version),
    scaleId: definition.id as ClinicScaleRecord['scaleId'],
    version: definition.version,
    definition,
    addedAt: at,
    ...(options.by === undefined ? {} : { addedBy: options.by }),
  };
  await db.scaleDefinitions.add(record);
  await db.history.add({
    table: 'scaleDefinitions',
    recordId: record.id,
    patientId: '',
    action: 'create',
    at,
    hlc: nextHlc(db),
    device: deviceIdOf(db),
    groupId: newId(),
    operation,
    ...(options.by === undefined ? {} : { by: options.by }),
    before: null,
    after: record,
  });
  return record;
}

/** Stores a clinic-defined scale (questionnaireToScale's result) as a new version. */
export async function addClinicScale(
  definition: ScaleDefinition,
  options: WriteOptions = {},
): Promise<DbResult<ClinicScaleRecord>> {
  if (definition.clinicDefined === undefined || !definition.id.startsWith('clinic:'))
    return refuse(`"${definition.name}" is not a clinic-defined scale.`);
  const result = await runWrite(async () => {
    const stored = await db.scaleDefinitions.where('scaleId').equals(definition.id).toArray();
    const clash = clashOf(
      definition,
      stored.map((r) => r.definition),
    );
    if (clash) return refuse(clash);
    const operation = `add clinic-defined scale ${definition.name} (${definition.version})`;
    return succeed(await writeClinicScale(definition, operation, options));
  }, ['scaleDefinitions', 'history']);
  if (result.ok) await loadClinicScales(db);
  return result;
}

/** Every stored version, scales in the order they were added, each oldest first. */
export function listClinicScaleRecords(): Promise<ClinicScaleRecord[]> {
  return runRead(async () => inRegistryOrder(await db.scaleDefinitions.toArray()));
}

/** The current definition of each clinic-defined scale, after bringing the registry in step. */
export async function readClinicScales(): Promise<readonly ScaleDefinition[]> {
  await loadClinicScales(db);
  return scalesInUse().current.filter((s) => s.clinicDefined !== undefined);
}
