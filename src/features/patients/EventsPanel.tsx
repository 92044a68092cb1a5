import { useEffect, useRef, useState } from 'react';
import { useConfirm } from '../../components/ConfirmDialog';
import { deleteEvent, setIndexEvent } from '../../db/events-repo';
import type { PatientRecord } from '../../db/patient-queries';
import { usePreferences } from '../../state/preferences';
import { EventForm } from './EventForm';
import { EVENT_KINDS, describeDose } from './event-kinds';
import { ScrollBox } from '../../components/ScrollBox';

/** Treatment events on the course; one of them can be the index event time is counted from. */
export function EventsPanel({ record }: { record: PatientRecord }) {
  const clinician = usePreferences((s) => s.clinician);
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // When a form closes, focus goes back to the button that opened it.
  const opener = useRef<string | null>(null);
  useEffect(() => {
    if (editing !== null || opener.current === null) return;
    const id = opener.current;
    opener.current = null;
    document.querySelector<HTMLElement>(`[data-opens="${CSS.escape(id)}"]`)?.focus();
  }, [editing]);
  const close = () => {
    opener.current = editing;
    setEditing(null);
  };
  const { dialog, confirm } = useConfirm();
  const { patient, events } = record;

  const run = async (p: Promise<{ ok: boolean; reason?: string }>) => {
    const result = await p;
    setProblem(result.ok ? null : (result.reason ?? 'The change was refused.'));
  };

  return (
    <section className="card" aria-labelledby="events-heading">
      <h2 id="events-heading">Treatment events</h2>
      {events.length === 0 && <p className="muted">No treatment events recorded.</p>}
      {events.length > 0 && (
        <ScrollBox label="Treatment events table">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Kind</th>
                <th scope="col">What</th>
                <th scope="col">Dose</th>
                <th scope="col">Index</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {events.map((e) =>
                editing === e.id ? (
                  <tr key={e.id}>
                    <td colSpan={6}>
                      <EventForm patientId={patient.id} event={e} onDone={close} />
                    </td>
                  </tr>
                ) : (
                  <tr key={e.id} className={e.isIndex ? 'index-event' : undefined}>
                    <td>
                      {e.date}
                      {e.endDate ? ` – ${e.endDate}` : ''}
                    </td>
                    <td>{EVENT_KINDS.find((k) => k.value === e.kind)?.label ?? e.kind}</td>
                    <td>
                      {e.label}
                      {e.details && <div className="muted">{e.details}</div>}
                    </td>
                    <td>{describeDose(e)}</td>
                    <td>{e.isIndex ? <strong>Index event</strong> : ''}</td>
                    <td className="row-actions">
                      {!e.isIndex && (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() =>
                            void run(setIndexEvent(patient.id, e.id, { by: clinician }))
                          }
                          aria-label={`Make ${e.label} the index event`}
                        >
                          Make index
                        </button>
                      )}
                      <button
                        type="button"
                        className="secondary"
                        data-opens={e.id}
                        onClick={() => setEditing(e.id)}
                        aria-label={`Edit ${e.label}`}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        className="secondary"
                        onClick={() =>
                          void confirm({
                            title: `Delete the event “${e.label}” of ${e.date}?`,
                            message:
                              'It is removed from the charts and the course (kept in the history).',
                            confirmLabel: 'Delete event',
                            cancelLabel: 'Keep the event',
                            destructive: true,
                          }).then((yes) => {
                            if (yes) void run(deleteEvent(e.id, { by: clinician }));
                          })
                        }
                        aria-label={`Delete ${e.label}`}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </ScrollBox>
      )}
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {editing === 'new' ? (
        <EventForm patientId={patient.id} onDone={close} />
      ) : (
        <button type="button" data-opens="new" onClick={() => setEditing('new')}>
          Add treatment event
        </button>
      )}
      {dialog}
    </section>
  );
}
