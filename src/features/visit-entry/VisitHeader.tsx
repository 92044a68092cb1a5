import type { PatientRecord } from '../../db/patient-queries';
import type { Visit } from '../../db/schema';
import { daysBetween, timeFromIndexPhrase } from '../../domain/time';
import { dateTimeText, hoursFromIndexPhrase } from '../../domain/visit-time';
import { paths } from '../../state/navigation';

/** The visit's heading (date, time from the index event in words) and its save status. */
export function VisitHeader({
  record,
  visit,
  status,
}: {
  record: PatientRecord;
  visit: Visit;
  status: string;
}) {
  const index = record.indexEvent;
  const isDraft = visit.status === 'draft';
  return (
    <div className="page-head">
      <div>
        <p className="muted">
          <a href={paths.patient(record.patient.id)}>{record.patient.code}</a> ›{' '}
          {isDraft ? 'Visit in progress' : 'Finished visit'}
        </p>
        <h1>
          Visit of {dateTimeText(visit)}
          {index && (
            <span className="muted">
              {' '}
              ·{' '}
              {hoursFromIndexPhrase(visit, index, index.label) ??
                timeFromIndexPhrase(daysBetween(index.date, visit.date), index.label)}
            </span>
          )}
        </h1>
      </div>
      <p className="muted save-state" role="status">
        {status}
      </p>
    </div>
  );
}
