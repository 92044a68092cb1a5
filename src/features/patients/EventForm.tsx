import { useEffect, useState, type SyntheticEvent } from 'react';
import { useConfirm } from '../../components/ConfirmDialog';
import { ConflictChooser, type Choice } from '../../components/ConflictChooser';
import { useDrugNames } from '../../db/cohort-hooks';
import { addEvent, updateEvent } from '../../db/events-repo';
import { isConflict, type ConflictFailure } from '../../db/result';
import { drugKey } from '../../domain/cohort/drug-name';
import type { EventKind, TreatmentEvent } from '../../db/schema';
import { usePreferences } from '../../state/preferences';
import { checkClinicalDate, localToday } from '../../domain/date-rules';
import { parseDose } from './dose';
import { EVENT_KINDS } from './event-kinds';
import { firstErrorField, toFormErrors, type FormErrors } from './form-errors';

const LABELS = {
  date: 'Date',
  time: 'Time (optional)',
  kind: 'Kind',
  label: 'Label',
  drug: 'Drug',
  dose: 'Dose',
  unit: 'Unit',
  route: 'Route',
  totalDose: 'Total dose',
  details: 'Details',
  endDate: 'End date',
  isIndex: 'Index event',
} as const;
type Field = keyof typeof LABELS;
const ORDER = Object.keys(LABELS) as Field[];
const inputId = (field: Field) => (field === 'isIndex' ? 'ev-index' : `ev-${field}`);
const NO_ERRORS: FormErrors<Field> = { fields: {}, other: [] };

interface Props {
  patientId: string;
  event?: TreatmentEvent;
  onDone: () => void;
}

/** Add or edit a treatment event: a dose (drug, dose, unit, route), a medication change, a procedure. */
export function EventForm({ patientId, event, onDone }: Props) {
  // Escape closes the form like Cancel (nothing typed here is stored yet).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        onDone();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onDone]);
  const clinician = usePreferences((s) => s.clinician);
  const [f, setF] = useState({
    date: event?.date ?? '',
    time: event?.time ?? '',
    kind: event?.kind ?? 'single-dose',
    label: event?.label ?? '',
    drug: event?.drug ?? '',
    dose: event?.dose?.toString() ?? '',
    unit: event?.unit ?? '',
    route: event?.route ?? '',
    totalDose: event?.totalDose ?? '',
    details: event?.details ?? '',
    endDate: event?.endDate ?? '',
    isIndex: event?.isIndex ?? false,
  });
  const [errors, setErrors] = useState<FormErrors<Field>>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const { dialog, confirm } = useConfirm();
  useEffect(() => {
    const first = firstErrorField(ORDER, errors.fields);
    if (first) document.getElementById(inputId(first))?.focus();
  }, [errors, attempt]);
  const refuse = (next: FormErrors<Field>) => {
    setErrors(next);
    setAttempt((n) => n + 1);
  };
  // The event as this form loaded it: the save names it, so it never overwrites a change
  // made meanwhile in another tab (see updateEvent).
  const [base] = useState(event);
  const [conflict, setConflict] = useState<ConflictFailure<TreatmentEvent>['conflict'] | null>(
    null,
  );
  const [choices, setChoices] = useState<Readonly<Record<string, Choice>>>({});
  // Read the value now: React clears currentTarget before a state updater runs.
  const set = (key: keyof typeof f) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setF((old) => ({ ...old, [key]: value }));
  };

  const drugs = useDrugNames();
  const submit = async (e?: SyntheticEvent, chosen: Readonly<Record<string, Choice>> = choices) => {
    e?.preventDefault();
    // A drug already used is written as first spelled, so "Dezocine " joins "dezocine".
    const typed = f.drug.trim().replace(/\s+/g, ' ');
    const drug = drugs?.find((d) => d.key === drugKey(typed))?.name ?? typed;
    const local: Partial<Record<Field, string>> = {};
    if (f.date === '') local.date = 'Date is required: choose the day of the event.';
    const parsedDose = parseDose(f.dose);
    if (!parsedDose.ok) local.dose = parsedDose.reason;
    if (Object.keys(local).length || !parsedDose.ok) {
      refuse({ fields: local, other: [] });
      return;
    }
    const dose = parsedDose.value;
    const check = checkClinicalDate('The event date', f.date, { today: localToday() });
    if (
      check.kind === 'confirm' &&
      !(await confirm({
        title: 'An event after today?',
        message: `${check.reason} Keep ${f.date} as the date of this event?`,
        confirmLabel: `Keep ${f.date}`,
        cancelLabel: 'Correct the date',
      }))
    ) {
      document.getElementById('ev-date')?.focus();
      return;
    }
    const optional = (v: string) => (v.trim() === '' ? null : v.trim());
    const label = f.label.trim() || drug;
    const result = base
      ? await updateEvent(
          base.id,
          {
            date: f.date,
            time: optional(f.time),
            kind: f.kind,
            label,
            drug: optional(drug),
            dose,
            unit: optional(f.unit),
            route: optional(f.route),
            totalDose: optional(f.totalDose),
            details: optional(f.details),
            endDate: optional(f.endDate),
            isIndex: f.isIndex,
          },
          { base, choices: chosen, by: clinician },
        )
      : await addEvent(
          {
            patientId,
            date: f.date,
            ...(f.time ? { time: f.time } : {}),
            kind: f.kind,
            label,
            isIndex: f.isIndex,
            ...(drug ? { drug } : {}),
            ...(dose === null ? {} : { dose }),
            ...(f.unit.trim() ? { unit: f.unit.trim() } : {}),
            ...(f.route.trim() ? { route: f.route.trim() } : {}),
            ...(f.totalDose.trim() ? { totalDose: f.totalDose.trim() } : {}),
            ...(f.details.trim() ? { details: f.details.trim() } : {}),
            ...(f.endDate.trim() ? { endDate: f.endDate.trim() } : {}),
          },
          { by: clinician },
        );
    if (isConflict(result)) {
      setConflict(result.conflict);
      setErrors(NO_ERRORS);
      return;
    }
    if (!result.ok) {
      refuse(toFormErrors(result.issues, LABELS));
      return;
    }
    onDone();
  };

  const errorProps = (key: Field) =>
    errors.fields[key] ? { 'aria-invalid': true, 'aria-describedby': `${inputId(key)}-error` } : {};
  const errorOf = (key: Field) =>
    errors.fields[key] ? (
      <p className="field-error" id={`${inputId(key)}-error`}>
        {errors.fields[key]}
      </p>
    ) : null;
  const field = (
    key: Exclude<keyof typeof f, 'isIndex' | 'kind'>,
    label: string,
    type = 'text',
  ) => (
    <>
      <label htmlFor={`ev-${key}`}>{label}</label>
      <input
        id={`ev-${key}`}
        type={type}
        value={f[key]}
        onChange={set(key)}
        {...(key === 'dose' ? { inputMode: 'decimal' as const } : {})}
        {...errorProps(key)}
      />
      {errorOf(key)}
    </>
  );

  /** Saves again with the clinician's choice per conflicting field; the form shows it. */
  const resolve = (picked: Readonly<Record<string, Choice>>) => {
    if (!conflict) return;
    const shown: Record<string, unknown> = {};
    for (const field of conflict.fields) {
      const value = picked[field.key] === 'theirs' ? field.theirs : field.mine;
      shown[field.key] =
        field.key === 'isIndex'
          ? value === true
          : typeof value === 'string' || typeof value === 'number'
            ? String(value)
            : '';
    }
    setF((old) => ({ ...old, ...shown }));
    setChoices(picked);
    setConflict(null);
    void submit(undefined, picked);
  };

  return (
    <form className="event-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{event ? `Edit ${event.label}` : 'New treatment event'}</h3>
      {conflict && (
        <ConflictChooser
          what={`Treatment event ${conflict.current.label}`}
          conflicts={conflict.fields}
          onResolve={resolve}
          onCancel={() => setConflict(null)}
        />
      )}
      <div className="form-grid">
        {field('date', 'Date', 'date')}
        {field('time', 'Time (optional)', 'time')}
        <label htmlFor="ev-kind">Kind</label>
        <select
          id="ev-kind"
          value={f.kind}
          onChange={(e) => {
            const kind = e.currentTarget.value as EventKind;
            setF((o) => ({ ...o, kind }));
          }}
        >
          {EVENT_KINDS.map((k) => (
            <option key={k.value} value={k.value}>
              {k.label}
            </option>
          ))}
        </select>
        {field('label', 'Label (shown on charts)')}
        <label htmlFor="ev-drug">Drug</label>
        <input
          id="ev-drug"
          type="text"
          list="ev-drug-options"
          autoComplete="off"
          placeholder="pick one already used, or type a new one"
          value={f.drug}
          onChange={set('drug')}
        />
        <datalist id="ev-drug-options">
          {drugs?.map((d) => (
            <option key={d.key} value={d.name} />
          ))}
        </datalist>
        {field('dose', 'Dose')}
        {field('unit', 'Unit (mg, mg/kg, …)')}
        {field('route', 'Route (IV, oral, …)')}
        {field('totalDose', 'Total dose')}
        {field('details', 'Details')}
        {field('endDate', 'End date (if it spans days)', 'date')}
        <label htmlFor="ev-index">Index event (time is counted from it)</label>
        <input
          id="ev-index"
          type="checkbox"
          checked={f.isIndex}
          onChange={(e) => {
            const checked = e.currentTarget.checked;
            setF((o) => ({ ...o, isIndex: checked }));
          }}
        />
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
      {dialog}
      <div className="actions">
        <button type="submit">{event ? 'Save event' : 'Add event'}</button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
