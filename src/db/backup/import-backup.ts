/**
 * Importing a checked backup: everything in ONE transaction (strict durability, db.ts), or
 * nothing. Conflicting patients are skipped or replaced as the caller chose after showing
 * planImport's conflicts. All writes form one history group ('import'), so one undo takes
 * the whole import back.
 */
import type { ClinicalRules } from '../../domain/clinical-rules';
import { loadClinicScales } from '../clinic-scales-load';
import { writeClinicScale } from '../clinic-scales-repo';
import { db } from '../db';
import { applyChanges, type Change } from '../history-writer';
import { refuseAll, succeed, type DbResult } from '../result';
import { runWrite, type WriteOptions } from '../write';
import type { ValidBackup } from './backup-format';
import { clinicScalesOfFile } from './clinic-scales-in-file';
import { cohortImportChanges } from './import-cohorts';
import { diffRows, planPatients, storedRows } from './plan-import';

export interface ImportOptions extends WriteOptions {
  readonly onConflict: 'skip' | 'replace';
}

export interface ImportSummary {
  /** Codes of patients added. */
  readonly added: readonly string[];
  /** Codes of patients whose stored records were replaced by the file's. */
  readonly replaced: readonly string[];
  /** Codes of conflicting patients left as stored. */
  readonly skipped: readonly string[];
  /** Records created, changed or deleted. */
  readonly changes: number;
  /** The history group of the import (null when nothing changed): undo it to take the import back. */
  readonly groupId: string | null;
  /**
   * The file's conventions in use: 'adopted' when this device had none stored, 'same', or
   * 'kept' when this device's differ (they are never replaced silently); 'none' in the file.
   */
  readonly rules: 'none' | 'adopted' | 'same' | 'kept';
  /** Versions of clinic-defined scales the file brought that this device did not have. */
  readonly clinicScales?: readonly string[];
  /**
   * Enrolments of the file not imported, present only when some were: their patient was
   * skipped (stored under another id) or the cohort kept here lacks their arm.
   */
  readonly enrolmentsLeftOut?: number;
}

const sameRules = (a: ClinicalRules, b: ClinicalRules) =>
  (['bandConvention', 'remissionRule', 'relapseRule'] as const).every((kind) => {
    const x = Object.entries(a[kind]).sort();
    const y = Object.entries(b[kind]).sort();
    return JSON.stringify(x) === JSON.stringify(y);
  });

export async function importBackup(
  backup: ValidBackup,
  options: ImportOptions,
): Promise<DbResult<ImportSummary>> {
  const result = await runWrite(async () => {
    // The file's clinic scales first, so its assessments are scored with them. Checked again
    // here: another tab may have added a scale since the file was read.
    const scales = clinicScalesOfFile(backup.clinicScales ?? []);
    if (scales.problems.length) return refuseAll([...scales.problems], 'clinic scale');
    for (const definition of scales.added)
      await writeClinicScale(
        definition,
        `import backup of ${backup.exportedAt.slice(0, 10)}: clinic-defined scale ${definition.name}`,
        options,
      );
    if (scales.added.length) await loadClinicScales(db);
    const planned = await planPatients(backup);
    const collisions = planned.flatMap((p) => p.collisions);
    if (collisions.length)
      return refuseAll(
        collisions.map((c) => `${c} Ids must be unique: nothing was imported.`),
        'record id collision',
      );
    const added = planned.filter((p) => !p.conflict);
    const conflicting = planned.filter((p) => p.conflict);
    const replace = options.onConflict === 'replace' ? conflicting : [];
    const changes: Change[] = added.flatMap((p) => diffRows([], p.rows));
    if (replace.length) {
      const stored = await storedRows(replace.flatMap((p) => p.conflict?.existingIds ?? []));
      changes.push(
        ...diffRows(
          stored,
          replace.flatMap((p) => p.rows),
        ),
      );
    }
    const fileIds = new Set(planned.map((p) => p.patient.id));
    const cohorts = await cohortImportChanges(backup, {
      written: new Set([...added, ...replace].map((p) => p.patient.id)),
      removed: new Set(
        replace.flatMap((p) => p.conflict?.existingIds ?? []).filter((id) => !fileIds.has(id)),
      ),
      onConflict: options.onConflict,
    });
    if (!cohorts.ok) return cohorts;
    changes.push(...cohorts.value.changes);
    const name = `import backup of ${backup.exportedAt.slice(0, 10)}`;
    const groupId = changes.length ? await applyChanges({ name, by: options.by }, changes) : null;
    let rules: ImportSummary['rules'] = 'none';
    if (backup.clinicalRules) {
      const stored = await db.meta.get('clinicalRules');
      if (stored?.key !== 'clinicalRules') {
        await db.meta.put({ key: 'clinicalRules', value: backup.clinicalRules });
        rules = 'adopted';
      } else rules = sameRules(stored.value, backup.clinicalRules) ? 'same' : 'kept';
    }
    return succeed({
      added: added.map((p) => p.patient.code),
      replaced: replace.map((p) => p.patient.code),
      skipped: options.onConflict === 'skip' ? conflicting.map((p) => p.patient.code) : [],
      changes: changes.length,
      groupId,
      rules,
      ...(scales.added.length ? { clinicScales: scales.added.map((d) => d.version) } : {}),
      ...(cohorts.value.leftOut ? { enrolmentsLeftOut: cohorts.value.leftOut } : {}),
    });
  });
  // In step with the table whether the import was written or rolled back.
  await loadClinicScales(db);
  return result;
}
