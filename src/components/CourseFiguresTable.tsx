import { formatTotal } from '../domain/format';
import type { ScaleCourse } from '../domain/patient-course';
import { timeSinceLabel } from '../domain/time';
import { ScrollBox } from './ScrollBox';

const span = (days: number | null) => (days === null ? '—' : timeSinceLabel(days));

/**
 * Course figures of every scale in one table: time to response and remission, how long
 * the response lasted, time to relapse, the best score and the last one.
 */
export function CourseFiguresTable({ courses }: { courses: readonly ScaleCourse[] }) {
  const rows = courses.filter(
    (c) => c.scale.kind === 'severity' && c.course.baselineIndex !== null,
  );
  const origin = rows[0]?.figures.origin;
  return (
    <ScrollBox label="Course figures table">
      <table className="data figures-table">
        <caption>
          Course figures
          {origin ? `; times are counted from the ${origin.kind} (${origin.date})` : ''}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Scale</th>
            <th scope="col">Time to response</th>
            <th scope="col">Time to remission</th>
            <th scope="col">Duration of response</th>
            <th scope="col">Time to relapse</th>
            <th scope="col">Best score</th>
            <th scope="col">Last score</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ scale, figures }) => (
            <tr key={scale.id}>
              <th scope="row">{scale.id}</th>
              <td>{span(figures.timeToResponse)}</td>
              <td>{span(figures.timeToRemission)}</td>
              <td>
                {figures.responseDuration
                  ? `${span(figures.responseDuration.days)}${figures.responseDuration.ongoing ? ' (ongoing)' : ''}`
                  : '—'}
              </td>
              <td>{span(figures.timeToRelapse)}</td>
              <td>
                {figures.best ? `${formatTotal(figures.best.total)} (${figures.best.date})` : '—'}
                {scale.direction === 'higher-is-better' && <span className="muted"> highest</span>}
              </td>
              <td>
                {figures.last ? `${formatTotal(figures.last.total)} (${figures.last.date})` : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
