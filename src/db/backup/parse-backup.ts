/**
 * Reading a backup file. Everything is checked before anything could be written: JSON
 * syntax, format and version, the shape of every record, the references between records
 * and every score (by the domain). The answer is the checked backup, or every problem, each
 * naming where it is: "assessments[3].entry.responses[2]: HAMD-17 item 3 must be between
 * 0 and 4 (got 7)." A version 2 file's checksum is verified first: an altered or truncated
 * file is refused as such, before its records are read.
 */
import '../zod-setup';
import { z } from 'zod';
import { SCALE_IDS } from '../../domain/scales/registry';
import {
  assessmentDataSchema,
  cohortDataSchema,
  enrolmentSchema,
  eventSchema,
  patientDataSchema,
  safetyAckSchema,
  timestampSchema,
  visitSchema,
  zodProblems,
} from '../record-schemas';
import { refuseAll, succeed, type DbResult } from '../result';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  OLDEST_FORMAT_VERSION,
  type Backup,
  type BackupTable,
  type ValidBackup,
} from './backup-format';
import { BackupHasher } from './backup-text';
import { checkBackup, type Placed, type PlacedTables, type SeenIds } from './check-backup';
import { clinicScaleSchema } from './clinic-scale-schema';
import { clinicScalesOfFile } from './clinic-scales-in-file';
import { describeJsonError } from './json-error';
import { decodeUtf8, scanJson } from './json-scan';

/** More than this many problems are summed up in one last line. */
export const MAX_PROBLEMS = 200;

// Rule ids are not checked against the scales: a stale id falls back to the default, and the
// course says so (src/domain/course.ts).
const ruleMap = z.partialRecord(z.enum(SCALE_IDS), z.string().min(1).max(100));
const clinicalRulesSchema = z.strictObject({
  bandConvention: ruleMap,
  remissionRule: ruleMap,
  relapseRule: ruleMap,
});

const headerFields = {
  format: z.literal(BACKUP_FORMAT),
  exportedAt: timestampSchema,
  appVersion: z.string().max(100).exactOptional(),
  scope: z.enum(['all', 'patient']),
  patients: z.array(z.unknown()),
  events: z.array(z.unknown()),
  visits: z.array(z.unknown()),
  assessments: z.array(z.unknown()),
  safetyAcks: z.array(z.unknown()),
  cohorts: z.array(z.unknown()).exactOptional(),
  enrolments: z.array(z.unknown()).exactOptional(),
  clinicalRules: clinicalRulesSchema.exactOptional(),
  clinicScales: z.array(clinicScaleSchema).max(200).exactOptional(),
};

const checksumSchema = z.strictObject({
  algorithm: z.literal('SHA-256'),
  value: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest in lower-case hex'),
});

const headerSchemas = {
  1: z.strictObject({ ...headerFields, formatVersion: z.literal(1) }),
  2: z.strictObject({ ...headerFields, formatVersion: z.literal(2), checksum: checksumSchema }),
} as const;

/** Said when a version 2 file's records do not hash to its checksum. */
export const CHECKSUM_MISMATCH =
  "The file's checksum does not match its content: the file was altered or cut short after it was exported. Nothing was imported; use another copy of the backup.";

const show = (value: unknown): string => (value === undefined ? 'missing' : JSON.stringify(value));

const kindOf = (value: unknown) =>
  Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;

/** Format and version first: a file from a newer app is refused before its records are read. */
function checkEnvelope(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return `The file is not a Trajectory backup: it holds ${kindOf(data)}, not a JSON object.`;
  }
  const { format, formatVersion } = data as { format?: unknown; formatVersion?: unknown };
  if (format !== BACKUP_FORMAT) {
    return `The file is not a Trajectory backup: format is ${show(format)} (expected "${BACKUP_FORMAT}").`;
  }
  if (typeof formatVersion !== 'number' || !Number.isInteger(formatVersion)) {
    return `formatVersion must be a whole number (got ${show(formatVersion)}).`;
  }
  if (formatVersion > BACKUP_FORMAT_VERSION) {
    return `formatVersion ${formatVersion} is newer than this app understands (${BACKUP_FORMAT_VERSION}): update the app, then import the file again.`;
  }
  if (formatVersion < OLDEST_FORMAT_VERSION) {
    return `formatVersion ${formatVersion} is not a version this app knows (it reads ${OLDEST_FORMAT_VERSION} to ${BACKUP_FORMAT_VERSION}).`;
  }
  return null;
}

function idOf(row: unknown): string | null {
  const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : null;
}

function placeRows<T>(
  table: BackupTable,
  schema: z.ZodType<T>,
  rows: readonly unknown[],
  problems: string[],
): { placed: Placed<T>[]; seen: Set<string> } {
  const placed: Placed<T>[] = [];
  const seen = new Set<string>();
  rows.forEach((row, at) => {
    const id = idOf(row);
    if (id !== null) seen.add(id);
    const parsed = schema.safeParse(row);
    if (parsed.success) placed.push({ at, record: parsed.data });
    else problems.push(...zodProblems(parsed.error, `${table}[${at}]`));
  });
  return { placed, seen };
}

function capped(problems: readonly string[]): string[] {
  if (problems.length <= MAX_PROBLEMS) return [...problems];
  return [
    ...problems.slice(0, MAX_PROBLEMS),
    `… and ${problems.length - MAX_PROBLEMS} more problems.`,
  ];
}

export function parseBackup(text: string): DbResult<ValidBackup> {
  let data: unknown;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // Syntax (with line and column), forbidden keys and nesting depth, before JSON.parse.
  const scanned = scanJson(body);
  if (!scanned.ok) return refuseAll([scanned.message]);
  try {
    data = JSON.parse(body);
  } catch (error) {
    return refuseAll([describeJsonError(error, body)]);
  }
  const envelope = checkEnvelope(data);
  if (envelope) return refuseAll([envelope]);
  const version = (data as { formatVersion: 1 | 2 }).formatVersion;
  const header = headerSchemas[version].safeParse(data);
  if (!header.success) return refuseAll(capped(zodProblems(header.error)), 'problem');
  if ('checksum' in header.data) {
    const hasher = new BackupHasher(header.data);
    for (const table of BACKUP_TABLES) {
      // A file made before stored cohorts has no such key, and its checksum does not name it.
      const rows = header.data[table];
      if (rows === undefined) continue;
      hasher.table(table);
      for (const record of rows) hasher.record(record);
    }
    if (hasher.digest().value !== header.data.checksum.value) return refuseAll([CHECKSUM_MISMATCH]);
  }
  const problems: string[] = [];
  const patients = placeRows('patients', patientDataSchema, header.data.patients, problems);
  const events = placeRows('events', eventSchema, header.data.events, problems);
  const visits = placeRows('visits', visitSchema, header.data.visits, problems);
  const assessments = placeRows(
    'assessments',
    assessmentDataSchema,
    header.data.assessments,
    problems,
  );
  const safetyAcks = placeRows('safetyAcks', safetyAckSchema, header.data.safetyAcks, problems);
  const cohorts = placeRows('cohorts', cohortDataSchema, header.data.cohorts ?? [], problems);
  const enrolments = placeRows(
    'enrolments',
    enrolmentSchema,
    header.data.enrolments ?? [],
    problems,
  );
  const tables: PlacedTables = {
    cohorts: cohorts.placed,
    enrolments: enrolments.placed,
    patients: patients.placed,
    events: events.placed,
    visits: visits.placed,
    assessments: assessments.placed,
    safetyAcks: safetyAcks.placed,
  };
  const seen: SeenIds = {
    cohorts: cohorts.seen,
    enrolments: enrolments.seen,
    patients: patients.seen,
    events: events.seen,
    visits: visits.seen,
    assessments: assessments.seen,
    safetyAcks: safetyAcks.seen,
  };
  const scales = clinicScalesOfFile(header.data.clinicScales ?? []);
  problems.push(...scales.problems);
  problems.push(...checkBackup(tables, seen, scales.registry));
  if (header.data.scope === 'patient' && header.data.patients.length !== 1) {
    problems.push(`scope: "patient" but the file holds ${header.data.patients.length} patients`);
  }
  if (problems.length) return refuseAll(capped(problems));
  const backup: Backup & Pick<ValidBackup, 'checksum'> = {
    format: BACKUP_FORMAT,
    formatVersion: header.data.formatVersion,
    exportedAt: header.data.exportedAt,
    ...(header.data.appVersion === undefined ? {} : { appVersion: header.data.appVersion }),
    scope: header.data.scope,
    ...(header.data.clinicalRules === undefined
      ? {}
      : { clinicalRules: header.data.clinicalRules }),
    ...(header.data.clinicScales?.length ? { clinicScales: header.data.clinicScales } : {}),
    patients: patients.placed.map((p) => p.record),
    events: events.placed.map((p) => p.record),
    visits: visits.placed.map((p) => p.record),
    assessments: assessments.placed.map((p) => p.record),
    safetyAcks: safetyAcks.placed.map((p) => p.record),
    ...(header.data.cohorts === undefined ? {} : { cohorts: cohorts.placed.map((p) => p.record) }),
    ...(header.data.enrolments === undefined
      ? {}
      : { enrolments: enrolments.placed.map((p) => p.record) }),
    checksum: 'checksum' in header.data ? 'verified' : 'absent',
  };
  // The one place a backup becomes a ValidBackup: every check above has passed.
  return succeed(backup as ValidBackup);
}

/** A backup file as read from disk: refused unless it is valid UTF-8, then parseBackup. */
export function parseBackupBytes(bytes: ArrayBuffer | Uint8Array): DbResult<ValidBackup> {
  const decoded = decodeUtf8(bytes);
  return decoded.ok ? parseBackup(decoded.text) : refuseAll([decoded.message]);
}
