import { useState, type SyntheticEvent } from 'react';
import { usePatientRecord } from '../../db/hooks';
import { createPatient, updatePatient } from '../../db/patients-repo';
import type { Patient, Sex } from '../../db/schema';
import { navigate, paths } from '../../state/navigation';
import { usePreferences } from '../../state/preferences';

interface Props {
  patientId?: string;
}

export function PatientFormPage({ patientId }: Props) {
  const record = usePatientRecord(patientId);
  if (patientId !== undefined && record === undefined) return <p role="status">Loading…</p>;
  if (patientId !== undefined && record === null) return <p>There is no such patient.</p>;
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
          <ul className="field-error" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <div className="actions">
          <button type="submit" disabled={saving}>
            {patient ? 'Save changes' : 'Create patient'}
          </button>
          <a
            className="button secondary"
            href={patient ? paths.patient(patient.id) : paths.patients()}
          >
            Cancel
          </a>
        </div>
      </form>
    </div>
  );
}
