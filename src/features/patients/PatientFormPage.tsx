import { useEffect, useState, type SyntheticEvent } from 'react';
import { useConfirm } from '../../components/ConfirmDialog';
import { ConflictChooser, type Choice } from '../../components/ConflictChooser';
import { usePatientRecord } from '../../db/hooks';
import { DEFAULT_VISIT_INTERVAL_DAYS, VISIT_INTERVAL_LIMITS } from '../../domain/caseload/due';
import { createPatient, updatePatient, type PatientChanges } from '../../db/patients-repo';
import { isConflict, type ConflictFailure } from '../../db/result';
import type { Patient, Sex } from '../../db/schema';
import { navigate, paths } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { usePreferences } from '../../state/preferences';
import { firstErrorField, toFormErrors, type FormErrors } from './form-errors';

const LABELS = {
  code: 'Patient code',
  name: 'Name',
  birthYear: 'Birth year',
  sex: 'Sex',
  diagnosis: 'Diagnosis',
  notes: 'Notes',
  expectedIntervalDays: 'Days between visits',
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
  expectedIntervalDays: 'p-interval',
};
const NO_ERRORS: FormErrors<Field> = { fields: {}, other: [] };

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
  const [interval, setIntervalText] = useState(patient?.expectedIntervalDays?.toString() ?? '');
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  // Bumped on every refused submit, so focus moves to the first error each time.
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const cancelTo = patient ? paths.patient(patient.id) : paths.patients();
  const changed =
    code !== (patient?.code ?? '') ||
    name !== (patient?.name ?? '') ||
    birthYear !== (patient?.birthYear?.toString() ?? '') ||
    sex !== (patient?.sex ?? '') ||
    diagnosis !== (patient?.diagnosis ?? '') ||
    notes !== (patient?.notes ?? '') ||
    interval !== (patient?.expectedIntervalDays?.toString() ?? '');
  const { dialog, confirm } = useConfirm();
  // Escape closes the form like Cancel; typed changes are only dropped after asking (the
  // dialog takes Escape itself while it is open: a second Escape keeps the changes).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      e.preventDefault();
      if (!changed) {
        navigate(cancelTo);
        return;
      }
      void confirm({
        title: 'Discard the changes to this patient?',
        message: 'What you typed in this form is not saved.',
        confirmLabel: 'Discard changes',
        cancelLabel: 'Keep editing',
        destructive: true,
      }).then((yes) => {
        if (yes) navigate(cancelTo);
      });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [changed, cancelTo, confirm]);
  useEffect(() => {
    const first = firstErrorField(ORDER, errors.fields);
    if (first) document.getElementById(INPUT_ID[first])?.focus();
  }, [errors, attempt]);

  const refuse = (next: FormErrors<Field>) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };

  /** The repository's messages at their fields; "Patient code "X" is already used…" at the code. */
  const refuseIssues = (issues: readonly string[]) => {
    const found = toFormErrors(issues, LABELS);
    const codeClash = found.other.find((m) => m.startsWith('Patient code'));
    refuse(
      codeClash
        ? {
            fields: { ...found.fields, code: codeClash },
            other: found.other.filter((m) => m !== codeClash),
          }
        : found,
    );
  };
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
    expectedIntervalDays: (v) => setIntervalText(typeof v === 'number' ? String(v) : ''),
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
      setErrors(NO_ERRORS);
      return;
    }
    if (!result.ok) {
      refuseIssues(result.issues);
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
    days: number | null = interval.trim() === '' ? null : Number(interval),
  ): PatientChanges & { code: string; name: string; diagnosis: string; notes: string } => ({
    expectedIntervalDays: days,
    code: code.trim(),
    name: name.trim(),
    diagnosis: diagnosis.trim(),
    notes: notes.trim(),
    birthYear: year,
    sex: sex === '' ? null : sex,
  });

  const onSubmit = async (e: SyntheticEvent) => {
    e.preventDefault();
    const thisYear = new Date().getFullYear();
    const yearText = birthYear.trim();
    const year = yearText === '' ? null : /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
    const local: Partial<Record<Field, string>> = {};
    if (code.trim() === '') local.code = 'Patient code is required.';
    if (year !== null && (!Number.isInteger(year) || year < 1900 || year > thisYear))
      local.birthYear = `Birth year must be a year from 1900 to ${thisYear} (got "${birthYear}").`;
    const intervalText = interval.trim();
    const days =
      intervalText === '' ? null : /^\d+$/.test(intervalText) ? Number(intervalText) : NaN;
    const { min, max } = VISIT_INTERVAL_LIMITS;
    if (days !== null && (!Number.isInteger(days) || days < min || days > max))
      local.expectedIntervalDays = `Days between visits must be a whole number from ${min} to ${max}, or empty for weekly (got "${interval}").`;
    if (Object.keys(local).length) {
      refuse({ fields: local, other: [] });
      return;
    }
    if (patient && base) {
      await saveEdit(patient, base, formChanges(year, days));
      return;
    }
    setSaving(true);
    const fields = formChanges(year, days);
    const result = await createPatient(
      {
        code: fields.code,
        ...(fields.name ? { name: fields.name } : {}),
        ...(fields.diagnosis ? { diagnosis: fields.diagnosis } : {}),
        ...(fields.notes ? { notes: fields.notes } : {}),
        ...(year === null ? {} : { birthYear: year }),
        ...(sex === '' ? {} : { sex }),
        ...(days === null ? {} : { expectedIntervalDays: days }),
      },
      { by: clinician },
    );
    setSaving(false);
    if (!result.ok) {
      refuseIssues(result.issues);
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
            {...errorProps('code')}
            value={code}
            required
            onChange={(e) => setCode(e.currentTarget.value)}
          />
          {errorOf('code')}
          <label htmlFor="p-name">Name (optional)</label>
          <input
            id="p-name"
            autoComplete="off"
            {...errorProps('name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          {errorOf('name')}
          <label htmlFor="p-year">Birth year</label>
          <input
            id="p-year"
            autoComplete="off"
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
            autoComplete="off"
            {...errorProps('diagnosis')}
            value={diagnosis}
            onChange={(e) => setDiagnosis(e.currentTarget.value)}
          />
          {errorOf('diagnosis')}
          <label htmlFor="p-notes">Notes</label>
          <textarea
            id="p-notes"
            autoComplete="off"
            {...errorProps('notes')}
            rows={3}
            value={notes}
            onChange={(e) => setNotes(e.currentTarget.value)}
          />
          {errorOf('notes')}
          <label htmlFor="p-interval">Days between visits (empty: weekly)</label>
          <input
            id="p-interval"
            autoComplete="off"
            {...errorProps('expectedIntervalDays')}
            inputMode="numeric"
            placeholder={String(DEFAULT_VISIT_INTERVAL_DAYS)}
            value={interval}
            onChange={(e) => setIntervalText(e.currentTarget.value)}
          />
          {errorOf('expectedIntervalDays')}
        </div>
        {errors.other.length > 0 && (
          <div role="alert">
            <ul className="field-error">
              {errors.other.map((p) => (
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
      {dialog}
    </div>
  );
}
