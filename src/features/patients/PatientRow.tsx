import { useClinicalRules } from '../../db/choices-hooks';
import { usePatientRecord } from '../../db/hooks';
import { finishedPart } from '../../db/patient-queries';
import type { Patient } from '../../db/schema';
import { courseRules } from '../../domain/clinical-rules';
import { patientOverview } from '../../domain/patient-overview';
import { paths } from '../../state/navigation';

interface Props {
  patient: Patient;
  flagged: boolean;
}

/** One row: its own live query, so a change to one patient re-renders only that row. */
export function PatientRow({ patient, flagged }: Props) {
  const record = usePatientRecord(patient.id);
  const rules = useClinicalRules();
  const finished = record ? finishedPart(record) : null;
  const overview =
    record && finished && rules
      ? patientOverview(finished.visits, finished.assessments, {
          indexDate: record.indexEvent?.date ?? null,
          indexTime: record.indexEvent?.time ?? null,
          baselineVisitId: record.patient.baselineVisitId,
          rules: courseRules(rules),
        })
      : null;
  return (
    <tr>
      <th scope="row">
        <a href={paths.patient(patient.id)}>{patient.code}</a>
      </th>
      <td>{patient.name ?? ''}</td>
      <td>
        {overview?.lastVisit ?? '—'}
        {finished?.draft && <span className="tag tag-summary">visit in progress</span>}
      </td>
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
