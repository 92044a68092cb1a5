import { ScrollBox } from '../../components/ScrollBox';
import type { CaseloadRow } from '../../domain/caseload/caseload';
import { dueText, type DueState } from '../../domain/caseload/due';
import { paths } from '../../state/navigation';

const STATE_WORDS: Record<DueState, string> = {
  overdue: 'Overdue',
  'first-visit': 'No finished visit',
  'due-this-week': 'Due this week',
  later: 'Later',
};

const STATE_CLASS: Record<DueState, string> = {
  overdue: 'tag tag-flag',
  'first-visit': 'tag tag-summary',
  'due-this-week': 'tag tag-summary',
  later: 'tag',
};

/** Every patient, the ones to call first at the top (order from the domain). */
export function DueTable({ rows }: { rows: readonly CaseloadRow[] }) {
  return (
    <ScrollBox label="Visits due table">
      <table className="data caseload-table">
        <caption className="visually-hidden">Visits due, overdue first</caption>
        <thead>
          <tr>
            <th scope="col">Patient</th>
            <th scope="col">Due</th>
            <th scope="col">Next visit</th>
            <th scope="col">Last finished visit</th>
            <th scope="col">Interval</th>
            <th scope="col">Latest status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.patientId}>
              <th scope="row">
                <a href={paths.patient(r.patientId)}>{r.code}</a>
                {r.name && <span className="muted"> {r.name}</span>}
              </th>
              <td>
                <span className={STATE_CLASS[r.due.state]}>{STATE_WORDS[r.due.state]}</span>
              </td>
              <td>
                {r.due.dueDate ?? '—'} <span className="muted">({dueText(r.due)})</span>
                {r.draftDate && (
                  <span className="tag tag-summary">visit of {r.draftDate} in progress</span>
                )}
              </td>
              <td>{r.due.lastVisit ?? '—'}</td>
              <td>{r.due.intervalDays === 7 ? 'weekly' : `every ${r.due.intervalDays} days`}</td>
              <td>
                {r.status ? (
                  <span className={`status status-${r.status.status}`}>
                    {r.status.label} <span className="muted">({r.status.scaleId})</span>
                  </span>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
