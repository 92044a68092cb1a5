/**
 * Importing a wide spreadsheet: one row per visit, one column per item, subscale or total.
 * A scale with any item in a row is an item entry (its total and subscale columns, when
 * filled, are checked against the items); a scale with only totals or subscales is a summary
 * entry. Columns that are not recognised are listed as not imported, never guessed.
 */
import { refuseAll, succeed, type DbResult } from '../../db/result';
import type { RecordStatus } from '../../db/schema';
import type { ScaleDefinition } from '../../domain/scale-types';
import { Problems } from '../problems';
import { cellPlace, columnLetter, readCsv } from './csv-read';
import { PatientsBuilder, type SheetImport } from './sheet-import';
import {
  codeCell,
  dateCell,
  numberCell,
  sheetAssessment,
  textCell,
  timeCell,
  type Cell,
} from './sheet-entry';
import { describeColumn, wideColumn, type WideColumn } from './wide-columns';

export function readWideCsv(
  input: Uint8Array | string,
  source = 'CSV (wide format)',
): DbResult<SheetImport> {
  const problems = new Problems();
  const table = readCsv(input, problems);
  if (!table) return refuseAll(problems.capped());
  const columns = table.header.map((h) => wideColumn(h));
  const seen = new Map<string, number>();
  columns.forEach((c, i) => {
    if (!c) return;
    const what = describeColumn(c);
    const earlier = seen.get(what);
    if (earlier !== undefined)
      problems.add(
        cellPlace(table, 1, i),
        `also read as ${what}, like column ${cellPlace(table, 1, earlier).split(', ')[1] ?? ''}; rename or remove one`,
      );
    else seen.set(what, i);
  });
  const at = (kind: WideColumn['kind']) => columns.findIndex((c) => c?.kind === kind);
  if (at('code') < 0)
    problems.add('row 1', 'no patient code column (expected a header such as patient_code)');
  if (at('date') < 0)
    problems.add('row 1', 'no visit date column (expected a header such as visit_date)');
  if (
    !columns.some(
      (c) =>
        c &&
        c.kind !== 'code' &&
        c.kind !== 'date' &&
        c.kind !== 'time' &&
        c.kind !== 'status' &&
        c.kind !== 'rater',
    )
  )
    problems.add(
      'row 1',
      'no score column (expected headers such as HAMD17_1, PHQ9_total, MADRS_anhedonia, CGI_S)',
    );
  if (problems.any()) return refuseAll(problems.capped());
  const patients = new PatientsBuilder(problems);
  const visits = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const place = (i: number) => cellPlace(table, row, i);
    const before = problems.list.length;
    const code = codeCell(cells[at('code')] ?? '', place(at('code')), problems);
    const date = dateCell(cells[at('date')] ?? '', place(at('date')), problems);
    const time =
      at('time') < 0 ? undefined : timeCell(cells[at('time')] ?? '', place(at('time')), problems);
    const statusText = at('status') < 0 ? '' : (cells[at('status')] ?? '').trim().toLowerCase();
    const status: RecordStatus | null =
      statusText === '' || statusText === 'final'
        ? 'final'
        : statusText === 'draft'
          ? 'draft'
          : null;
    if (!status)
      problems.add(
        place(at('status')),
        `expected final, draft or nothing (got ${JSON.stringify(statusText)})`,
      );
    const rater =
      at('rater') < 0
        ? undefined
        : textCell(cells[at('rater')] ?? '', place(at('rater')), 200, problems);
    const byScale = new Map<string, ScaleCells>();
    columns.forEach((c, i) => {
      const scale = scaleOf(c);
      if (!c || !scale) return;
      const value = numberCell(cells[i] ?? '', place(i), problems);
      if (value === null || value === undefined) return;
      const m: ScaleCells = byScale.get(scale.id) ?? {
        scale,
        items: new Map(),
        subscales: new Map(),
      };
      byScale.set(scale.id, m);
      const cell = { value, place: place(i) };
      if (c.kind === 'item') m.items.set(c.item, cell);
      else if (c.kind === 'subscale') m.subscales.set(c.subscale, cell);
      else if (c.kind === 'total') m.total = cell;
    });
    if (problems.list.length > before || !code || !date || !status) continue;
    const visitKey = `${code.toLowerCase()}/${date}/${time ?? ''}`;
    const earlier = visits.get(visitKey);
    if (earlier !== undefined) {
      problems.add(
        `row ${row}`,
        `patient ${code} has a second row for ${date}${time ? ` at ${time}` : ''} (first: row ${earlier}); one row per visit`,
      );
      continue;
    }
    visits.set(visitKey, row);
    const visit = patients.visit(code, date, status, `row ${row}`, place(at('status')), time);
    for (const m of byScale.values()) {
      const a = sheetAssessment(m.scale, m, 'auto', `row ${row}`, rater, problems);
      if (a && visit) visit.assessments.push(a);
    }
  }
  if (problems.any()) return refuseAll(problems.capped());
  return succeed({
    file: patients.result(source),
    columns: columns.map((c, i) => ({
      index: i,
      column: columnLetter(i),
      header: table.header[i] ?? '',
      meaning: c ? describeColumn(c) : null,
    })),
    rows: table.rows.length,
  });
}

interface ScaleCells {
  readonly scale: ScaleDefinition;
  readonly items: Map<number, Cell>;
  readonly subscales: Map<string, Cell>;
  total?: Cell;
}

function scaleOf(c: WideColumn | null): ScaleDefinition | null {
  return c && 'scale' in c ? c.scale : null;
}
