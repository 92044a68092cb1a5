import type { TableColumn, TableRow } from '../../domain/course-table';

/**
 * The course table as printed: the domain's rows, tightened so that a course fits on one
 * sheet. Change and percent change share one row ("−16 (88.89 %)"), as clinical reports
 * print them, and the reliable-change verdicts take one word each (the row label says what
 * the word is about). Every value is the course view's, only laid out closer.
 */
const RELIABLE_SHORT: Readonly<Record<string, string>> = {
  'reliable improvement': 'improved',
  'reliable worsening': 'worsened',
  'no reliable change': 'none',
};

function mergeChange(change: TableRow, percent: TableRow): TableRow {
  const kind = percent.label.startsWith('% reduction') ? '% reduction' : '% change';
  return {
    ...change,
    label: `Change from baseline: points (${kind})`,
    cells: change.cells.map((c, i) => {
      const p = percent.cells[i];
      return c.text === '—' || !p || p.text === '—' ? c : { ...c, text: `${c.text} (${p.text})` };
    }),
  };
}

export function printRows(rows: readonly TableRow[]): TableRow[] {
  const out: TableRow[] = [];
  for (const row of rows) {
    const previous = out[out.length - 1];
    if (row.kind === 'percent' && previous?.kind === 'change' && previous.scaleId === row.scaleId) {
      out[out.length - 1] = mergeChange(previous, row);
    } else if (row.kind === 'reliable') {
      out.push({
        ...row,
        label: 'Reliable change (RCI)',
        cells: row.cells.map((c) => ({ ...c, text: RELIABLE_SHORT[c.text] ?? c.text })),
      });
    } else {
      out.push(row);
    }
  }
  return out;
}

export interface TablePart {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

/**
 * A long course split into tables of at most `max` visit columns, each repeating the
 * baseline column, so that no table is wider than the page (a browser shrinks a page whose
 * content overflows, and would clip or shrink the whole sheet). The baseline stays in every
 * part because every change in it is counted from there.
 */
export function splitColumns(table: TablePart, max: number): TablePart[] {
  const { columns, rows } = table;
  if (columns.length <= max) return [table];
  const baseline = columns.flatMap((c, i) => (c.isBaseline ? [i] : []));
  const others = columns.flatMap((c, i) => (c.isBaseline ? [] : [i]));
  const size = Math.max(1, max - baseline.length);
  const parts: TablePart[] = [];
  for (let start = 0; start < others.length; start += size) {
    const keep = [...baseline, ...others.slice(start, start + size)].sort((a, b) => a - b);
    parts.push({
      columns: keep.flatMap((i) => columns[i] ?? []),
      rows: rows.map((r) => ({ ...r, cells: keep.flatMap((i) => r.cells[i] ?? []) })),
    });
  }
  return parts;
}
