/** Writing a backup: the whole database or one patient, as a versioned JSON object. */
import type { ClinicalRules } from '../../domain/clinical-rules';
import { SCALE_IDS } from '../../domain/scales/registry';
import { db } from '../db';
import { assessmentDataOf, patientDataOf } from '../derived';
import { setMeta } from '../meta-repo';
import { readPatientBundle } from '../patient-bundle';
import { withoutStamps } from '../revision';
import type { Assessment, Patient, SafetyAck, TreatmentEvent, Visit } from '../schema';
import { refuse, succeed, type DbResult } from '../result';
import { runRead } from '../write';
import { APP_VERSION } from './app-version';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type Backup } from './backup-format';

export type ExportScope =
  { readonly scope: 'all' } | { readonly scope: 'patient'; readonly patientId: string };

interface StoredRows {
  readonly patients: readonly Patient[];
  readonly events: readonly TreatmentEvent[];
  readonly visits: readonly Visit[];
  readonly assessments: readonly Assessment[];
  readonly safetyAcks: readonly SafetyAck[];
}

async function readAll(): Promise<StoredRows> {
  const [patients, events, visits, assessments, safetyAcks] = await Promise.all([
    db.patients.toArray(),
    db.events.toArray(),
    db.visits.toArray(),
    db.assessments.toArray(),
    db.safetyAcks.toArray(),
  ]);
  return { patients, events, visits, assessments, safetyAcks };
}

async function readOne(patientId: string): Promise<StoredRows | null> {
  const { patient, ...rows } = await readPatientBundle(patientId);
  return patient ? { ...rows, patients: [patient] } : null;
}

const byKeys =
  <T>(...keys: ((row: T) => string | number)[]) =>
  (a: T, b: T): number => {
    for (const key of keys) {
      const x = key(a);
      const y = key(b);
      if (x < y) return -1;
      if (x > y) return 1;
    }
    return 0;
  };

/** Rows in a fixed order (patients by code; the rest by patient, date, id): equal data, equal file. */
function assemble(
  rows: StoredRows,
  exportedAt: string,
  scope: Backup['scope'],
  clinicalRules: ClinicalRules | null,
): Backup {
  const patients = [...rows.patients].sort(
    byKeys<Patient>(
      (p) => p.codeKey,
      (p) => p.id,
    ),
  );
  const order = new Map(patients.map((p, i) => [p.id, i]));
  const rank = (row: { patientId: string }) => order.get(row.patientId) ?? -1;
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt,
    appVersion: APP_VERSION,
    scope,
    ...(clinicalRules ? { clinicalRules } : {}),
    patients: patients.map(patientDataOf),
    events: [...rows.events]
      .sort(
        byKeys<TreatmentEvent>(
          rank,
          (e) => e.date,
          (e) => e.id,
        ),
      )
      .map(withoutStamps),
    visits: [...rows.visits]
      .sort(
        byKeys<Visit>(
          rank,
          (v) => v.date,
          (v) => v.id,
        ),
      )
      .map(withoutStamps),
    assessments: [...rows.assessments]
      .sort(
        byKeys<Assessment>(
          rank,
          (a) => a.date,
          (a) => SCALE_IDS.indexOf(a.scaleId),
          (a) => a.id,
        ),
      )
      .map(assessmentDataOf),
    safetyAcks: [...rows.safetyAcks]
      .sort(
        byKeys<SafetyAck>(
          rank,
          (k) => k.acknowledgedAt,
          (k) => k.id,
        ),
      )
      .map(withoutStamps),
  };
}

/** The backup of everything or of one patient, read in one transaction; records nothing. */
export async function readBackup(scope: ExportScope): Promise<DbResult<Backup>> {
  const exportedAt = new Date().toISOString();
  const [rows, rules] = await runRead(() =>
    Promise.all([
      scope.scope === 'all' ? readAll() : readOne(scope.patientId),
      db.meta.get('clinicalRules'),
    ]),
  );
  if (!rows)
    return refuse(
      `There is no patient with id ${scope.scope === 'patient' ? scope.patientId : ''}.`,
    );
  return succeed(
    assemble(rows, exportedAt, scope.scope, rules?.key === 'clinicalRules' ? rules.value : null),
  );
}

/**
 * The backup to save as a file. A backup of everything is recorded as the last export
 * (meta `lastExportAt`), which the app uses to remind the clinic to back up.
 */
export async function exportBackup(
  scope: ExportScope = { scope: 'all' },
): Promise<DbResult<Backup>> {
  const backup = await readBackup(scope);
  if (backup.ok && scope.scope === 'all') await setMeta('lastExportAt', backup.value.exportedAt);
  return backup;
}

export function backupToJson(backup: Backup): string {
  return `${JSON.stringify(backup, null, 2)}\n`;
}

export function backupToBlob(backup: Backup): Blob {
  return new Blob([backupToJson(backup)], { type: 'application/json' });
}

/** 'trajectory-backup-2024-01-05.json', or 'trajectory-DEZ-001-2024-01-05.json' for one patient. */
export function backupFileName(backup: Backup): string {
  const day = backup.exportedAt.slice(0, 10);
  const code = backup.patients[0]?.code ?? 'patient';
  const what = backup.scope === 'all' ? 'backup' : code.replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return `trajectory-${what}-${day}.json`;
}
