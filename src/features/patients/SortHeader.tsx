import type { ListColumn, ListSort } from '../../db/patient-list-query';

interface Props {
  column: ListColumn;
  label: string;
  sort: ListSort;
  onSort: (sort: ListSort) => void;
  /** Direction of the first click: ascending for text, descending for counts. */
  first?: ListSort['direction'];
}

/**
 * A column header that sorts the list: aria-sort tells a screen reader the current order,
 * and the button says what a press will do.
 */
export function SortHeader({ column, label, sort, onSort, first = 'ascending' }: Props) {
  const active = sort.column === column;
  const next: ListSort['direction'] = active
    ? sort.direction === 'ascending'
      ? 'descending'
      : 'ascending'
    : first;
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'}>
      <button
        type="button"
        className="sort-button"
        title={`Sort by ${label}, ${next}`}
        onClick={() => {
          onSort({ column, direction: next });
        }}
      >
        {label}
        <span aria-hidden="true" className="sort-mark">
          {active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}
        </span>
      </button>
    </th>
  );
}
