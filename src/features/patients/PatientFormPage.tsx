import { useEffect, useState, type SyntheticEvent } from 'react';
import { usePatientRecord } from '../../db/hooks';
import { createPatient, updatePatient } from '../../db/patients-repo';
import type { Patient, Sex } from '../../db/schema';
import { navigate, paths } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { usePreferences } from '../../state/preferences';

interface Props {
  patientId?: string;
}

export function PatientFormPage({ patientId }: Props) {
  const record = usePatientRecord(patientId);
  usePageTitle(
    patientId === undefined
      ? 'New patient'
      : record === null
        ? 'Patient not found'
        : record && `Edit ${record.patient.code}`,
  );
  if (patientId !== undefined && record === undefined) return <p role="status">Loading…</p>;
  if (patientId !== undefined && record === null)
    return (
      <div className="card">
        <h1>Patient not found</h1>
        <p>
          It may have been deleted. <a href={paths.patients()}>Back to the patient list</a>.
        </p>
      </div>
    );
  return <PatientForm key={record?.patient.id ?? 'new'} patient={record?.patient} />;
}

const SEXES: { value: Sex | ''; label: string }[] = [
  { value: '', label: 'Not recorded' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'other', label: 'Other' },
  { value: 'unknown', label: 'Unknown' },
];

function PatientForm({ patient }: { patient?: Patient | undefined }) {
  const clinician = usePreferences((s) => s.clinician);
  const [code, setCode] = useState(patient?.code ?? '');
  const [name, setName] = useState(patient?.name ?? '');
  const [birthYear, setBirthYear] = useState(patient?.birthYear?.toString() ?? '');
  const [sex, setSex] = useState<Sex | ''>(patient?.sex ?? '');
  const [diagnosis, setDiagnosis] = useState(patient?.diagnosis ?? '');
  const [notes, setNotes] = useState(patient?.notes ?? '');
  const [problems, setProblems] = useState<readonly string[]>([]);
  const [saving, setSaving] = useState(false);
  const cancelTo = patient ? paths.patient(patient.id) : paths.patients();
  const changed =
    code !== (patient?.code ?? '') ||
    name !== (patient?.name ?? '') ||
    birthYear !== (patient?.birthYear?.toString() ?? '') ||
    sex !== (patient?.sex ?? '') ||
    diagnosis !== (patient?.diagnosis ?? '') ||
    notes !== (patient?.notes ?? '');
  // Escape closes the form like Cancel; typed changes are only dropped after asking.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      if (!changed || window.confirm('Discard the changes to this patient?')) navigate(cancelTo);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [changed, cancelTo]);

  const onSubmit = async (e: SyntheticEvent) => {
    e.preventDefault();
    const year = birthYear.trim() === '' ? null : Number(birthYear);
    if (
      year !== null &&
      (!Number.isInteger(year) || year < 1900 || year > new Date().getFullYear())
    ) {
      setProblems([
        `Birth year must be a year between 1900 and ${new Date().getFullYear()} (got "${birthYear}").`,
      ]);
      return;
    }
    setSaving(true);
    const fields = {
      code: code.trim(),
      name: name.trim(),
      diagnosis: diagnosis.trim(),
      notes: notes.trim(),
    };
    const result = patient
      ? await updatePatient(
          patient.id,
          { ...fields, birthYear: year, sex: sex === '' ? null : sex },
          { by: clinician },
        )
      : await createPatient(
          {
            code: fields.code,
            ...(fields.name ? { name: fields.name } : {}),
            ...(fields.diagnosis ? { diagnosis: fields.diagnosis } : {}),
            ...(fields.notes ? { notes: fields.notes } : {}),
            ...(year === null ? {} : { birthYear: year }),
            ...(sex === '' ? {} : { sex }),
          },
          { by: clinician },
        );
    setSaving(false);
    if (!result.ok) {
      setProblems(result.issues);
      return;
    }
    navigate(paths.patient(result.value.id));
  };

  return (
    <div className="card">
      <h1>{patient ? `Edit patient ${patient.code}` : 'New patient'}</h1>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="form-grid">
          <label htmlFor="p-code">Patient code (pseudonymous, unique)</label>
          <input
            id="p-code"
            value={code}
            required
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          <label htmlFor="p-name">Name (optional)</label>
          <input id="p-name" value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <label htmlFor="p-year">Birth year</label>
          <input
            id="p-year"
            inputMode="numeric"
            value={birthYear}
            onChange={(e) => setBirthYear(e.currentTarget.value)}
          />
          <label htmlFor="p-sex">Sex</label>
          <select
            id="p-sex"
            value={sex}
            onChange={(e) => setSex(e.currentTarget.value as Sex | '')}
          >
            {SEXES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <label htmlFor="p-diagnosis">Diagnosis</label>
          <input
            id="p-diagnosis"
            value={diagnosis}
            onChange={(e) => setDiagnosis(e.currentTarget.value)}
          />
          <label htmlFor="p-notes">Notes</label>
          <textarea
            id="p-notes"
            rows={3}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
        </div>
        {problems.length > 0 && (
          <div role="alert">
            <ul className="field-error">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="actions">
          <button type="submit" disabled={saving}>
            {patient ? 'Save changes' : 'Create patient'}
          </button>
          <a className="button secondary" href={cancelTo}>
            Cancel
          </a>
        </div>
      </form>
    </div>
  );
}
