import type { Transaction } from 'dexie';
import type { MigrationStep } from './migration-step';

/**
 * v8 (issue 14) adds the `cohorts` and `enrolments` tables. Nothing existing is converted:
 * the cohorts by drug stay computed from the events, and stored cohorts start empty. The
 * step checks that both tables came up empty and says so in the migration log, so a device's
 * log shows when stored cohorts became available there.
 */
export const v8CohortTables: MigrationStep = {
  version: 8,
  name: 'v8-cohort-tables',
  run: async (tx: Transaction) => {
    const cohorts = await tx.table('cohorts').count();
    const enrolments = await tx.table('enrolments').count();
    return `cohorts and enrolments tables added (${cohorts} cohorts, ${enrolments} enrolments)`;
  },
};
