import { ScrollBox } from './ScrollBox';
import type { TableColumn, TableRow } from '../domain/course-table';

interface Props {
  columns: readonly TableColumn[];
  rows: readonly TableRow[];
  caption: string;
}

const MARK_TEXT = { summary: 's', prorated: 'p' } as const;

/**
 * The course table: one column per visit (date and time since the index event), rows per
 * scale. Summary data and prorated totals carry a mark explained in the caption.
 */
export function CourseTable({ columns, rows, caption }: Props) {
  return (
    <ScrollBox label={caption}>
      <table className="data course-table">
        <caption>
          {caption}{' '}
          <span className="muted">s = summary data (transcribed), p = prorated total.</span>
        </caption>
        <thead>
          <tr>
            <th scope="col">Measure</th>
            {columns.map((c) => (
              <th scope="col" className="num" key={c.visitId}>
                <span className="col-date">{c.date}</span>
                {c.time && <span className="col-time"> {c.time}</span>}
                {c.sinceIndex && <span className="col-since"> {c.sinceIndex}</span>}
                {c.isBaseline && <span className="col-baseline"> baseline</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.key}
              className={
                row.kind === 'total'
                  ? 'group-start'
                  : row.kind === 'note'
                    ? 'group-start note-row'
                    : undefined
              }
            >
              <th
                scope="row"
                className={row.kind === 'total' || row.kind === 'note' ? 'row-total' : 'row-sub'}
              >
                {row.label}
              </th>
              {row.cells.map((cell, i) => (
                <td key={columns[i]?.visitId ?? i} className={row.kind === 'note' ? 'note' : 'num'}>
                  {cell.status ? (
                    cell.text === '—' ? (
                      '—'
                    ) : (
                      <span className={`status status-${cell.status}`}>{cell.text}</span>
                    )
                  ) : (
                    cell.text
                  )}
                  {cell.mark && (
                    <sup className="mark" title={`${cell.mark} data`}>
                      {MARK_TEXT[cell.mark]}
                    </sup>
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
