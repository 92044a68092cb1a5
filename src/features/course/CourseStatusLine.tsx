import { STATUS_LABEL } from '../../domain/course-table';
import { formatPercent, formatTotal } from '../../domain/format';
import type { ScaleCourse } from '../../domain/patient-course';

/** One sentence on where the patient is now, by the primary scale. */
export function CourseStatusLine({ course }: { course: ScaleCourse }) {
  const rated = course.course.points.filter((p) => p.total !== null);
  const last = rated[rated.length - 1];
  if (!last || last.total === null) return null;
  const pct = last.change?.percentImprovement;
  return (
    <p className="course-status" role="status">
      Now ({last.date}): {course.scale.id} {formatTotal(last.total)}
      {pct !== undefined && pct !== null && (
        <>
          {' '}
          ({formatPercent(Math.abs(pct))} {pct >= 0 ? 'reduction' : 'increase'} from baseline)
        </>
      )}{' '}
      — <span className={`status status-${last.status}`}>{STATUS_LABEL[last.status]}</span>
      {course.course.notes.map((n) => (
        <span key={n} className="muted">
          {' '}
          {n}
        </span>
      ))}
    </p>
  );
}
