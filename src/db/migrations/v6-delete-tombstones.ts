import type { Transaction } from 'dexie';
import { nextRev } from '../revision';
import type { ClinicalTable, HistoryEntry, MetaRecord, Tombstone } from '../schema';
import { THIS_DEVICE } from '../stamps';
import type { MigrationStep } from './migration-step';

/**
 * v6 keeps a tombstone for every deleted record (schema.ts `Tombstone`), so a deletion
 * replicates. Records deleted before v6 are found in history: the last entry of a record
 * that left it gone (a delete, or an undo of its creation) while no such record exists now.
 * Needs v6-device-id first.
 */
export const v6DeleteTombstones: MigrationStep = {
  version: 6,
  name: 'v6-delete-tombstones',
  run: async (tx: Transaction) => {
    const stored = await tx.table<MetaRecord, string>('meta').get('deviceId');
    if (stored?.key !== 'deviceId') throw new Error('v6-delete-tombstones runs after v6-device-id');
    const device = stored.value;
    const last = new Map<string, HistoryEntry>();
    await tx
      .table<HistoryEntry, number>('history')
      .each((entry) => last.set(entry.recordId, entry));
    const tombstones: Tombstone[] = [];
    for (const entry of last.values()) {
      if (entry.table === 'clinicalRules' || entry.after !== null || entry.before === null)
        continue;
      const table: ClinicalTable = entry.table;
      if ((await tx.table(table).get(entry.recordId)) !== undefined) continue;
      tombstones.push({
        id: entry.recordId,
        table,
        patientId: entry.patientId,
        rev: nextRev(entry.before, { deleted: true }),
        deletedAt: entry.at,
        author: entry.by ?? THIS_DEVICE,
        device,
      });
    }
    await tx.table<Tombstone, string>('tombstones').bulkPut(tombstones);
    return `${tombstones.length} tombstones made from history`;
  },
};
