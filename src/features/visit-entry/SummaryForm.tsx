import { useRef, useState } from 'react';
import type { SummaryEntry } from '../../domain/assessment';
import type { ScaleDefinition } from '../../domain/scale-types';
import { validateSummary } from '../../domain/validation';
import { focusNextField } from './focus-order';
import { fieldValue, summaryFields, withFieldValue, type SummaryField } from './summary-fields';

interface Props {
  scale: ScaleDefinition;
  entry: SummaryEntry;
  onChange: (entry: SummaryEntry) => void;
}

/**
 * Transcription of published or paper records: total, subscale totals, single items.
 * Every change is checked against the scale (range, whole numbers, domains adding up to
 * the total); a refused value stays in its field with a message and is never passed on.
 */
/** Whether another digit could still make `value` a valid value of the field (4 → 40). */
export function isComplete(value: number, field: SummaryField): boolean {
  return value <= 0 || value * 10 > field.max;
}

export function SummaryForm({ scale, entry, onChange }: Props) {
  const fields = summaryFields(scale);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Enter saves and moves on; the blur that follows must not save the same value again.
  const savedByEnter = useRef<string | null>(null);

  const update = (field: SummaryField, raw: string, finished = false) => {
    setDrafts((d) => ({ ...d, [field.key]: raw }));
    const text = raw.trim();
    let value: number | null = null;
    if (text !== '') {
      if (!/^-?\d+$/.test(text)) {
        setErrors((e) => ({
          ...e,
          [field.key]: `${field.label} must be a whole number from ${field.min} to ${field.max}.`,
        }));
        return;
      }
      value = Number(text);
      // "4" on the way to "40" is not stored: a crash must never leave a plausible wrong
      // total. It is stored once no further digit could belong to it, or on Enter/leaving.
      if (!finished && !isComplete(value, field)) {
        setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== field.key)));
        return;
      }
    }
    const candidate = withFieldValue(entry, field, value);
    const result = validateSummary(scale, candidate);
    if (!result.ok) {
      // The field just typed is what made the entry inconsistent: every problem, cross-field
      // ones included, is shown there. Other refused fields keep their own message until
      // they are fixed, so a refused value on screen always says why it is not stored.
      setErrors((e) => ({ ...e, [field.key]: result.issues.map((i) => i.message).join(' ') }));
      return;
    }
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== field.key)));
    setDrafts((d) => Object.fromEntries(Object.entries(d).filter(([k]) => k !== field.key)));
    onChange(candidate);
  };

  return (
    <div className="summary-form">
      <p className="summary-badge">
        Summary data: transcribed totals, not item responses. Shown as summary data everywhere.
      </p>
      {fields.map((field) => {
        const stored = fieldValue(entry, field);
        const error = errors[field.key];
        const draft = drafts[field.key];
        const typing = draft !== undefined && error === undefined && draft.trim() !== '';
        const inputId = `${scale.id}-${field.key}`;
        return (
          <div className="summary-row" key={field.key}>
            <label htmlFor={inputId}>
              <span className="summary-hint">{field.hint}</span>
              <span className="item-range">
                {field.min}–{field.max}
              </span>
            </label>
            <input
              id={inputId}
              className="summary-input"
              type="text"
              inputMode="numeric"
              autoComplete="off"
              aria-label={field.label}
              aria-invalid={error ? true : undefined}
              aria-describedby={
                error ? `${inputId}-error` : typing ? `${inputId}-typing` : undefined
              }
              data-entry-field=""
              value={drafts[field.key] ?? (stored === null ? '' : String(stored))}
              onChange={(e) => {
                update(field, e.currentTarget.value);
              }}
              onBlur={(e) => {
                const byEnter = savedByEnter.current === field.key;
                savedByEnter.current = null;
                if (!byEnter && drafts[field.key] !== undefined)
                  update(field, e.currentTarget.value, true);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  update(field, e.currentTarget.value, true);
                  savedByEnter.current = field.key;
                  focusNextField(e.currentTarget);
                }
              }}
            />
            {typing && (
              <p className="muted field-typing" id={`${inputId}-typing`}>
                In progress, not saved yet: another digit may follow. Press Enter or leave the field
                to save {draft.trim()}.
              </p>
            )}
            {error && (
              <p className="field-error" id={`${inputId}-error`} role="alert">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
