import { useState, type SyntheticEvent } from 'react';
import { ConflictChooser, type Choice } from '../../components/ConflictChooser';
import { usePatientRecord } from '../../db/hooks';
import { createPatient, updatePatient, type PatientChanges } from '../../db/patients-repo';
import { isConflict, type ConflictFailure } from '../../db/result';
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
  // The patient as this form loaded it: every save names it, so a save never overwrites a
  // change made elsewhere (another tab) that this form did not see.
  const [base] = useState(patient);
  const [conflict, setConflict] = useState<ConflictFailure<Patient>['conflict'] | null>(null);

  const setters: Record<string, (value: unknown) => void> = {
    code: (v) => setCode(typeof v === 'string' ? v : ''),
    name: (v) => setName(typeof v === 'string' ? v : ''),
    birthYear: (v) => setBirthYear(typeof v === 'number' ? String(v) : ''),
    sex: (v) => setSex(typeof v === 'string' ? (v as Sex) : ''),
    diagnosis: (v) => setDiagnosis(typeof v === 'string' ? v : ''),
    notes: (v) => setNotes(typeof v === 'string' ? v : ''),
  };

  const saveEdit = async (
    existing: Patient,
    from: Patient,
    changes: PatientChanges,
    choices: Readonly<Record<string, Choice>> = {},
  ) => {
    setSaving(true);
    const result = await updatePatient(existing.id, changes, {
      base: from,
      choices,
      by: clinician,
    });
    setSaving(false);
    if (isConflict(result)) {
      setConflict(result.conflict);
      setProblems([]);
      return;
    }
    if (!result.ok) {
      setProblems(result.issues);
      return;
    }
    navigate(paths.patient(result.value.id));
  };

  /** Saves again with the clinician's choice per conflicting field; the form shows it. */
  const resolve = (choices: Readonly<Record<string, Choice>>) => {
    if (!patient || !base || !conflict) return;
    for (const field of conflict.fields)
      setters[field.key]?.(choices[field.key] === 'theirs' ? field.theirs : field.mine);
    setConflict(null);
    void saveEdit(patient, base, formChanges(), choices);
  };

  const formChanges = (
    year: number | null = birthYear.trim() === '' ? null : Number(birthYear),
  ): PatientChanges & { code: string; name: string; diagnosis: string; notes: string } => ({
    code: code.trim(),
    name: name.trim(),
    diagnosis: diagnosis.trim(),
    notes: notes.trim(),
    birthYear: year,
    sex: sex === '' ? null : sex,
  });

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
    if (patient && base) {
      await saveEdit(patient, base, formChanges(year));
      return;
    }
    setSaving(true);
    const fields = formChanges(year);
    const result = await createPatient(
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
      {conflict && (
        <ConflictChooser
          what={`Patient ${conflict.current.code}`}
          conflicts={conflict.fields}
          onResolve={resolve}
          onCancel={() => setConflict(null)}
        />
      )}
      {/* autocomplete off: patient names must not land in the browser's autofill store. */}
      <form onSubmit={(e) => void onSubmit(e)} noValidate autoComplete="off">
        <div className="form-grid">
          <label htmlFor="p-code">Patient code (pseudonymous, unique)</label>
          <input
            id="p-code"
            autoComplete="off"
            value={code}
            required
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          <label htmlFor="p-name">Name (optional)</label>
          <input
            id="p-name"
            autoComplete="off"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <label htmlFor="p-year">Birth year</label>
          <input
            id="p-year"
            autoComplete="off"
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
            autoComplete="off"
            value={diagnosis}
            onChange={(e) => setDiagnosis(e.currentTarget.value)}
          />
          <label htmlFor="p-notes">Notes</label>
          <textarea
            id="p-notes"
            autoComplete="off"
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
