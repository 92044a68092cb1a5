/**
 * The long CSV export for R or SPSS: one row per patient, visit, scale and measure. Totals
 * and subscales come from the domain's scoring, so the file says what the app shows.
 */
import { scaleOf } from '../../domain/scales/registry';
import { scoreEntry } from '../../domain/scoring';
import { daysBetween } from '../../domain/time';
import { refuse, succeed, type DbResult } from '../result';
import type { AssessmentData } from '../schema';
import type { Backup } from './backup-format';
import { CSV_COLUMNS, csvDictionaryLines, type CsvRow } from './csv-columns';
import { CRLF, csvTable } from './csv-format';
import { readBackup, type ExportScope } from './export-backup';

export interface CsvOptions {
  /** '#' lines documenting the columns before the header (default true; R reads them with comment.char = "#"). */
  readonly comments?: boolean;
}

type Base = Pick<
  CsvRow,
  | 'patient_code'
  | 'visit_date'
  | 'visit_time'
  | 'days_since_index'
  | 'scale'
  | 'scale_version'
  | 'entry_mode'
  | 'completeness'
  | 'status'
  | 'rater'
>;

function assessmentRows(
  base: Omit<Base, 'completeness'>,
  a: Pick<AssessmentData, 'scaleId' | 'scaleVersion' | 'entry'>,
): CsvRow[] {
  const scale = scaleOf(a);
  const scored = scoreEntry(scale, a.entry);
  // Stored entries are valid when saved; one made invalid by a later change of the scale
  // definition is still exported, raw and marked, rather than dropped.
  const row = (
    completeness: string,
    measure: string,
    id: string,
    label: string,
    value: number | null,
  ): CsvRow => ({
    ...base,
    completeness,
    measure,
    measure_id: id,
    measure_label: label,
    value,
  });
  const itemLabel = (n: number) =>
    scale.items.find((i) => i.number === n)?.shortName ?? `item ${n}`;
  if (!scored.ok) {
    const values =
      a.entry.mode === 'items'
        ? a.entry.responses.map((v, i) => [i + 1, v] as const)
        : Object.entries(a.entry.items).map(([k, v]) => [Number(k), v] as const);
    return values.map(([n, v]) => row('invalid', 'item', String(n), itemLabel(n), v));
  }
  const { score } = scored;
  const rows = [row(score.completeness, 'total', 'total', 'Total', score.total)];
  for (const sub of score.subscales) {
    if (a.entry.mode === 'summary' && sub.score === null) continue;
    rows.push(row(score.completeness, 'subscale', sub.id, sub.name, sub.score));
  }
  const items =
    a.entry.mode === 'items'
      ? scale.items.map((i) => i.number)
      : [...score.items.keys()].sort((x, y) => x - y);
  // Item rows carry the recorded response: for items entry the raw value, so a "not
  // assessed" code (HAMD-17 item 16 = 3) is exported as recorded, not as a blank.
  const entry = a.entry;
  for (const n of items) {
    const recorded =
      entry.mode === 'items' ? (entry.responses[n - 1] ?? null) : (score.items.get(n) ?? null);
    rows.push(row(score.completeness, 'item', String(n), itemLabel(n), recorded));
  }
  return rows;
}

/** Rows from backup-shaped data, ordered by patient code, visit date and scale. */
export function csvRows(
  data: Pick<Backup, 'patients' | 'events' | 'visits' | 'assessments'>,
): CsvRow[] {
  const patients = new Map(data.patients.map((p) => [p.id, p]));
  const indexDate = new Map(data.events.filter((e) => e.isIndex).map((e) => [e.patientId, e.date]));
  const visits = new Map(data.visits.map((v) => [v.id, v]));
  const rows: CsvRow[] = [];
  for (const a of data.assessments) {
    const patient = patients.get(a.patientId);
    const visit = visits.get(a.visitId);
    if (!patient || !visit) continue;
    const index = indexDate.get(a.patientId);
    rows.push(
      ...assessmentRows(
        {
          patient_code: patient.code,
          visit_date: visit.date,
          visit_time: visit.time ?? null,
          days_since_index: index === undefined ? null : daysBetween(index, visit.date),
          scale: a.scaleId,
          scale_version: a.scaleVersion,
          entry_mode: a.entry.mode,
          status: a.status,
          rater: a.rater ?? null,
        },
        a,
      ),
    );
  }
  return rows;
}

export function buildCsv(rows: readonly CsvRow[], options: CsvOptions = {}): string {
  const comments =
    options.comments === false
      ? ''
      : csvDictionaryLines()
          .map((line) => `# ${line}${CRLF}`)
          .join('');
  return comments + csvTable(CSV_COLUMNS, rows);
}

/** The CSV of everything or of one patient (from the same read as a backup, so it is consistent). */
export async function exportCsv(
  scope: ExportScope = { scope: 'all' },
  options: CsvOptions = {},
): Promise<DbResult<string>> {
  const data = await readBackup(scope);
  if (!data.ok) return refuse(data.reason);
  return succeed(buildCsv(csvRows(data.value), options));
}

export function csvToBlob(csv: string): Blob {
  return new Blob([csv], { type: 'text/csv;charset=utf-8' });
}
