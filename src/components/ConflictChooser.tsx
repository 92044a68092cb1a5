import { useId, useState } from 'react';
import type { FieldConflict } from '../domain/field-merge';

export type Choice = 'mine' | 'theirs';

const shown = (value: unknown): string =>
  value === undefined || value === null || value === ''
    ? '(empty)'
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

interface Props {
  /** What was edited, for the heading: 'Patient DEZ-001', 'HAMD-17 of 2024-01-10'. */
  readonly what: string;
  readonly conflicts: readonly FieldConflict[];
  readonly onResolve: (choices: Readonly<Record<string, Choice>>) => void;
  /** Absent: no Cancel button (a page that lists conflicts has nothing to go back to). */
  readonly onCancel?: () => void;
  /**
   * Words for another setting than two tabs (sync: two devices): the heading, the
   * explanation, each side's label and the save button. Absent: the two-tab wording.
   */
  readonly wording?: {
    readonly heading: string;
    readonly intro: string;
    readonly mine: string;
    readonly theirs: string;
    readonly save: string;
  };
}

/**
 * Both values of each field that was changed in two places; the clinician picks one per
 * field (nothing is preselected, so no value is kept without a decision) and saves.
 */
export function ConflictChooser({ what, conflicts, onResolve, onCancel, wording }: Props) {
  const id = useId();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const complete = conflicts.every((c) => choices[c.key] !== undefined);
  return (
    <section
      className="banner banner-warn conflict"
      // On a page of conflicts the chooser is content, not news: no alert.
      role={wording ? undefined : 'alert'}
      aria-labelledby={`${id}-h`}
    >
      <h2 id={`${id}-h`}>
        {wording?.heading ?? `${what} was changed elsewhere while you edited it`}
      </h2>
      <p>
        {wording?.intro ??
          `Another tab or window saved a different value in the same ${conflicts.length === 1 ? 'field' : 'fields'}. Nothing has been saved yet: choose which value to keep for each, then save. Every other change (yours and theirs) is kept.`}
      </p>
      {conflicts.map((c) => (
        <fieldset key={c.key} className="conflict-field">
          <legend>{c.field}</legend>
          <label className="check">
            <input
              type="radio"
              name={`${id}-${c.key}`}
              checked={choices[c.key] === 'mine'}
              onChange={() => setChoices((o) => ({ ...o, [c.key]: 'mine' }))}
            />{' '}
            {wording?.mine ?? 'Keep yours'}: <strong>{shown(c.mine)}</strong>
          </label>
          <label className="check">
            <input
              type="radio"
              name={`${id}-${c.key}`}
              checked={choices[c.key] === 'theirs'}
              onChange={() => setChoices((o) => ({ ...o, [c.key]: 'theirs' }))}
            />{' '}
            {wording?.theirs ?? 'Keep the stored value'}: <strong>{shown(c.theirs)}</strong>
          </label>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" disabled={!complete} onClick={() => onResolve(choices)}>
          {wording?.save ?? 'Save with these choices'}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </section>
  );
}
