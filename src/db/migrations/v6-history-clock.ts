import type { Transaction } from 'dexie';
import { formatHlc, nodeOf, tick, type Hlc } from '../../domain/hlc';
import type { HistoryEntry, MetaRecord } from '../schema';
import type { MigrationStep } from './migration-step';

/**
 * v6 orders history across devices with a hybrid logical clock (src/domain/hlc.ts). Entries
 * written before have their time (`at`) but no clock: each gets one from its time, in the
 * order the device wrote them (`id`), so the clocks keep that order even where two entries
 * share a millisecond or the wall clock went back. Needs v6-device-id first.
 */
export const v6HistoryClock: MigrationStep = {
  version: 6,
  name: 'v6-history-clock',
  run: async (tx: Transaction) => {
    const stored = await tx.table<MetaRecord, string>('meta').get('deviceId');
    if (stored?.key !== 'deviceId') throw new Error('v6-history-clock runs after v6-device-id');
    const device = stored.value;
    const history = tx.table<HistoryEntry, number>('history');
    let last: Hlc = { millis: 0, counter: 0, node: nodeOf(device) };
    let count = 0;
    await history.toCollection().modify((entry) => {
      const at = Date.parse(entry.at);
      const next = tick(last, Number.isFinite(at) ? at : last.millis);
      // 65,536 entries within one millisecond cannot come from a person: stop the upgrade.
      if (!next.ok) throw new Error(`v6-history-clock: ${next.reason}`);
      last = next.value;
      Object.assign(entry, { hlc: formatHlc(last), device });
      count += 1;
    });
    return `${count} history entries given a clock`;
  },
};
