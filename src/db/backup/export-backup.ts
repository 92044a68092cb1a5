/**
 * Reading a backup into memory: the whole database or one patient, as a versioned object (for
 * CSV, FHIR and REDCap exports and tests). Backup files are written by export-stream.ts.
 */
import type { ClinicalRules } from '../../domain/clinical-rules';
import type { ScaleDefinition } from '../../domain/scale-types';
import { inRegistryOrder } from '../clinic-scales-load';
import { SCALE_IDS } from '../../domain/scales/registry';
import { db } from '../db';
import { assessmentDataOf, patientDataOf } from '../derived';
import { readPatientBundle } from '../patient-bundle';
import { withoutStamps } from '../revision';
import type {
  Assessment,
  Cohort,
  Enrolment,
  Patient,
  SafetyAck,
  TreatmentEvent,
  Visit,
} from '../schema';
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
  /** Only in a backup of everything (a cohort is the clinic's, not one patient's). */
  readonly cohorts?: readonly Cohort[];
  readonly enrolments?: readonly Enrolment[];
}

async function readAll(): Promise<StoredRows> {
  const [patients, events, visits, assessments, safetyAcks, cohorts, enrolments] =
    await Promise.all([
      db.patients.toArray(),
      db.events.toArray(),
      db.visits.toArray(),
      db.assessments.toArray(),
      db.safetyAcks.toArray(),
      db.cohorts.toArray(),
      db.enrolments.toArray(),
    ]);
  return { patients, events, visits, assessments, safetyAcks, cohorts, enrolments };
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
  clinicScales: readonly ScaleDefinition[],
): Backup {
  const patients = [...rows.patients].sort(
    byKeys<Patient>(
      (p) => p.codeKey,
      (p) => p.id,
    ),
  );
  const order = new Map(patients.map((p, i) => [p.id, i]));
  const rank = (row: { patientId: string }) => order.get(row.patientId) ?? -1;
  // Several visits on one day: their assessments follow the visits' times.
  const timeOf = new Map(rows.visits.map((v) => [v.id, v.time]));
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt,
    appVersion: APP_VERSION,
    scope,
    ...(clinicalRules ? { clinicalRules } : {}),
    ...(clinicScales.length ? { clinicScales } : {}),
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
          (v) => v.time ?? '',
          (v) => v.id,
        ),
      )
      .map(withoutStamps),
    assessments: [...rows.assessments]
      .sort(
        byKeys<Assessment>(
          rank,
          (a) => a.date,
          (a) => timeOf.get(a.visitId) ?? '',
          (a) => a.visitId,
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
    ...(rows.cohorts
      ? {
          cohorts: [...rows.cohorts]
            .sort(
              byKeys<Cohort>(
                (c) => c.name,
                (c) => c.id,
              ),
            )
            .map(withoutStamps),
        }
      : {}),
    ...(rows.enrolments
      ? {
          enrolments: [...rows.enrolments]
            .sort(
              byKeys<Enrolment>(
                (e) => e.cohortId,
                (e) => e.patientId,
                (e) => e.id,
              ),
            )
            .map(withoutStamps),
        }
      : {}),
  };
}

/** The backup of everything or of one patient, read in one transaction; records nothing. */
export async function readBackup(scope: ExportScope): Promise<DbResult<Backup>> {
  const exportedAt = new Date().toISOString();
  const [rows, rules, scales] = await runRead(() =>
    Promise.all([
      scope.scope === 'all' ? readAll() : readOne(scope.patientId),
      db.meta.get('clinicalRules'),
      db.scaleDefinitions.toArray(),
    ]),
  );
  if (!rows)
    return refuse(
      `There is no patient with id ${scope.scope === 'patient' ? scope.patientId : ''}.`,
    );
  return succeed(
    assemble(
      rows,
      exportedAt,
      scope.scope,
      rules?.key === 'clinicalRules' ? rules.value : null,
      inRegistryOrder(scales).map((r) => r.definition),
    ),
  );
}
