/**
 * A long export or import as a progress bar with records done, records per second and time
 * left. The figures are pure (progressFigures) so they can be tested without a clock.
 */

export interface ProgressFigures {
  readonly percent: number;
  /** Records per second since the start; null before the first second's worth of data. */
  readonly rate: number | null;
  /** Seconds left at that rate; null when unknown. */
  readonly secondsLeft: number | null;
}

export function progressFigures(done: number, total: number, elapsedMs: number): ProgressFigures {
  const percent = total > 0 ? Math.min(100, Math.round((done / total) * 100)) : 0;
  if (elapsedMs <= 0 || done <= 0) return { percent, rate: null, secondsLeft: null };
  const rate = (done * 1000) / elapsedMs;
  return { percent, rate, secondsLeft: total > done ? (total - done) / rate : 0 };
}

/** '45 s', '3 min 05 s'. */
export function formatDuration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

interface Props {
  /** What is progressing: 'Exporting', 'Importing'. */
  readonly label: string;
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
}

export function ProgressMeter({ label, done, total, elapsedMs }: Props) {
  const { percent, rate, secondsLeft } = progressFigures(done, total, elapsedMs);
  const figures = [
    `${done.toLocaleString('en')} of ${total.toLocaleString('en')} records`,
    rate === null ? '' : `${Math.round(rate).toLocaleString('en')} records/s`,
    secondsLeft === null ? '' : `about ${formatDuration(secondsLeft)} left`,
  ].filter(Boolean);
  return (
    <div className="progress" role="status" aria-busy="true">
      <label>
        {label}: <progress max={100} value={percent} aria-valuetext={`${percent}%`} /> {percent}%
      </label>
      <p>{figures.join(', ')}</p>
    </div>
  );
}
