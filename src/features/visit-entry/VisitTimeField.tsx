import { useRef, useState } from 'react';
import type { Visit } from '../../db/schema';
import { updateVisit } from '../../db/visits-repo';
import { isClockTime } from '../../domain/visit-time';

interface Props {
  visit: Visit;
  by: string;
}

/**
 * The visit's time of day, changed when the field is left; clearing it removes the time.
 * A time that would put two visits of one day at the same moment is refused and says so
 * (the visit keeps its time).
 */
export function VisitTimeField({ visit, by }: Props) {
  const [text, setText] = useState(visit.time ?? '');
  const [error, setError] = useState<string | null>(null);
  const base = useRef(visit);
  const kept = visit.time ? `it is still ${visit.time}` : 'the visit still has no time';

  const commit = async (time: string) => {
    if (time === (visit.time ?? '')) {
      setError(null);
      return;
    }
    if (time !== '' && !isClockTime(time)) {
      setError(`Visit time must be hours and minutes (for example 09:30); ${kept}.`);
      return;
    }
    const result = await updateVisit(
      visit.id,
      { time: time === '' ? null : time },
      { base: base.current, by },
    );
    if (result.ok) base.current = result.value;
    else setText(visit.time ?? '');
    setError(result.ok ? null : `${result.reason} The visit time is unchanged.`);
  };

  return (
    <div className="visit-date">
      <label htmlFor="visit-time-edit">Visit time (optional)</label>
      <input
        id="visit-time-edit"
        type="time"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'visit-time-error' : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={(e) => void commit(e.currentTarget.value)}
      />
      {error && (
        <p className="field-error" id="visit-time-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
