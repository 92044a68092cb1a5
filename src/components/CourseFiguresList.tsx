import type { ScaleCourse } from '../domain/patient-course';
import { formatTotal } from '../domain/format';
import { timeSinceLabel } from '../domain/time';

interface Props {
  course: ScaleCourse;
}

const span = (days: number | null) => (days === null ? '—' : timeSinceLabel(days));

/** Time to response, remission, response duration, time to relapse, best and last score. */
export function CourseFiguresList({ course }: Props) {
  const { figures, scale } = course;
  const from = figures.origin ? `after the ${figures.origin.kind}` : '';
  const items: [string, string][] = [
    ['Time to response', span(figures.timeToResponse)],
    ['Time to remission', span(figures.timeToRemission)],
    [
      'Duration of response',
      figures.responseDuration
        ? `${span(figures.responseDuration.days)}${figures.responseDuration.ongoing ? ' (ongoing)' : ''}`
        : '—',
    ],
    ['Time to relapse', span(figures.timeToRelapse)],
    [
      scale.direction === 'higher-is-better' ? 'Best (highest)' : 'Best (nadir)',
      figures.best ? `${formatTotal(figures.best.total)} on ${figures.best.date}` : '—',
    ],
    ['Last', figures.last ? `${formatTotal(figures.last.total)} on ${figures.last.date}` : '—'],
  ];
  return (
    <section className="figures" aria-label={`${scale.id} course figures`}>
      {items.map(([label, value]) => (
        <div className="figure-box" key={label}>
          <div className="label">
            {scale.id} · {label}
          </div>
          <div className="value">{value}</div>
        </div>
      ))}
      {from && <p className="muted figures-note">Times are counted {from}.</p>}
    </section>
  );
}
