import type { TreatmentEvent } from '../../db/schema';
import { doseText, KIND_LABEL } from './event-text';

/** Treatment events by date; the index event (time is counted from it) is marked in words. */
export function EventsTable({ events }: { events: readonly TreatmentEvent[] }) {
  return (
    <section className="sheet-section" aria-labelledby="sheet-events">
      <h2 id="sheet-events">Treatment events</h2>
      {events.length === 0 ? (
        <p className="muted">No treatment events recorded.</p>
      ) : (
        <table className="sheet-table events-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Treatment and dose</th>
              <th scope="col">Details</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => {
              const dose = doseText(e);
              return (
                <tr key={e.id} className={e.isIndex ? 'index-event' : undefined}>
                  <td className="nowrap">
                    {e.date}
                    {e.endDate && e.endDate !== e.date && <> to {e.endDate}</>}
                  </td>
                  <td>
                    {e.isIndex && <strong className="index-mark">INDEX ▶ </strong>}
                    <span className="event-label">{e.label}</span>
                    {dose && <> {dose}</>}
                    <span className="muted"> · {KIND_LABEL[e.kind]}</span>
                  </td>
                  <td className="event-details">{e.details ?? ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
