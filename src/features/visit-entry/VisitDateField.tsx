import { useRef, useState } from 'react';
import type { ConfirmRequest } from '../../components/ConfirmDialog';
import type { Visit } from '../../db/schema';
import { updateVisit } from '../../db/visits-repo';
import { checkClinicalDate, localToday } from '../../domain/date-rules';
import { isIsoDate } from '../../domain/time';

interface Props {
  visit: Visit;
  birthYear: number | undefined;
  by: string;
  confirm: (request: ConfirmRequest) => Promise<boolean>;
}

/**
 * The date of a visit, changed when the field is left. A cleared or impossible date is
 * refused at the field and says so (the visit keeps its date); a date after today is kept
 * only once the clinician confirms it.
 */
export function VisitDateField({ visit, birthYear, by, confirm }: Props) {
  const [text, setText] = useState(visit.date);
  const [error, setError] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  // The visit as this field last saw it: a date change names it, so it never overwrites a
  // change made meanwhile in another tab (updateVisit merges or reports a conflict).
  const base = useRef(visit);

  const commit = async (date: string) => {
    if (date === visit.date) {
      setError(null);
      return;
    }
    if (date === '') {
      setError(`Visit date is required: the visit is still dated ${visit.date}. Choose a date.`);
      return;
    }
    if (!isIsoDate(date)) {
      setError(`Visit date must be a full date (day, month and year); it is still ${visit.date}.`);
      return;
    }
    const check = checkClinicalDate('The visit date', date, { today: localToday(), birthYear });
    if (check.kind === 'refused') {
      setError(`${check.reason} The visit is still dated ${visit.date}.`);
      return;
    }
    if (
      check.kind === 'confirm' &&
      !(await confirm({
        title: 'A visit date after today?',
        message: `${check.reason} Keep ${date} as the date of this visit?`,
        confirmLabel: `Keep ${date}`,
        cancelLabel: 'Correct the date',
      }))
    ) {
      setText(visit.date);
      setError(null);
      field.current?.focus();
      return;
    }
    const result = await updateVisit(visit.id, { date }, { base: base.current, by });
    if (result.ok) base.current = result.value;
    setError(result.ok ? null : `${result.reason} The visit is still dated ${visit.date}.`);
  };

  return (
    <div className="visit-date">
      <label htmlFor="visit-date-edit">Visit date</label>
      <input
        ref={field}
        id="visit-date-edit"
        type="date"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'visit-date-error' : undefined}
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={(e) => void commit(e.currentTarget.value)}
      />
      {error && (
        <p className="field-error" id="visit-date-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
