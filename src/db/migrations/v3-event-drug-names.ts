import type { Transaction } from 'dexie';
import { DRUG_EVENT_KINDS, structuredDrugName } from '../../domain/cohort/drug-name';
import type { TreatmentEvent } from '../schema';
import { eachRecord, type MigrationStep } from './migration-step';

/**
 * Before v3 a treatment event's drug was optional free text: a dose recorded as only
 * "Ketamine " in the label had no drug, so patients could not be grouped by drug. v3 gives
 * every dose or medication event a structured drug name: the drug as typed (trimmed, inner
 * space collapsed), else the label. Each change is written to history ('migration v3') so the
 * clinic can see and undo it. Grouping compares `drugKey` (case-insensitive), not the text.
 */
export const v3EventDrugNames: MigrationStep = {
  version: 3,
  name: 'v3-event-drug-names',
  run: async (tx: Transaction) => {
    const table = tx.table<TreatmentEvent, string>('events');
    const events = await table.toArray();
    type Change = { before: TreatmentEvent; after: TreatmentEvent };
    const changed = eachRecord('events', events, (before): Change | null => {
      if (!DRUG_EVENT_KINDS.includes(before.kind)) return null;
      const drug = structuredDrugName(before);
      if (drug === null || drug === before.drug) return null;
      return { before, after: { ...before, drug } };
    }).filter((c) => c !== null);
    await table.bulkPut(changed.map((c) => c.after));
    if (changed.length) {
      const at = new Date().toISOString();
      const groupId = crypto.randomUUID();
      await tx.table('history').bulkAdd(
        changed.map(({ before, after }) => ({
          table: 'events',
          recordId: after.id,
          patientId: after.patientId,
          action: 'update',
          at,
          by: 'migration v3',
          groupId,
          operation: 'give dose and medication events a structured drug name',
          before,
          after,
        })),
      );
    }
    const list = changed.map(
      (c) => `"${c.before.drug ?? c.before.label}" -> "${c.after.drug ?? ''}"`,
    );
    return `${events.length} events read; ${changed.length} drug names set${list.length ? `: ${list.join(', ')}` : ''}`;
  },
};
