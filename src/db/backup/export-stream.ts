/**
 * Exporting a backup as a stream: records are read a page of patients at a time, written as
 * pieces of version 2 text (backup-text.ts), gzip-compressed by the browser's
 * CompressionStream and gathered as compressed bytes. No string ever holds the whole
 * database, so the size of a backup is bounded by the disk, not by the longest JavaScript
 * string. Records come in the same fixed order as readBackup's: equal data, equal file.
 *
 * The pages are read in separate transactions (a transaction cannot stay open across the
 * compression's awaits), so the export checks at the end that nothing was written meanwhile:
 * history gets a row for every clinical change, so an unchanged last history id and the
 * counts read at the start mean the file is one consistent state. Otherwise it is refused.
 *
 * Nothing here records the last backup: the caller does (recordBackupSaved) once the file
 * has been handed to the browser.
 */
import type { ClinicalRules } from '../../domain/clinical-rules';
import type { ScaleDefinition } from '../../domain/scale-types';
import { inRegistryOrder } from '../clinic-scales-load';
import { SCALE_IDS } from '../../domain/scales/registry';
import { db } from '../db';
import { assessmentDataOf, patientDataOf } from '../derived';
import { setMeta } from '../meta-repo';
import { patientRange } from '../patient-bundle';
import { describeStorageError, refuse, succeed, type DbResult } from '../result';
import { withoutStamps } from '../revision';
import type { IsoTimestamp } from '../schema';
import { runRead } from '../write';
import { APP_VERSION } from './app-version';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  type BackupTable,
} from './backup-format';
import { BackupWriter } from './backup-text';
import type { ExportScope } from './export-backup';

/** Patients whose records are read in one transaction. */
export const EXPORT_PAGE = 100;

export interface Progress {
  readonly done: number;
  readonly total: number;
}

export interface ExportOptions {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: AbortSignal;
}

export interface ExportedFile {
  readonly blob: Blob;
  readonly fileName: string;
  readonly exportedAt: IsoTimestamp;
  readonly scope: ExportScope['scope'];
  readonly counts: Readonly<Record<BackupTable, number>>;
}

export const EXPORT_CHANGED =
  'The records changed while the backup was being written (a save in another tab or window?). Nothing was saved: export again.';

interface Start {
  readonly patientIds: readonly string[];
  readonly counts: Record<BackupTable, number> | null;
  readonly lastHistoryId: number | undefined;
  readonly rules: ClinicalRules | null;
  /** Every version of every clinic-defined scale (backup-format.ts). */
  readonly clinicScales: readonly ScaleDefinition[];
}

const tableCounts = async (): Promise<Record<BackupTable, number>> => {
  const counts = await Promise.all(BACKUP_TABLES.map((t) => db.table(t).count()));
  return Object.fromEntries(BACKUP_TABLES.map((t, i) => [t, counts[i] ?? 0])) as Record<
    BackupTable,
    number
  >;
};

/** Patient ids in file order (by code), the counts and the history mark, in one read. */
function begin(scope: ExportScope): Promise<Start | null> {
  return runRead(async () => {
    const rules = await db.meta.get('clinicalRules');
    const scales = inRegistryOrder(await db.scaleDefinitions.toArray());
    const last = (await db.history.orderBy(':id').lastKey()) as number | undefined;
    const common = {
      lastHistoryId: last,
      rules: rules?.key === 'clinicalRules' ? rules.value : null,
      clinicScales: scales.map((r) => r.definition),
    };
    if (scope.scope === 'patient') {
      const patient = await db.patients.get(scope.patientId);
      return patient ? { ...common, patientIds: [patient.id], counts: null } : null;
    }
    const patientIds = await db.patients.orderBy('codeKey').primaryKeys();
    return { ...common, patientIds, counts: await tableCounts() };
  });
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/** Every cohort (by name, then id) or every enrolment (by cohort, then patient), without stamps. */
async function readCohortTable(table: 'cohorts' | 'enrolments'): Promise<unknown[]> {
  if (table === 'cohorts') {
    const rows = await db.cohorts.toArray();
    rows.sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
    return rows.map(withoutStamps);
  }
  const rows = await db.enrolments.toArray();
  rows.sort(
    (a, b) =>
      compare(a.cohortId, b.cohortId) || compare(a.patientId, b.patientId) || compare(a.id, b.id),
  );
  return rows.map(withoutStamps);
}

/** One page of patients' rows of one table, in file order, as the backup carries them. */
async function readPage(table: BackupTable, ids: readonly string[]): Promise<unknown[]> {
  if (table === 'patients') {
    const rows = await db.patients.bulkGet([...ids]);
    return rows.flatMap((p) => (p ? [patientDataOf(p)] : []));
  }
  const perPatient = await Promise.all(
    ids.map(async (id): Promise<unknown[]> => {
      if (table === 'safetyAcks') {
        const acks = await db.safetyAcks.where('patientId').equals(id).toArray();
        acks.sort((a, b) => compare(a.acknowledgedAt, b.acknowledgedAt) || compare(a.id, b.id));
        return acks.map(withoutStamps);
      }
      const [from, to] = patientRange(id);
      // The [patientId+date] index orders by date, then by id (the primary key).
      const rows = await db
        .table(table)
        .where('[patientId+date]')
        .between(from, to, true, true)
        .toArray();
      if (table !== 'assessments') return rows.map(withoutStamps);
      const scaleRank = (a: { scaleId: string }) => SCALE_IDS.indexOf(a.scaleId as never);
      return (rows as Parameters<typeof assessmentDataOf>[0][])
        .sort(
          (a, b) =>
            compare(a.date, b.date) || compare(scaleRank(a), scaleRank(b)) || compare(a.id, b.id),
        )
        .map(assessmentDataOf);
    }),
  );
  return perPatient.flat();
}

/** The file's text in pieces of about 64 KB, and the number of records written so far. */
async function* pieces(
  start: Start,
  scope: ExportScope,
  exportedAt: IsoTimestamp,
  written: { records: number; counts: Record<BackupTable, number> },
  options: ExportOptions,
): AsyncGenerator<string> {
  const writer = new BackupWriter({
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt,
    appVersion: APP_VERSION,
    scope: scope.scope,
    ...(start.rules ? { clinicalRules: start.rules } : {}),
    ...(start.clinicScales.length ? { clinicScales: start.clinicScales } : {}),
  });
  const total = start.counts
    ? BACKUP_TABLES.reduce((sum, t) => sum + (start.counts?.[t] ?? 0), 0)
    : 0;
  let buffer = writer.start();
  for (const table of BACKUP_TABLES) {
    buffer += writer.table(table);
    if (table === 'cohorts' || table === 'enrolments') {
      // The clinic's, not a patient's: all of them in a full backup, none in a patient's.
      const rows = scope.scope === 'all' ? await runRead(() => readCohortTable(table)) : [];
      for (const row of rows) buffer += writer.record(row);
      written.records += rows.length;
      written.counts[table] += rows.length;
      continue;
    }
    for (let at = 0; at < start.patientIds.length; at += EXPORT_PAGE) {
      options.signal?.throwIfAborted();
      const rows = await runRead(() =>
        readPage(table, start.patientIds.slice(at, at + EXPORT_PAGE)),
      );
      for (const row of rows) {
        buffer += writer.record(row);
        if (buffer.length >= 65536) {
          yield buffer;
          buffer = '';
        }
      }
      written.records += rows.length;
      written.counts[table] += rows.length;
      options.onProgress?.({ done: written.records, total: total || written.records });
    }
  }
  yield buffer + writer.end();
}

/** Text pieces → UTF-8 → gzip → one Blob of compressed bytes. */
async function gzipToBlob(text: AsyncGenerator<string>): Promise<Blob> {
  const encoder = new TextEncoder();
  const source = new ReadableStream<BufferSource>({
    async pull(controller) {
      const next = await text.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const reader = source.pipeThrough(new CompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
  }
  return new Blob(chunks as BlobPart[], { type: 'application/gzip' });
}

/** 'trajectory-backup-2024-01-05.json.gz', or 'trajectory-DEZ-001-2024-01-05.json.gz'. */
function fileNameOf(scope: ExportScope, exportedAt: string, code: string | undefined): string {
  const what =
    scope.scope === 'all' ? 'backup' : (code ?? 'patient').replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return `trajectory-${what}-${exportedAt.slice(0, 10)}.json.gz`;
}

/**
 * The backup of everything or of one patient as a gzip-compressed version 2 file. Records
 * nothing; a failure (storage, compression, records changed meanwhile, cancelled) is a value.
 */
export async function exportBackupFile(
  scope: ExportScope = { scope: 'all' },
  options: ExportOptions = {},
): Promise<DbResult<ExportedFile>> {
  const exportedAt = new Date().toISOString();
  try {
    const start = await begin(scope);
    if (!start)
      return refuse(
        `There is no patient with id ${scope.scope === 'patient' ? scope.patientId : ''}.`,
      );
    const counts = Object.fromEntries(BACKUP_TABLES.map((t) => [t, 0])) as Record<
      BackupTable,
      number
    >;
    const written = { records: 0, counts };
    const blob = await gzipToBlob(pieces(start, scope, exportedAt, written, options));
    const after = await runRead(async () => ({
      last: (await db.history.orderBy(':id').lastKey()) as number | undefined,
      counts: start.counts ? await tableCounts() : null,
    }));
    const same =
      after.last === start.lastHistoryId &&
      (!start.counts ||
        BACKUP_TABLES.every(
          (t) => start.counts?.[t] === counts[t] && after.counts?.[t] === counts[t],
        ));
    if (!same) return refuse(EXPORT_CHANGED);
    const first = scope.scope === 'patient' ? await db.patients.get(scope.patientId) : undefined;
    return succeed({
      blob,
      fileName: fileNameOf(scope, exportedAt, first?.code),
      exportedAt,
      scope: scope.scope,
      counts,
    });
  } catch (error) {
    if (options.signal?.aborted) return refuse('The backup was cancelled; nothing was saved.');
    const storage = describeStorageError(error);
    const why = storage ?? (error instanceof Error ? error.message : String(error));
    return refuse(`The backup could not be written (${why}). Nothing was saved.`);
  }
}

/**
 * Records a full backup as made (meta `lastExportAt`, behind the overdue-backup reminder).
 * Call only once the file has been handed to the browser; a one-patient file is not a backup
 * of the clinic and records nothing.
 */
export async function recordBackupSaved(file: Pick<ExportedFile, 'scope' | 'exportedAt'>) {
  if (file.scope === 'all') await setMeta('lastExportAt', file.exportedAt);
}
