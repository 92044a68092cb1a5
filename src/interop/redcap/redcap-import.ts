/**
 * Importing a REDCap data export (raw CSV) of the project redcap-fields.ts describes: one row
 * per record and event. The visit's status comes from `visit_complete` (2 = complete = a
 * finished visit; 0 or 1 = in progress); each instrument's `<p>_entry` says whether its items
 * or its transcribed totals hold the scores. Calc fields are REDCap's and are not read;
 * columns of other instruments are listed as not imported.
 */
import { refuseAll, succeed, type DbResult } from '../../db/result';
import type { RecordStatus } from '../../db/schema';
import type { ScaleDefinition } from '../../domain/scale-types';
import { SCALES } from '../../domain/scales/registry';
import { cellPlace, columnLetter, readCsv } from '../csv/csv-read';
import { PatientsBuilder, type SheetImport } from '../csv/sheet-import';
import {
  codeCell,
  dateCell,
  numberCell,
  sheetAssessment,
  textCell,
  type Cell,
} from '../csv/sheet-entry';
import { Problems } from '../problems';
import {
  completeField,
  entryField,
  formOf,
  itemField,
  raterField,
  recorded,
  subscaleField,
  totalField,
  VISIT_FORM,
} from './redcap-fields';

type Use =
  | { kind: 'record' | 'event' | 'date' | 'visit-complete' }
  | { kind: 'entry' | 'rater' | 'complete' | 'total' | 'calc'; scale: ScaleDefinition }
  | { kind: 'item'; scale: ScaleDefinition; item: number }
  | { kind: 'subscale'; scale: ScaleDefinition; id: string };

function fieldUses(): Map<string, Use> {
  const uses = new Map<string, Use>([
    ['record_id', { kind: 'record' }],
    ['redcap_event_name', { kind: 'event' }],
    ['visit_date', { kind: 'date' }],
    [completeField(VISIT_FORM), { kind: 'visit-complete' }],
  ]);
  for (const scale of SCALES) {
    uses.set(entryField(scale), { kind: 'entry', scale });
    uses.set(raterField(scale), { kind: 'rater', scale });
    uses.set(completeField(formOf(scale)), { kind: 'complete', scale });
    uses.set(totalField(scale), { kind: 'calc', scale });
    uses.set(recorded(totalField(scale)), { kind: 'total', scale });
    for (const i of scale.items)
      uses.set(itemField(scale, i.number), { kind: 'item', scale, item: i.number });
    for (const s of scale.subscales) {
      uses.set(subscaleField(scale, s.id), { kind: 'calc', scale });
      uses.set(recorded(subscaleField(scale, s.id)), { kind: 'subscale', scale, id: s.id });
    }
  }
  return uses;
}

function meaning(use: Use | undefined): string | null {
  if (!use) return null;
  switch (use.kind) {
    case 'record':
      return 'patient code';
    case 'event':
      return 'REDCap event (checked, not stored)';
    case 'date':
      return 'visit date';
    case 'visit-complete':
      return 'visit status (2 = finished)';
    case 'calc':
      return null;
    case 'item':
      return `${use.scale.id} item ${use.item}`;
    case 'subscale':
      return `${use.scale.id} ${use.id} (summary entries)`;
    case 'total':
      return `${use.scale.id} total (summary entries)`;
    default:
      return `${use.scale.id} ${use.kind}`;
  }
}

const STATUS: Record<string, RecordStatus> = { '2': 'final', '1': 'draft', '0': 'draft' };

export function readRedcapData(input: Uint8Array | string): DbResult<SheetImport> {
  const problems = new Problems();
  const table = readCsv(input, problems);
  if (!table) return refuseAll(problems.capped());
  const uses = fieldUses();
  const col = new Map(table.header.map((h, i) => [h, i]));
  for (const name of ['record_id', 'redcap_event_name', 'visit_date', completeField(VISIT_FORM)])
    if (!col.has(name))
      problems.add(
        'row 1',
        `no column "${name}"; expected a REDCap export of the project in Trajectory's data dictionary`,
      );
  if (problems.any()) return refuseAll(problems.capped());
  const patients = new PatientsBuilder(problems);
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const cell = (name: string) => cells[col.get(name) ?? -1] ?? '';
    const place = (name: string) => cellPlace(table, row, col.get(name) ?? 0);
    const before = problems.list.length;
    const code = codeCell(cell('record_id'), place('record_id'), problems);
    const event = cell('redcap_event_name').trim();
    if (!/^[a-z][a-z0-9_]{0,99}_arm_\d{1,3}$/.test(event))
      problems.add(
        place('redcap_event_name'),
        `expected a REDCap event name such as week_1_arm_1 (got ${JSON.stringify(event.slice(0, 40))})`,
      );
    const date = dateCell(cell('visit_date'), place('visit_date'), problems);
    const status = STATUS[cell(completeField(VISIT_FORM)).trim()];
    if (!status)
      problems.add(
        place(completeField(VISIT_FORM)),
        `expected 2 (complete), 1 (unverified) or 0 (incomplete) (got ${JSON.stringify(cell(completeField(VISIT_FORM)))})`,
      );
    if (problems.list.length > before || !code || !date || !status) continue;
    const key = `${code.toLowerCase()}/${date}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.add(
        place('visit_date'),
        `record ${code} has a second row for ${date} (row ${earlier}); one event per visit`,
      );
      continue;
    }
    seen.set(key, row);
    const visit = patients.visit(
      code,
      date,
      status,
      `row ${row}`,
      place(completeField(VISIT_FORM)),
    );
    for (const scale of SCALES) {
      const items = new Map<number, Cell>();
      const subscales = new Map<string, Cell>();
      let total: Cell | undefined;
      for (const [name, i] of col) {
        const use = uses.get(name);
        if (!use || !('scale' in use) || use.scale !== scale) continue;
        if (use.kind !== 'item' && use.kind !== 'subscale' && use.kind !== 'total') continue;
        const value = numberCell(cells[i] ?? '', cellPlace(table, row, i), problems);
        if (value === null || value === undefined) continue;
        const c = { value, place: cellPlace(table, row, i) };
        if (use.kind === 'item') items.set(use.item, c);
        else if (use.kind === 'subscale') subscales.set(use.id, c);
        else total = c;
      }
      const mode = cell(entryField(scale)).trim();
      const rater = textCell(cell(raterField(scale)), place(raterField(scale)), 200, problems);
      const hasData = items.size > 0 || subscales.size > 0 || total !== undefined;
      if (mode === '' && !hasData) continue;
      if (mode !== 'items' && mode !== 'summary') {
        problems.add(
          place(entryField(scale)),
          `expected items or summary, as ${formOf(scale)} has scores (got ${JSON.stringify(mode)})`,
        );
        continue;
      }
      const complete = cell(completeField(formOf(scale))).trim();
      if (status === 'final' && complete !== '2')
        problems.add(
          place(completeField(formOf(scale))),
          `expected 2 (complete): the visit is complete (got ${JSON.stringify(complete)})`,
        );
      const a = sheetAssessment(
        scale,
        { items, subscales, total },
        mode,
        `row ${row}`,
        rater,
        problems,
      );
      if (a && visit) visit.assessments.push(a);
    }
  }
  if (problems.any()) return refuseAll(problems.capped());
  return succeed({
    file: patients.result('REDCap data'),
    columns: table.header.map((h, i) => ({
      index: i,
      column: columnLetter(i),
      header: h,
      meaning: meaning(uses.get(h)),
    })),
    rows: table.rows.length,
  });
}
