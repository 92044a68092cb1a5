import { CourseFiguresList } from '../../components/CourseFiguresList';
import { formatTotal } from '../../domain/format';
import type { ScaleCourse } from '../../domain/patient-course';
import { timeSinceLabel } from '../../domain/time';

const span = (days: number | null) => (days === null ? '—' : timeSinceLabel(days));

/** One line of figures for a scale other than the primary one. */
export function compactFigures({ scale, figures }: ScaleCourse): string {
  const parts: string[] = [];
  if (scale.response) parts.push(`response ${span(figures.timeToResponse)}`);
  if (scale.remission.length) parts.push(`remission ${span(figures.timeToRemission)}`);
  if (figures.responseDuration) {
    parts.push(
      `response lasted ${span(figures.responseDuration.days)}${figures.responseDuration.ongoing ? ' (ongoing)' : ''}`,
    );
  }
  if (scale.relapse.length) parts.push(`relapse ${span(figures.timeToRelapse)}`);
  if (figures.best) {
    const word = scale.direction === 'higher-is-better' ? 'highest' : 'nadir';
    parts.push(`${word} ${formatTotal(figures.best.total)} (${figures.best.date})`);
  }
  if (figures.last) parts.push(`last ${formatTotal(figures.last.total)} (${figures.last.date})`);
  return parts.join(' · ');
}

interface Props {
  readonly primary: ScaleCourse | undefined;
  readonly others: readonly ScaleCourse[];
  /** The date range leaves visits out: the figures still cover the whole course. */
  readonly cut: boolean;
}

/** Time to response, remission, relapse: in full for the primary scale, one line for others. */
export function FiguresSection({ primary, others, cut }: Props) {
  if (!primary && others.length === 0) return null;
  const origin = (primary ?? others[0])?.figures.origin?.kind;
  return (
    <section className="sheet-section figures-section" aria-labelledby="sheet-figures">
      <h2 id="sheet-figures">
        Course figures
        {primary && <span className="h2-note"> · primary scale {primary.scale.id}</span>}
        {origin && <span className="h2-note"> · times counted from the {origin}</span>}
      </h2>
      {primary && <CourseFiguresList course={primary} />}
      {others.length > 0 && (
        <ul className="figure-lines">
          {others.map((c) => (
            <li key={c.scale.id}>
              <strong>{c.scale.id}</strong>: {compactFigures(c)}
            </li>
          ))}
        </ul>
      )}
      {cut && <p className="muted">Figures cover the whole course, not only the dates shown.</p>}
    </section>
  );
}
