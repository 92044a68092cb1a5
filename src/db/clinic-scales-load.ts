/**
 * Puts the clinic-defined scales stored in a database into the registry in use
 * (src/domain/scales/registry.ts), so every reader finds them by `scaleOf(assessment)`.
 */
import type { Dexie } from 'dexie';
import { setClinicScales } from '../domain/scales/registry';
import type { ClinicScaleRecord } from './scale-schema';

/** Rows in the order their scales were first added, each scale's versions oldest first. */
export function inRegistryOrder(rows: readonly ClinicScaleRecord[]): ClinicScaleRecord[] {
  return [...rows].sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.id.localeCompare(b.id));
}

export async function loadClinicScales(database: Dexie): Promise<void> {
  const rows = await database.table<ClinicScaleRecord, string>('scaleDefinitions').toArray();
  setClinicScales(inRegistryOrder(rows).map((r) => r.definition));
}
