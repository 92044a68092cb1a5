import type { TableRow } from '../../domain/course-table';

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
