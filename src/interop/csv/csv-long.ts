/**
 * Importing the app's own long CSV (csv-columns.ts: one row per patient, visit, scale and
 * measure), with or without its '#' dictionary lines. Rows are grouped into visits and
 * assessments; item rows give the responses; total and subscale rows are checked against
 * them (item entries) or are the transcribed figures (summary entries). Derived columns
 * (days_since_index, measure_label, completeness) are not read.
 */
import { CSV_COLUMNS, type CsvColumnName } from '../../db/backup/csv-columns';
import { refuseAll, succeed, type DbResult } from '../../db/result';
import type { RecordStatus } from '../../db/schema';
import { BUILT_IN_SCALES, getScale, SCALE_IDS } from '../../domain/scales/registry';
import { Problems } from '../problems';
import { cellPlace, columnLetter, readCsv, type CsvTable } from './csv-read';
import { PatientsBuilder, type ColumnUse, type SheetImport } from './sheet-import';
import {
  codeCell,
  dateCell,
  numberCell,
  scaleIdOf,
  sheetAssessment,
  textCell,
  timeCell,
  type Cell,
} from './sheet-entry';

const REQUIRED: readonly CsvColumnName[] = [
  'patient_code',
  'visit_date',
  'scale',
  'entry_mode',
  'measure',
  'measure_id',
  'value',
  'status',
];
const READ: readonly CsvColumnName[] = [...REQUIRED, 'scale_version', 'rater', 'visit_time'];

/** Whether a header is the app's long format (then this reader applies). */
export function isLongHeader(header: readonly string[]): boolean {
  return REQUIRED.every((c) => header.includes(c));
}

interface Group {
  at: string;
  code: string;
  date: string;
  time: string | undefined;
  status: RecordStatus;
  statusPlace: string;
  scale: ReturnType<typeof getScale>;
  mode: 'items' | 'summary';
  rater: string | undefined;
  items: Map<number, Cell>;
  subscales: Map<string, Cell>;
  total: Cell | undefined;
  /** measure/id → the row that gave it, so a repeated row is caught even when empty. */
  measures: Map<string, number>;
}

export function readLongCsv(input: Uint8Array | string): DbResult<SheetImport> {
  const problems = new Problems();
  const table = readCsv(input, problems);
  if (!table) return refuseAll(problems.capped());
  const col = new Map(table.header.map((h, i) => [h, i]));
  for (const name of REQUIRED)
    if (!col.has(name))
      problems.add(
        'row 1',
        `no column "${name}"; the long format has ${CSV_COLUMNS.map((c) => c.name).join(', ')}`,
      );
  table.header.forEach((h, i) => {
    if (!CSV_COLUMNS.some((c) => c.name === h))
      problems.add(
        cellPlace(table, 1, i),
        `not a column of the long format (expected one of ${CSV_COLUMNS.map((c) => c.name).join(', ')})`,
      );
  });
  if (problems.any()) return refuseAll(problems.capped());
  const groups = new Map<string, Group>();
  for (const { row, cells } of table.rows) {
    const cell = (name: CsvColumnName) => cells[col.get(name) ?? -1] ?? '';
    const place = (name: CsvColumnName) => cellPlace(table, row, col.get(name) ?? 0);
    const before = problems.list.length;
    const code = codeCell(cell('patient_code'), place('patient_code'), problems);
    const date = dateCell(cell('visit_date'), place('visit_date'), problems);
    const time = col.has('visit_time')
      ? timeCell(cell('visit_time'), place('visit_time'), problems)
      : undefined;
    const scaleId = scaleIdOf(cell('scale'));
    if (!scaleId)
      problems.add(
        place('scale'),
        `expected a scale this app knows: ${SCALE_IDS.join(', ')} (got ${JSON.stringify(cell('scale'))})`,
      );
    const mode = cell('entry_mode').trim();
    if (mode !== 'items' && mode !== 'summary')
      problems.add(place('entry_mode'), `expected items or summary (got ${JSON.stringify(mode)})`);
    const status = cell('status').trim();
    if (status !== 'final' && status !== 'draft')
      problems.add(place('status'), `expected final or draft (got ${JSON.stringify(status)})`);
    const measure = cell('measure').trim();
    if (!['item', 'subscale', 'total'].includes(measure))
      problems.add(
        place('measure'),
        `expected item, subscale or total (got ${JSON.stringify(measure)})`,
      );
    const value = numberCell(cell('value'), place('value'), problems);
    const rater = col.has('rater')
      ? textCell(cell('rater'), place('rater'), 200, problems)
      : undefined;
    if (problems.list.length > before || !code || !date || !scaleId || value === undefined)
      continue;
    // Any known version is accepted and scores the entry; none named = the current one.
    const version = col.has('scale_version') ? cell('scale_version').trim() : '';
    const scale = version ? BUILT_IN_SCALES.find(scaleId, version) : getScale(scaleId);
    if (!scale) {
      const known = BUILT_IN_SCALES.versions(scaleId).map((v) => JSON.stringify(v));
      problems.add(
        place('scale_version'),
        `expected a ${scaleId} version this app knows: ${known.join(', ')} (got ${JSON.stringify(version)})`,
      );
      continue;
    }
    const key = `${code.toLowerCase()}/${date}/${time ?? ''}/${scaleId}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        at: `row ${row}`,
        code,
        date,
        time,
        status: status as RecordStatus,
        statusPlace: place('status'),
        scale,
        mode: mode as Group['mode'],
        rater,
        items: new Map(),
        subscales: new Map(),
        total: undefined,
        measures: new Map(),
      };
      groups.set(key, g);
    }
    if (mode !== g.mode)
      problems.add(
        place('entry_mode'),
        `expected ${g.mode}, as in ${g.at} for the same ${scaleId} (got ${mode})`,
      );
    if (rater !== g.rater)
      problems.add(
        place('rater'),
        `expected ${JSON.stringify(g.rater ?? '')}, as in ${g.at} for the same ${scaleId} (got ${JSON.stringify(rater ?? '')})`,
      );
    const id = cell('measure_id').trim();
    const at = place('value');
    const measureKey = `${measure}/${id}`;
    const twin = g.measures.get(measureKey);
    if (twin !== undefined) {
      problems.add(
        `row ${row}`,
        `a second row for ${scaleId} ${measure} ${id} of ${code} on ${date}${time ? ` at ${time}` : ''} (first: row ${twin})`,
      );
      continue;
    }
    g.measures.set(measureKey, row);
    const item = /^\d{1,3}$/.test(id) ? Number(id) : NaN;
    const known =
      measure === 'total'
        ? id === 'total'
        : measure === 'subscale'
          ? scale.subscales.some((s) => s.id === id)
          : scale.items.some((i) => i.number === item);
    if (!known) {
      const expected =
        measure === 'total'
          ? 'total'
          : measure === 'subscale'
            ? `a ${scaleId} subscale (${scale.subscales.map((s) => s.id).join(', ') || 'it has none'})`
            : `a ${scaleId} item number 1–${scale.items.length}`;
      problems.add(place('measure_id'), `expected ${expected} (got ${JSON.stringify(id)})`);
      continue;
    }
    if (value === null) continue;
    const c: Cell = { value, place: at };
    if (measure === 'total') g.total = c;
    else if (measure === 'subscale') g.subscales.set(id, c);
    else g.items.set(item, c);
  }
  if (problems.any()) return refuseAll(problems.capped());
  return assemble(table, [...groups.values()], problems);
}

function assemble(
  table: CsvTable,
  groups: readonly Group[],
  problems: Problems,
): DbResult<SheetImport> {
  const patients = new PatientsBuilder(problems);
  for (const g of groups) {
    const visit = patients.visit(g.code, g.date, g.status, g.at, g.statusPlace, g.time);
    const a = sheetAssessment(g.scale, g, g.mode, g.at, g.rater, problems);
    if (a && visit) visit.assessments.push({ ...a, scaleVersion: g.scale.version });
  }
  if (problems.any()) return refuseAll(problems.capped());
  const columns: ColumnUse[] = table.header.map((h, i) => ({
    index: i,
    column: columnLetter(i),
    header: h,
    meaning: (READ as readonly string[]).includes(h)
      ? (CSV_COLUMNS.find((c) => c.name === h)?.description ?? h)
      : null,
  }));
  return succeed({ file: patients.result('CSV (long format)'), columns, rows: table.rows.length });
}
