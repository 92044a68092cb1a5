import { useEffect, useRef, useState } from 'react';
import type { SummaryEntry } from '../../domain/assessment';
import { describeRefused, type RefusedValue } from '../../domain/refused';
import type { ScaleDefinition } from '../../domain/scale-types';
import { validateSummary } from '../../domain/validation';
import { focusNextField } from './focus-order';
import { fieldValue, summaryFields, withFieldValue, type SummaryField } from './summary-fields';
import { summaryRefusal } from './summary-refusal';

interface Props {
  scale: ScaleDefinition;
  entry: SummaryEntry;
  onChange: (entry: SummaryEntry) => void;
  /** Every value on screen that the form refused (empty when there is none). */
  onRefusedChange?: (refused: readonly RefusedValue[]) => void;
}

const parseWhole = (text: string): number | null | 'bad' =>
  text === '' ? null : /^-?\d+$/.test(text) ? Number(text) : 'bad';

const without = <T,>(record: Record<string, T>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));

/** Whether another digit could still make `value` a valid value of the field (4 → 40). */
export function isComplete(value: number, field: SummaryField): boolean {
  return value <= 0 || value * 10 > field.max;
}

/**
 * Transcription of published or paper records: total, subscale totals, single items.
 * Every change is checked against the scale (range, whole numbers, domains adding up to
 * the total). A refused value stays in its field, in red, with a message naming the numbers
 * that disagree; it is reported up so the scale is not scored and the visit cannot be
 * finished while it is there. Once a later change makes it fit, it is stored.
 *
 * A number still being typed ("4" on the way to "40") is not stored: a crash must never
 * leave a plausible wrong total. It is stored once no further digit could belong to it, or
 * on Enter or leaving the field, and says "in progress" until then.
 */
export function SummaryForm({ scale, entry, onChange, onRefusedChange }: Props) {
  const fields = summaryFields(scale);
  const [refused, setRefused] = useState<Record<string, RefusedValue>>({});
  const [typing, setTyping] = useState<Record<string, string>>({});
  // Enter saves and moves on; the blur that follows must not save the same value again.
  const savedByEnter = useRef<string | null>(null);
  const report = useRef(onRefusedChange);
  useEffect(() => {
    report.current = onRefusedChange;
  });
  useEffect(() => {
    report.current?.(Object.values(refused));
  }, [refused]);
  useEffect(() => () => report.current?.([]), []);

  const refusalOf = (field: SummaryField, raw: string, base: SummaryEntry) => {
    const value = parseWhole(raw.trim());
    if (value === 'bad') return { refusal: summaryRefusal(scale, field, raw, null, []) };
    const candidate = withFieldValue(base, field, value);
    const result = validateSummary(scale, candidate);
    return result.ok
      ? { candidate }
      : { refusal: summaryRefusal(scale, field, raw, candidate, result.issues) };
  };

  const update = (field: SummaryField, raw: string, finished = false) => {
    const value = parseWhole(raw.trim());
    const inProgress = typeof value === 'number' && !finished && !isComplete(value, field);
    setTyping((t) => (inProgress ? { ...t, [field.key]: raw } : without(t, field.key)));
    if (inProgress) {
      setRefused((r) => without(r, field.key));
      return;
    }
    const typed = refusalOf(field, raw, entry);
    if (typed.refusal) {
      setRefused((r) => ({ ...r, [field.key]: typed.refusal }));
      return;
    }
    // Accepted. Values refused earlier are tried again: a clinician who corrects the total
    // keeps the safety item typed before it; those that still disagree get a fresh reason.
    let candidate = typed.candidate;
    const next: Record<string, RefusedValue> = {};
    for (const [key, old] of Object.entries(refused)) {
      const other = fields.find((f) => f.key === key);
      if (key === field.key || !other) continue;
      const retry = refusalOf(other, old.text, candidate);
      if (retry.refusal) next[key] = retry.refusal;
      else candidate = retry.candidate;
    }
    setRefused(next);
    onChange(candidate);
  };

  return (
    <div className="summary-form">
      <p className="summary-badge">
        Summary data: transcribed totals, not item responses. Shown as summary data everywhere.
      </p>
      {fields.map((field) => {
        const stored = fieldValue(entry, field);
        const refusal = refused[field.key];
        const error = refusal ? describeRefused(refusal) : undefined;
        const draft = refusal ? undefined : typing[field.key];
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
                error ? `${inputId}-error` : draft !== undefined ? `${inputId}-typing` : undefined
              }
              data-entry-field=""
              value={refusal?.text ?? draft ?? (stored === null ? '' : String(stored))}
              onChange={(e) => {
                update(field, e.currentTarget.value);
              }}
              onBlur={(e) => {
                const byEnter = savedByEnter.current === field.key;
                savedByEnter.current = null;
                if (!byEnter && typing[field.key] !== undefined)
                  update(field, e.currentTarget.value, true);
              }}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  if (typing[field.key] !== undefined) update(field, e.currentTarget.value, true);
                  savedByEnter.current = field.key;
                  focusNextField(e.currentTarget);
                }
              }}
            />
            {draft !== undefined && (
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
