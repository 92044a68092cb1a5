import { usePatientRecord } from '../../db/hooks';
import type { Patient } from '../../db/schema';
import { patientOverview } from '../../domain/patient-overview';
import { paths } from '../../state/navigation';
import { courseRules, usePreferences } from '../../state/preferences';

interface Props {
  patient: Patient;
  flagged: boolean;
}

/** One row: its own live query, so a change to one patient re-renders only that row. */
export function PatientRow({ patient, flagged }: Props) {
  const record = usePatientRecord(patient.id);
  const prefs = usePreferences();
  const overview = record
    ? patientOverview(record.visits, record.assessments, {
        indexDate: record.indexEvent?.date ?? null,
        rules: courseRules(prefs),
      })
    : null;
  return (
    <tr>
      <th scope="row">
        <a href={paths.patient(patient.id)}>{patient.code}</a>
      </th>
      <td>{patient.name ?? ''}</td>
      <td>{overview?.lastVisit ?? '—'}</td>
      <td>
        {overview?.latest.length
          ? overview.latest.map((s) => (
              <span key={s.scaleId} className="latest-score">
                {s.scaleId} {s.text}
              </span>
            ))
          : '—'}
      </td>
      <td>
        {overview?.status ? (
          <span className={`status status-${overview.status.status}`}>
            {overview.status.label} <span className="muted">({overview.status.scaleId})</span>
          </span>
        ) : (
          '—'
        )}
      </td>
      <td>{flagged ? <span className="tag tag-flag">Safety flag</span> : ''}</td>
    </tr>
  );
}
