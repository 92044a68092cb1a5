import type { Table, Transaction } from 'dexie';
import { rebuildSummariesIn } from '../summary-rebuild';
import type { MigrationStep } from './migration-step';

/**
 * v4 adds the per-patient summary the patient list reads (schema.ts PatientSummary): built
 * here from every patient's records and the clinical rules in use. It is derived data, so
 * nothing is written to history.
 */
export const v4PatientSummaries: MigrationStep = {
  version: 4,
  name: 'v4-patient-summaries',
  run: async (tx: Transaction) => {
    const count = await rebuildSummariesIn(<T>(name: string): Table<T, string> =>
      tx.table<T, string>(name),
    );
    return `${count} patient ${count === 1 ? 'summary' : 'summaries'} built`;
  },
};
