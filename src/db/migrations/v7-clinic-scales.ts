import type { Transaction } from 'dexie';
import type { Assessment } from '../schema';
import type { MigrationStep } from './migration-step';

/**
 * v7 adds the table of clinic-defined scales (scale definitions imported from FHIR
 * Questionnaires), empty. No assessment can refer to one yet: the step checks it, since an
 * assessment of a scale without its definition could not be scored.
 */
export const v7ClinicScales: MigrationStep = {
  version: 7,
  name: 'v7-clinic-scales',
  run: async (tx: Transaction) => {
    const orphans = await tx
      .table<Assessment, string>('assessments')
      .filter((a) => a.scaleId.startsWith('clinic:'))
      .count();
    if (orphans > 0)
      throw new Error(`${orphans} assessments name a clinic-defined scale with no definition`);
    const count = await tx.table('scaleDefinitions').count();
    return `clinic scale table made (${count} definitions)`;
  },
};
