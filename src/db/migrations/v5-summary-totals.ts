import type { Table, Transaction } from 'dexie';
import { rebuildSummariesIn } from '../summary-rebuild';
import type { MigrationStep } from './migration-step';

/**
 * v5 indexes the latest totals of the scales added after v4 (HAM-A, GAD-7, issue 16), so the
 * patient list sorts by them too, and rebuilds every summary so each row has a key for them
 * (-1 until rated). Derived data: nothing is written to history.
 */
export const v5SummaryTotals: MigrationStep = {
  version: 5,
  name: 'v5-summary-totals-new-scales',
  run: async (tx: Transaction) => {
    const count = await rebuildSummariesIn(<T>(name: string): Table<T, string> =>
      tx.table<T, string>(name),
    );
    return `${count} patient ${count === 1 ? 'summary' : 'summaries'} rebuilt`;
  },
};
