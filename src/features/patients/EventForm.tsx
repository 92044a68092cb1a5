import { useEffect, useState, type SyntheticEvent } from 'react';
import { addEvent, updateEvent } from '../../db/events-repo';
import type { EventKind, TreatmentEvent } from '../../db/schema';
import { usePreferences } from '../../state/preferences';
import { EVENT_KINDS } from './event-kinds';

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
  const [problems, setProblems] = useState<readonly string[]>([]);
  // Read the value now: React clears currentTarget before a state updater runs.
  const set = (key: keyof typeof f) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setF((old) => ({ ...old, [key]: value }));
  };

  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    const dose = f.dose.trim() === '' ? null : Number(f.dose);
    if (dose !== null && !(Number.isFinite(dose) && dose >= 0)) {
      setProblems([`Dose must be a number (got "${f.dose}").`]);
      return;
    }
    const optional = (v: string) => (v.trim() === '' ? null : v.trim());
    const label = f.label.trim() || f.drug.trim();
    const result = event
      ? await updateEvent(
          event.id,
          {
            date: f.date,
            kind: f.kind,
            label,
            drug: optional(f.drug),
            dose,
            unit: optional(f.unit),
            route: optional(f.route),
            totalDose: optional(f.totalDose),
            details: optional(f.details),
            endDate: optional(f.endDate),
            isIndex: f.isIndex,
          },
          { by: clinician },
        )
      : await addEvent(
          {
            patientId,
            date: f.date,
            kind: f.kind,
            label,
            isIndex: f.isIndex,
            ...(f.drug.trim() ? { drug: f.drug.trim() } : {}),
            ...(dose === null ? {} : { dose }),
            ...(f.unit.trim() ? { unit: f.unit.trim() } : {}),
            ...(f.route.trim() ? { route: f.route.trim() } : {}),
            ...(f.totalDose.trim() ? { totalDose: f.totalDose.trim() } : {}),
            ...(f.details.trim() ? { details: f.details.trim() } : {}),
            ...(f.endDate.trim() ? { endDate: f.endDate.trim() } : {}),
          },
          { by: clinician },
        );
    if (!result.ok) {
      setProblems(result.issues);
      return;
    }
    onDone();
  };

  const field = (
    key: Exclude<keyof typeof f, 'isIndex' | 'kind'>,
    label: string,
    type = 'text',
  ) => (
    <>
      <label htmlFor={`ev-${key}`}>{label}</label>
      <input id={`ev-${key}`} type={type} value={f[key]} onChange={set(key)} />
    </>
  );

  return (
    <form className="event-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{event ? `Edit ${event.label}` : 'New treatment event'}</h3>
      <div className="form-grid">
        {field('date', 'Date', 'date')}
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
        {field('drug', 'Drug')}
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
        <button type="submit">{event ? 'Save event' : 'Add event'}</button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
