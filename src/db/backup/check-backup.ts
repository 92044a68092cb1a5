/**
 * Checks between the records of a backup, after each record passed its own shape check:
 * unique ids and codes, every reference resolving inside the file, the rules the
 * repositories keep (one index event, one draft visit, visits on one day only with distinct times, one assessment
 * per scale and visit), and every score checked by the domain (validateEntry).
 */
import type { AssessmentEntry } from '../../domain/assessment';
import { scalesInUse } from '../../domain/scales/registry';
import type { ScaleRegistry } from '../../domain/scales/scale-registry';
import type { Issue } from '../../domain/validation';
import { validateEntry } from '../../domain/validation';
import { visitSlotClash } from '../../domain/visit-time';
import type { Visit } from '../schema';
import { codeKeyOf } from '../derived';
import { formatPath } from '../record-schemas';
import { BACKUP_TABLES, type BackupTable, type BackupTables } from './backup-format';
import { checkCohorts } from './check-cohorts';

/** A record that passed its shape check, with its place in the file. */
export interface Placed<T> {
  readonly at: number;
  readonly record: T;
}

export type PlacedTables = {
  readonly [K in BackupTable]: readonly Placed<NonNullable<BackupTables[K]>[number]>[];
};

/** Ids seen in each table, valid record or not, so that a broken record is reported once. */
export type SeenIds = { readonly [K in BackupTable]: ReadonlySet<string> };

const where = (table: BackupTable, at: number, field: string) => `${table}[${at}].${field}`;

/** 'item 3' of an items entry is responses[2]; of a summary, items["3"]. */
function entryPath(entry: AssessmentEntry, issue: Issue): string {
  const item = /^item (\S+)$/.exec(issue.field);
  const subscale = /^subscale (.+)$/.exec(issue.field);
  if (item?.[1] !== undefined) {
    return entry.mode === 'items'
      ? formatPath(['responses', Number(item[1]) - 1], 'entry')
      : formatPath(['items', item[1]], 'entry');
  }
  if (subscale?.[1] !== undefined) return formatPath(['subscales', subscale[1]], 'entry');
  if (issue.field === 'total') return 'entry.total';
  if (issue.field === 'items') return 'entry.responses';
  return 'entry';
}

function duplicateIds(
  table: BackupTable,
  rows: readonly Placed<{ id: string }>[],
  problems: string[],
): void {
  const first = new Map<string, number>();
  for (const { at, record } of rows) {
    const earlier = first.get(record.id);
    if (earlier === undefined) first.set(record.id, at);
    else problems.push(`${where(table, at, 'id')}: the same id as ${table}[${earlier}]`);
  }
}

/**
 * `registry`: the scales the file's assessments may use, every version: the built-in ones,
 * those stored on this device and those the file carries (clinic-scales-in-file.ts).
 */
export function checkBackup(
  tables: PlacedTables,
  seen: SeenIds,
  registry: ScaleRegistry = scalesInUse(),
): string[] {
  const problems: string[] = [];
  for (const table of BACKUP_TABLES) duplicateIds(table, tables[table], problems);
  problems.push(...checkCohorts(tables, seen));
  const codeOf = new Map(tables.patients.map(({ record }) => [record.id, record.code]));
  const byCode = new Map<string, Placed<{ code: string }>>();
  for (const placed of tables.patients) {
    const key = codeKeyOf(placed.record.code);
    const earlier = byCode.get(key);
    if (earlier) {
      problems.push(
        `${where('patients', placed.at, 'code')}: "${placed.record.code}" is also the code of patients[${earlier.at}] ("${earlier.record.code}"); codes must be unique, ignoring case`,
      );
    } else byCode.set(key, placed);
  }
  const patientRef = (table: BackupTable, at: number, patientId: string): boolean => {
    if (seen.patients.has(patientId)) return codeOf.has(patientId);
    problems.push(`${where(table, at, 'patientId')}: no patient with id ${patientId} in this file`);
    return false;
  };
  const indexOf = new Map<string, number>();
  for (const { at, record } of tables.events) {
    if (!patientRef('events', at, record.patientId) || !record.isIndex) continue;
    const earlier = indexOf.get(record.patientId);
    if (earlier === undefined) indexOf.set(record.patientId, at);
    else
      problems.push(
        `${where('events', at, 'isIndex')}: patient ${codeOf.get(record.patientId) ?? ''} already has an index event (events[${earlier}]); a patient has at most one`,
      );
  }
  const visits = new Map(tables.visits.map((v) => [v.record.id, v]));
  for (const { at, record } of tables.patients) {
    const chosen = record.baselineVisitId;
    if (chosen !== undefined && visits.get(chosen)?.record.patientId !== record.id)
      problems.push(
        `${where('patients', at, 'baselineVisitId')}: no visit with id ${chosen} of patient ${record.code} in this file`,
      );
  }
  const visitDates = new Map<string, { at: number; record: Visit }[]>();
  const drafts = new Map<string, number>();
  // Visits whose patient is missing: their assessments' patientId is not reported again.
  const orphans = new Set<string>();
  for (const { at, record } of tables.visits) {
    if (!patientRef('visits', at, record.patientId)) {
      orphans.add(record.id);
      continue;
    }
    const code = codeOf.get(record.patientId) ?? '';
    const dateKey = `${record.patientId}/${record.date}`;
    const sameDate = visitDates.get(dateKey) ?? [];
    const clash = visitSlotClash(
      sameDate.map((s) => s.record),
      record,
      `patient ${code}`,
    );
    if (clash)
      problems.push(
        `${where('visits', at, record.time === undefined ? 'date' : 'time')}: ${clash} (visits[${sameDate.map((s) => s.at).join('], visits[')}])`,
      );
    visitDates.set(dateKey, [...sameDate, { at, record }]);
    if (record.status !== 'draft') continue;
    const draft = drafts.get(record.patientId);
    if (draft === undefined) drafts.set(record.patientId, at);
    else
      problems.push(
        `${where('visits', at, 'status')}: patient ${code} already has a draft visit (visits[${draft}]); a patient has at most one`,
      );
  }
  const assessments = new Map(tables.assessments.map((a) => [a.record.id, a.record]));
  const scalesInVisit = new Map<string, number>();
  for (const { at, record: a } of tables.assessments) {
    // Every known version is accepted; the entry is checked against the one it was made with.
    const scale = registry.find(a.scaleId, a.scaleVersion);
    const known = registry.versions(a.scaleId);
    const current = registry.current.find((s) => s.id === a.scaleId);
    if (!current) {
      const date = visits.get(a.visitId)?.record.date;
      problems.push(
        `${where('assessments', at, 'scaleId')} (patient ${codeOf.get(a.patientId) ?? a.patientId}, visit of ${date ?? a.date}): "${a.scaleId}" is a clinic-defined scale this device does not have, and the file does not carry its definition (clinicScales); import the scale first, or a backup made with it`,
      );
      continue;
    }
    if (!scale) {
      problems.push(
        `${where('assessments', at, 'scaleVersion')}: "${a.scaleVersion}" is not a ${a.scaleId} version this app knows (${known.map((v) => `"${v}"`).join(', ')})`,
      );
    }
    const valid = validateEntry(scale ?? current, a.entry);
    if (!valid.ok) {
      for (const issue of valid.issues)
        problems.push(`assessments[${at}].${entryPath(a.entry, issue)}: ${issue.message}`);
    }
    const visit = visits.get(a.visitId)?.record;
    if (!visit) {
      if (!seen.visits.has(a.visitId))
        problems.push(
          `${where('assessments', at, 'visitId')}: no visit with id ${a.visitId} in this file`,
        );
      continue;
    }
    if (a.patientId !== visit.patientId && !orphans.has(visit.id))
      problems.push(
        `${where('assessments', at, 'patientId')}: not the patient of its visit (${visit.patientId})`,
      );
    if (a.date !== visit.date)
      problems.push(
        `${where('assessments', at, 'date')}: ${a.date} is not the date of its visit (${visit.date})`,
      );
    if (a.status !== visit.status)
      problems.push(
        `${where('assessments', at, 'status')}: "${a.status}" in a ${visit.status} visit; an assessment has the status of its visit`,
      );
    const key = `${a.visitId}/${a.scaleId}`;
    const earlier = scalesInVisit.get(key);
    if (earlier === undefined) scalesInVisit.set(key, at);
    else
      problems.push(
        `${where('assessments', at, 'scaleId')}: a second ${a.scaleId} in the visit of ${visit.date} (assessments[${earlier}])`,
      );
  }
  for (const { at, record: ack } of tables.safetyAcks) {
    const a = assessments.get(ack.assessmentId);
    if (!a) {
      if (!seen.assessments.has(ack.assessmentId))
        problems.push(
          `${where('safetyAcks', at, 'assessmentId')}: no assessment with id ${ack.assessmentId} in this file`,
        );
      continue;
    }
    if (ack.patientId !== a.patientId)
      problems.push(
        `${where('safetyAcks', at, 'patientId')}: not the patient of its assessment (${a.patientId})`,
      );
    if (ack.scaleId !== a.scaleId)
      problems.push(
        `${where('safetyAcks', at, 'scaleId')}: ${ack.scaleId} but its assessment is ${a.scaleId}`,
      );
    const scale =
      registry.find(a.scaleId, a.scaleVersion) ?? registry.current.find((s) => s.id === a.scaleId);
    if (!scale?.safety.some((rule) => rule.item === ack.item)) {
      problems.push(
        `${where('safetyAcks', at, 'item')}: ${a.scaleId} item ${ack.item} has no safety rule`,
      );
    }
  }
  return problems;
}
