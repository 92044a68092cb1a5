import { useEffect, useRef, useState } from 'react';
import { useConfirm } from '../../components/ConfirmDialog';
import { checkClinicalDate, localToday } from '../../domain/date-rules';
import type { PatientRecord } from '../../db/patient-queries';
import { createVisit } from '../../db/visits-repo';
import type { Assessment } from '../../db/schema';
import { scaleOf } from '../../domain/scales/registry';
import { scoreEntry } from '../../domain/scoring';
import { dateTimeText, isClockTime, sinceIndexText } from '../../domain/visit-time';
import { navigate, paths } from '../../state/navigation';
import { usePreferences } from '../../state/preferences';
import { ScrollBox } from '../../components/ScrollBox';

const today = () => localToday();

export function VisitsPanel({ record }: { record: PatientRecord }) {
  const clinician = usePreferences((s) => s.clinician);
  const [date, setDate] = useState(today);
  const [time, setTime] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { dialog, confirm } = useConfirm();
  const { patient, visits, assessments, indexEvent } = record;
  const draft = visits.find((v) => v.status === 'draft');

  const start = async (focus?: 'first-entry') => {
    if (date === '') {
      setProblem('Visit date is required: choose the day of the visit.');
      return;
    }
    const check = checkClinicalDate('The visit date', date, {
      today: today(),
      birthYear: patient.birthYear,
    });
    if (check.kind === 'refused') {
      setProblem(check.reason);
      return;
    }
    if (
      check.kind === 'confirm' &&
      !(await confirm({
        title: 'A visit date after today?',
        message: `${check.reason} Start a visit dated ${date}?`,
        confirmLabel: `Start visit of ${date}`,
        cancelLabel: 'Correct the date',
      }))
    )
      return;
    if (time !== '' && !isClockTime(time)) {
      setProblem('Visit time must be a time of day, hours and minutes (for example 09:30).');
      return;
    }
    const result = await createVisit(
      { patientId: patient.id, date, ...(time ? { time } : {}) },
      { by: clinician },
    );
    if (!result.ok) {
      setProblem(result.reason);
      return;
    }
    navigate(paths.visit(patient.id, result.value.id), focus ? { focus } : {});
  };

  // Alt+V starts the visit (or continues the one in progress) and lands on its first item.
  const shortcut = useRef<() => void>(() => undefined);
  useEffect(() => {
    shortcut.current = () => {
      if (draft) navigate(paths.visit(patient.id, draft.id), { focus: 'first-entry' });
      else void start('first-entry');
    };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && e.code === 'KeyV') {
        e.preventDefault();
        shortcut.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  return (
    <section className="card" aria-labelledby="visits-heading">
      <h2 id="visits-heading">Visits</h2>
      {draft ? (
        <p className="banner banner-info">
          A visit of {dateTimeText(draft)} is in progress (draft, saved as typed).{' '}
          <a className="button" href={paths.visit(patient.id, draft.id)} aria-keyshortcuts="Alt+V">
            Continue visit of {draft.date}
          </a>{' '}
          <span className="muted">
            or press <kbd>Alt</kbd>+<kbd>V</kbd>
          </span>
        </p>
      ) : (
        <form
          className="actions"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <label htmlFor="visit-date">Visit date</label>
          <input
            id="visit-date"
            type="date"
            value={date}
            required
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'visit-date-problem' : undefined}
            onChange={(e) => setDate(e.currentTarget.value)}
          />
          <label htmlFor="visit-time">Time (optional)</label>
          <input
            id="visit-time"
            type="time"
            value={time}
            aria-describedby="visit-time-hint"
            onChange={(e) => setTime(e.currentTarget.value)}
          />
          <span className="visually-hidden" id="visit-time-hint">
            Needed when the patient has more than one visit that day.
          </span>
          <button type="submit" aria-keyshortcuts="Alt+V">
            Start visit
          </button>
          <span className="muted">
            or press <kbd>Alt</kbd>+<kbd>V</kbd> from anywhere on this page
          </span>
        </form>
      )}
      {problem && (
        <p className="field-error" role="alert" id="visit-date-problem">
          {problem}
        </p>
      )}
      {visits.length === 0 ? (
        <p className="muted">No visits yet.</p>
      ) : (
        <ScrollBox label="Visits table">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Date and time</th>
                <th scope="col">Since {indexEvent ? indexEvent.label : 'index event'}</th>
                <th scope="col">Scales</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {[...visits].reverse().map((v) => {
                const scales = assessments.filter((a) => a.visitId === v.id);
                return (
                  <tr key={v.id}>
                    <th scope="row">
                      <a href={paths.visit(patient.id, v.id)}>{dateTimeText(v)}</a>
                    </th>
                    <td>{indexEvent ? sinceIndexText(v, indexEvent) : '—'}</td>
                    <td>
                      {scales.map((a) => (
                        <span key={a.id} className="latest-score">
                          {a.scaleId}
                          {v.status === 'final' && <> {totalText(a)}</>}
                          {a.entry.mode === 'summary' && (
                            <span className="tag tag-summary">summary</span>
                          )}
                          <NotScoredReason assessment={a} />
                        </span>
                      ))}
                    </td>
                    <td>
                      {v.status === 'draft' ? (
                        <span className="tag tag-summary">draft</span>
                      ) : (
                        'finished'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {dialog}
    </section>
  );
}

/** A finished scale's total as the course shows it; a visit in progress is never scored. */
function totalText(a: Assessment): string {
  const r = scoreEntry(scaleOf(a), a.entry);
  if (!r.ok || r.score.total === null) return 'no total';
  return r.score.completeness === 'prorated'
    ? `${r.score.total} (prorated)`
    : String(r.score.total);
}

/** A stored entry that no longer validates says why it has no score (its safety flags stay). */
function NotScoredReason({ assessment }: { assessment: Assessment }) {
  const scored = scoreEntry(scaleOf(assessment), assessment.entry);
  if (scored.ok) return null;
  return (
    <span className="tag tag-flag">
      not scored: {scored.issues.map((i) => i.message).join(' ')}
    </span>
  );
}
