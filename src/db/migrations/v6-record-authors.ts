import type { Transaction } from 'dexie';
import type { ClinicalTable, HistoryEntry, MetaRecord } from '../schema';
import { THIS_DEVICE } from '../stamps';
import type { MigrationStep } from './migration-step';

const TABLES: readonly ClinicalTable[] = [
  'patients',
  'events',
  'visits',
  'assessments',
  'safetyAcks',
];

/**
 * v6 gives every record its author: who made its last change, as history names them (the
 * clinician named in the settings then), else "this device"; and the device. The revision is
 * kept: the clinical content did not change (the hash leaves the author out, revision.ts).
 * Needs v6-device-id first.
 */
export const v6RecordAuthors: MigrationStep = {
  version: 6,
  name: 'v6-record-authors',
  run: async (tx: Transaction) => {
    const stored = await tx.table<MetaRecord, string>('meta').get('deviceId');
    if (stored?.key !== 'deviceId') throw new Error('v6-record-authors runs after v6-device-id');
    const device = stored.value;
    // History in id order: the last entry of a record names its last author.
    const lastBy = new Map<string, string | undefined>();
    await tx
      .table<HistoryEntry, number>('history')
      .each((entry) => lastBy.set(entry.recordId, entry.by));
    const counts: string[] = [];
    for (const table of TABLES) {
      let named = 0;
      const changed = await tx
        .table<{ id: string }, string>(table)
        .toCollection()
        .modify((record) => {
          const by = lastBy.get(record.id);
          if (by !== undefined) named += 1;
          Object.assign(record, { author: by ?? THIS_DEVICE, device });
        });
      counts.push(`${changed} ${table} (${named} named in history)`);
    }
    return `authors set on ${counts.join(', ')}`;
  },
};
