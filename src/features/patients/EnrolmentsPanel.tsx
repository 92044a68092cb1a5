import { usePatientEnrolments } from '../../db/stored-cohort-hooks';
import { paths } from '../../state/navigation';

/** The stored cohorts this patient is enrolled in, with the arm (enrolling: Cohorts page). */
export function EnrolmentsPanel({ patientId }: { patientId: string }) {
  const enrolments = usePatientEnrolments(patientId);
  if (enrolments === undefined) return null;
  return (
    <section className="card" aria-labelledby="enrolments-heading">
      <h2 id="enrolments-heading">Cohorts</h2>
      {enrolments.length === 0 ? (
        <p className="list-meta">
          Not enrolled in a stored cohort. <a href={paths.cohorts()}>Cohorts</a>
        </p>
      ) : (
        <ul>
          {enrolments.map(({ enrolment, cohortName, armName, armNumber }) => (
            <li key={enrolment.id}>
              <a href={paths.storedCohort(enrolment.cohortId)}>{cohortName}</a>: arm {armNumber} (
              {armName}){enrolment.enrolledOn ? `, enrolled ${enrolment.enrolledOn}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
