/** Settings and bookkeeping (key/value). Not clinical data, so no history. */
import { db } from './db';
import type { MetaKey, MetaRecord, MetaValues } from './schema';

/**
 * Keys the app may set; the migration log is written by upgrades only, the rules by
 * clinical-choices.ts, the device id once (stamps.ts), sync bookkeeping by sync-store.ts.
 */
export type SettingKey = Exclude<
  MetaKey,
  | 'migrationLog'
  | 'clinicalRules'
  | 'deviceId'
  | 'syncState'
  | 'syncConflicts'
  | 'syncResolved'
  | 'syncSettings'
>;

export async function getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | null> {
  const row = await db.meta.get(key);
  // Rows are written only through setMeta and upgrades, keyed by their own key.
  return row ? (row.value as MetaValues[K]) : null;
}

export async function setMeta<K extends SettingKey>(key: K, value: MetaValues[K]): Promise<void> {
  // K is one key and value its type; TypeScript cannot narrow the generic pair to the union.
  await db.meta.put({ key, value } as MetaRecord);
}
