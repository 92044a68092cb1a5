import { useConfirm } from '../../components/ConfirmDialog';
import { useState } from 'react';
import { usePatientRecord } from '../../db/hooks';
import { countPurge, deletePatient, purgePatient } from '../../db/patients-repo';
import { navigate, paths } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { usePreferences } from '../../state/preferences';
import { EnrolmentsPanel } from './EnrolmentsPanel';
import { EventsPanel } from './EventsPanel';
import { HistoryPanel } from './HistoryPanel';
import { SafetyFlagsPanel } from './SafetyFlagsPanel';
import { VisitsPanel } from './VisitsPanel';

export function PatientPage({ patientId }: { patientId: string }) {
  const record = usePatientRecord(patientId);
  const clinician = usePreferences((s) => s.clinician);
  const [problem, setProblem] = useState<string | null>(null);
  usePageTitle(record === null ? 'Patient not found' : record?.patient.code);
  const { dialog, confirm } = useConfirm();
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
    patient.expectedIntervalDays === undefined
      ? 'seen weekly'
      : `seen every ${patient.expectedIntervalDays} ${patient.expectedIntervalDays === 1 ? 'day' : 'days'}`,
  ].filter(Boolean);

  const onDelete = async () => {
    const yes = await confirm({
      title: `Delete patient ${patient.code}?`,
      message: `All their treatment events, visits and scores are deleted (kept in the history).`,
      confirmLabel: `Delete ${patient.code}`,
      cancelLabel: 'Keep the patient',
      destructive: true,
    });
    if (!yes) return;
    const result = await deletePatient(patient.id, { by: clinician });
    if (result.ok) navigate(paths.patients());
    else setProblem(result.reason);
  };

  const onPurge = async () => {
    const count = await countPurge(patient.id);
    if (!count) return;
    const yes = await confirm({
      title: `Erase patient ${patient.code} for good?`,
      message: `Right to erasure: this removes the patient, ${count.events} treatment events, ${count.visits} visits, ${count.assessments} scores, ${count.safetyAcks} safety acknowledgements and all ${count.history} history entries about them. It cannot be undone. Backup files made earlier are not changed.`,
      confirmLabel: `Erase ${patient.code}`,
      cancelLabel: 'Keep the patient',
      destructive: true,
    });
    if (!yes) return;
    const result = await purgePatient(patient.id, { by: clinician });
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
      <EnrolmentsPanel patientId={patient.id} />
      <HistoryPanel patientId={patient.id} />
      <section className="card">
        <h2>Delete</h2>
        <p className="muted">
          Deleting removes the patient, their treatment events, visits and scores.
        </p>
        <button type="button" className="danger" onClick={() => void onDelete()}>
          Delete patient {patient.code}
        </button>
        <p className="muted">
          Deleting keeps the history, so it can be undone. For a patient&apos;s right to erasure,
          erase removes the history too, for good.
        </p>
        <button type="button" className="danger" onClick={() => void onPurge()}>
          Erase patient {patient.code} and their history
        </button>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
      </section>
      {dialog}
    </>
  );
}
