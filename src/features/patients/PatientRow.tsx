import type { PatientSummary } from '../../db/schema';
import type { ScaleId } from '../../domain/scale-types';
import { paths } from '../../state/navigation';

interface Props {
  summary: PatientSummary;
  scales: readonly ScaleId[];
}

/** One row, drawn from the patient's summary: no query of its own. */
export function PatientRow({ summary, scales }: Props) {
  const latest = new Map(summary.latest.map((s) => [s.scaleId, s]));
  return (
    <tr>
      <th scope="row">
        <a href={paths.patient(summary.patientId)}>{summary.code}</a>
      </th>
      <td>{summary.name ?? ''}</td>
      <td>
        {summary.lastVisit || '—'}
        {summary.draft && <span className="tag tag-summary">visit in progress</span>}
      </td>
      {scales.map((scaleId) => {
        const score = latest.get(scaleId);
        return (
          <td key={scaleId} className="num">
            {score ? <span title={`${scaleId} on ${score.date}`}>{score.text}</span> : '—'}
          </td>
        );
      })}
      <td>
        {summary.status ? (
          <span className={`status status-${summary.status.status}`}>
            {summary.status.label} <span className="muted">({summary.status.scaleId})</span>
          </span>
        ) : (
          '—'
        )}
      </td>
      <td>
        {summary.openFlags > 0 ? (
          <span className="tag tag-flag">
            {summary.openFlags === 1 ? 'Safety flag' : `${summary.openFlags} safety flags`}
          </span>
        ) : (
          ''
        )}
      </td>
    </tr>
  );
}
