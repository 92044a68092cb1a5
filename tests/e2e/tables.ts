import type { Locator } from 'playwright-core';

/** One body row of a data table: its row header and its cells, as the user reads them. */
export interface TableRowText {
  header: string;
  cells: string[];
}

/**
 * A table read through its roles: the column headers (after the first, the row-header
 * column) and, per body row, its row header and cells. Cells are in column order.
 */
export async function readTable(
  table: Locator,
): Promise<{ columns: string[]; rows: TableRowText[] }> {
  const columns = (await table.getByRole('columnheader').allInnerTexts()).slice(1);
  const rows: TableRowText[] = [];
  for (const row of await table.getByRole('row').all()) {
    const header = row.getByRole('rowheader');
    if ((await header.count()) !== 1) continue; // the header row
    rows.push({
      header: (await header.innerText()).trim(),
      cells: (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim()),
    });
  }
  return { columns, rows };
}

/**
 * The course table ("Scores by visit") split by scale: each scale's rows start at its total
 * row ("HAMD-17 total", "DARS total (higher = better)"). Scale → row header → column → cell,
 * so a check names the scale, the row and the visit a value belongs to.
 */
export function courseSections(
  read: { columns: string[]; rows: TableRowText[] },
  columnKey: (column: string) => string,
): Record<string, Record<string, Record<string, string>>> {
  const keys = read.columns.map(columnKey);
  const sections: Record<string, Record<string, Record<string, string>>> = {};
  let current: Record<string, Record<string, string>> | undefined;
  for (const { header, cells } of read.rows) {
    const scale = /^(\S+) total\b/.exec(header)?.[1];
    if (scale) current = sections[scale] = {};
    if (!current) throw new Error(`row "${header}" comes before any total row`);
    if (header in current) throw new Error(`row "${header}" twice in one scale`);
    current[header] = Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '(no cell)']));
  }
  return sections;
}
