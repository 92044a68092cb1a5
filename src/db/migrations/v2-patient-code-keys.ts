import type { Transaction } from 'dexie';
import { codeKeyOf, nameWordsOf } from '../derived';
import type { Patient, PatientData } from '../schema';
import { eachRecord, type MigrationStep } from './migration-step';

/**
 * v1 kept `code` unique as typed, so 'DEZ-001' and 'dez-001' could both exist. v2 makes codes
 * unique ignoring case through `codeKey` and adds `nameWords` for name search. Codes are
 * trimmed; a code that now clashes with an earlier patient's (oldest first) gets a suffix
 * ('dez-001-2'), and the rename is written to history so the clinic can see and undo it.
 */
export const v2PatientCodeKeys: MigrationStep = {
  version: 2,
  name: 'v2-patient-code-keys',
  run: async (tx: Transaction) => {
    const table = tx.table<PatientData, string>('patients');
    const old = await table.toArray();
    old.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    const taken = new Set<string>();
    const renamed: { before: Patient; after: Patient }[] = [];
    const upgraded = eachRecord('patients', old, (patient): Patient => {
      const trimmed = patient.code.trim();
      let code = trimmed;
      for (let n = 2; taken.has(codeKeyOf(code)); n += 1) code = `${trimmed}-${n}`;
      taken.add(codeKeyOf(code));
      const nameWords = nameWordsOf(patient.name);
      const after: Patient = { ...patient, code, codeKey: codeKeyOf(code), nameWords };
      if (code !== patient.code) {
        renamed.push({
          before: { ...patient, codeKey: codeKeyOf(patient.code), nameWords },
          after,
        });
      }
      return after;
    });
    await tx.table<Patient, string>('patients').bulkPut(upgraded);
    if (renamed.length) {
      const at = new Date().toISOString();
      const groupId = crypto.randomUUID();
      await tx.table('history').bulkAdd(
        renamed.map(({ before, after }) => ({
          table: 'patients',
          recordId: after.id,
          patientId: after.id,
          action: 'update',
          at,
          by: 'migration v2',
          groupId,
          operation: 'make patient codes unique ignoring case',
          before,
          after,
        })),
      );
    }
    const list = renamed.map((r) => `"${r.before.code}" -> "${r.after.code}"`).join(', ');
    return `${upgraded.length} patients keyed; ${renamed.length} codes changed${list ? `: ${list}` : ''}`;
  },
};
