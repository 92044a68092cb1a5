import type { Transaction } from 'dexie';
import type { MetaRecord } from '../schema';
import { ensureDeviceId } from '../stamps';
import type { MigrationStep } from './migration-step';

/**
 * v6 names each device: a stable id (a UUID) made once and kept in meta. Records, history
 * entries and clocks carry it, so changes replicated from several devices say where they
 * were made and two devices' clocks never tie.
 */
export const v6DeviceId: MigrationStep = {
  version: 6,
  name: 'v6-device-id',
  run: async (tx: Transaction) => {
    const meta = tx.table<MetaRecord, string>('meta');
    const had = await meta.get('deviceId');
    const deviceId = await ensureDeviceId(meta);
    return had ? `device id ${deviceId} kept` : `device id ${deviceId} made`;
  },
};
