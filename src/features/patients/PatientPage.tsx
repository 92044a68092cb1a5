import { useState } from 'react';
import { usePatientRecord } from '../../db/hooks';
import { deletePatient } from '../../db/patients-repo';
import { navigate, paths } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { usePreferences } from '../../state/preferences';
import { EventsPanel } from './EventsPanel';
import { HistoryPanel } from './HistoryPanel';
import { SafetyFlagsPanel } from './SafetyFlagsPanel';
import { VisitsPanel } from './VisitsPanel';

export function PatientPage({ patientId }: { patientId: string }) {
  const record = usePatientRecord(patientId);
  const clinician = usePreferences((s) => s.clinician);
  const [problem, setProblem] = useState<string | null>(null);
  usePageTitle(record === null ? 'Patient not found' : record?.patient.code);
  if (record === undefined) return <p role="status">Loading…</p>;
  if (record === null)
    return (
      <div className="card">
        <h1>Patient not found</h1>
        <p>
          It may have been deleted. <a href={paths.patients()}>Back to the patient list</a>.
        </p>
      </div>
    );
  const { patient } = record;
  const details = [
    patient.diagnosis,
    patient.sex && patient.sex !== 'unknown' ? patient.sex : null,
    patient.birthYear ? `born ${patient.birthYear}` : null,
  ].filter(Boolean);

  const onDelete = async () => {
    if (
      !window.confirm(
        `Delete patient ${patient.code} with all their treatment events, visits and scores?`,
      )
    )
      return;
    const result = await deletePatient(patient.id, { by: clinician });
    if (result.ok) navigate(paths.patients());
    else setProblem(result.reason);
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>
            {patient.code}
            {patient.name && <span className="muted"> · {patient.name}</span>}
          </h1>
          {details.length > 0 && <p className="muted">{details.join(' · ')}</p>}
        </div>
        <div className="actions">
          <a className="button" href={paths.course(patient.id)}>
            Course
          </a>
          <a className="button secondary" href={paths.print(patient.id)}>
            Print summary
          </a>
          <a className="button secondary" href={paths.editPatient(patient.id)}>
            Edit patient
          </a>
        </div>
      </div>
      {patient.notes && <p className="patient-notes">{patient.notes}</p>}
      <SafetyFlagsPanel patientId={patient.id} />
      <VisitsPanel record={record} />
      <EventsPanel record={record} />
      <HistoryPanel patientId={patient.id} />
      <section className="card">
        <h2>Delete</h2>
        <p className="muted">
          Deleting removes the patient, their treatment events, visits and scores.
        </p>
        <button type="button" className="danger" onClick={() => void onDelete()}>
          Delete patient {patient.code}
        </button>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </section>
    </>
  );
}
