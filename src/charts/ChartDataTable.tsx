import type { DataTable } from './chart-types';

export interface ChartDataTableProps {
  readonly table: DataTable;
  /** Print renders the table open: a closed <details> would print as one line. */
  readonly print?: boolean | undefined;
}

/**
 * A wide table scrolls in its own box, which must then be reachable from the keyboard
 * (axe: scrollable-region-focusable): a named region in the Tab order.
 */
const scrollRegion = (label: string) => ({ role: 'region', 'aria-label': label, tabIndex: 0 });

/** The chart's data as a real table, behind a "Show data table" toggle on screen. */
export function ChartDataTable({ table, print = false }: ChartDataTableProps) {
  return (
    <details className="chart-data" {...(print ? { open: true } : {})}>
      <summary>{print ? 'Data table' : 'Show data table'}</summary>
      <div className="table-scroll" {...scrollRegion(table.caption)}>
        <table className="chart-data-table">
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.key} data-kind={row.kind}>
                {row.cells.map((cell, i) =>
                  i === 0 ? (
                    <th key={i} scope="row">
                      {cell}
                    </th>
                  ) : (
                    <td key={i}>{cell}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {table.notes.length > 0 && (
        <ul className="chart-data-notes">
          {table.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
