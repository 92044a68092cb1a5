/**
 * Rebuilding every patient summary from the records, through whatever opens the tables: the
 * app's db (summary-writer.ts) or a version upgrade's transaction (migrations/v4). It does
 * not import the db, so the migration steps that versions.ts lists can use it.
 */
import type { Table } from 'dexie';
import { DEFAULT_RULES, type ClinicalRules } from '../domain/clinical-rules';
import { summarizeAll } from './patient-summary';
import type {
  Assessment,
  MetaRecord,
  Patient,
  PatientSummary,
  SafetyAck,
  TreatmentEvent,
  Visit,
} from './schema';

/** The rules in use, read through `meta` (the app's db or an upgrade's transaction). */
export async function rulesIn(
  meta: Pick<Table<MetaRecord, string>, 'get'>,
): Promise<ClinicalRules> {
  const row = await meta.get('clinicalRules');
  return row?.key === 'clinicalRules' ? row.value : DEFAULT_RULES;
}

type TableOf = <T>(name: string) => Table<T, string>;

/** Every summary recomputed from the records, through `table` (db or an upgrade's tx). */
export async function rebuildSummariesIn(table: TableOf): Promise<number> {
  const [patients, events, visits, assessments, safetyAcks, rules] = await Promise.all([
    table<Patient>('patients').toArray(),
    table<TreatmentEvent>('events').toArray(),
    table<Visit>('visits').toArray(),
    table<Assessment>('assessments').toArray(),
    table<SafetyAck>('safetyAcks').toArray(),
    rulesIn(table<MetaRecord>('meta')),
  ]);
  const summaries = summarizeAll(patients, { events, visits, assessments, safetyAcks }, rules);
  const target = table<PatientSummary>('patientSummaries');
  await target.clear();
  await target.bulkPut(summaries);
  return summaries.length;
}
