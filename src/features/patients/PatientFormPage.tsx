import { useEffect, useState, type SyntheticEvent } from 'react';
import { usePatientRecord } from '../../db/hooks';
import { createPatient, updatePatient } from '../../db/patients-repo';
import type { Patient, Sex } from '../../db/schema';
import { navigate, paths } from '../../state/navigation';
import { usePreferences } from '../../state/preferences';
import { firstErrorField, toFormErrors, type FormErrors } from './form-errors';

const LABELS = {
  code: 'Patient code',
  name: 'Name',
  birthYear: 'Birth year',
  sex: 'Sex',
  diagnosis: 'Diagnosis',
  notes: 'Notes',
} as const;
type Field = keyof typeof LABELS;
const ORDER = Object.keys(LABELS) as Field[];
const INPUT_ID: Record<Field, string> = {
  code: 'p-code',
  name: 'p-name',
  birthYear: 'p-year',
  sex: 'p-sex',
  diagnosis: 'p-diagnosis',
  notes: 'p-notes',
};
const NO_ERRORS: FormErrors<Field> = { fields: {}, other: [] };

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
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  // Bumped on every refused submit, so focus moves to the first error each time.
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    const first = firstErrorField(ORDER, errors.fields);
    if (first) document.getElementById(INPUT_ID[first])?.focus();
  }, [errors, attempt]);

  const refuse = (next: FormErrors<Field>) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  const onSubmit = async (e: SyntheticEvent) => {
    e.preventDefault();
    const thisYear = new Date().getFullYear();
    const yearText = birthYear.trim();
    const year = yearText === '' ? null : /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    const local: Partial<Record<Field, string>> = {};
    if (code.trim() === '') local.code = 'Patient code is required.';
    if (year !== null && (!Number.isInteger(year) || year < 1900 || year > thisYear))
      local.birthYear = `Birth year must be a year from 1900 to ${thisYear} (got "${birthYear}").`;
    if (Object.keys(local).length) {
      refuse({ fields: local, other: [] });
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
      const found = toFormErrors(result.issues, LABELS);
      // "Patient code "X" is already used…" belongs to the code field.
      const codeClash = found.other.find((m) => m.startsWith('Patient code'));
      refuse(
        codeClash
          ? {
              fields: { ...found.fields, code: codeClash },
              other: found.other.filter((m) => m !== codeClash),
            }
          : found,
      );
      return;
    }
    navigate(paths.patient(result.value.id));
  };

  const errorProps = (field: Field) =>
    errors.fields[field]
      ? { 'aria-invalid': true, 'aria-describedby': `${INPUT_ID[field]}-error` }
      : {};
  const errorOf = (field: Field) =>
    errors.fields[field] ? (
      <p className="field-error" id={`${INPUT_ID[field]}-error`}>
        {errors.fields[field]}
      </p>
    ) : null;

  return (
    <div className="card">
      <h1>{patient ? `Edit patient ${patient.code}` : 'New patient'}</h1>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <div className="form-grid">
          <label htmlFor="p-code">Patient code (pseudonymous, unique)</label>
          <input
            id="p-code"
            {...errorProps('code')}
            value={code}
            required
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          {errorOf('code')}
          <label htmlFor="p-name">Name (optional)</label>
          <input
            id="p-name"
            {...errorProps('name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          {errorOf('name')}
          <label htmlFor="p-year">Birth year</label>
          <input
            id="p-year"
            {...errorProps('birthYear')}
            inputMode="numeric"
            value={birthYear}
            onChange={(e) => setBirthYear(e.currentTarget.value)}
          />
          {errorOf('birthYear')}
          <label htmlFor="p-sex">Sex</label>
          <select
            id="p-sex"
            {...errorProps('sex')}
            value={sex}
            onChange={(e) => setSex(e.currentTarget.value as Sex | '')}
          >
            {SEXES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          {errorOf('sex')}
          <label htmlFor="p-diagnosis">Diagnosis</label>
          <input
            id="p-diagnosis"
            {...errorProps('diagnosis')}
            value={diagnosis}
            onChange={(e) => setDiagnosis(e.currentTarget.value)}
          />
          {errorOf('diagnosis')}
          <label htmlFor="p-notes">Notes</label>
          <textarea
            id="p-notes"
            {...errorProps('notes')}
            rows={3}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          {errorOf('notes')}
        </div>
        {errors.other.length > 0 && (
          <ul className="field-error" role="alert">
            {errors.other.map((p) => (
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
