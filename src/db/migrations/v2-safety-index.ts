import type { Transaction } from 'dexie';
import { withAssessmentKeys } from '../derived';
import type { Assessment, AssessmentData } from '../schema';
import { eachRecord, type MigrationStep } from './migration-step';

/** Fills `flaggedItems` (safety items at or above threshold) for the new multi-entry index. */
export const v2SafetyIndex: MigrationStep = {
  version: 2,
  name: 'v2-assessment-safety-index',
  run: async (tx: Transaction) => {
    const old = await tx.table<AssessmentData, string>('assessments').toArray();
    const upgraded = eachRecord('assessments', old, withAssessmentKeys);
    await tx.table<Assessment, string>('assessments').bulkPut(upgraded);
    const flagged = upgraded.filter((a) => a.flaggedItems.length > 0).length;
    return `${upgraded.length} assessments indexed; ${flagged} with a safety item at threshold`;
  },
};
