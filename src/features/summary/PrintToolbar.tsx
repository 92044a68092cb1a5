import { useId, useState } from 'react';
import type { ScaleId } from '../../domain/scale-types';
import type { IsoDate } from '../../domain/time';
import { paths } from '../../state/navigation';
import type { DateRange } from './summary-window';
import './print-toolbar.css';

export interface ScaleChoice {
  readonly id: ScaleId;
  readonly name: string;
  readonly checked: boolean;
}

interface Props {
  readonly patientId: string;
  readonly patientCode: string;
  readonly scales: readonly ScaleChoice[];
  readonly onToggleScale: (id: ScaleId, checked: boolean) => void;
  readonly range: DateRange;
  /** First and last visit dates: what an empty range means. */
  readonly course: { readonly first: IsoDate | null; readonly last: IsoDate | null };
  readonly onRange: (range: DateRange) => void;
  readonly showName: boolean;
  readonly onShowName: (show: boolean) => void;
  readonly header: string;
  readonly onHeader: (text: string) => void;
  /** Saves the header line as a setting; resolves to a problem in words, or null. */
  readonly onSaveHeader: () => Promise<string | null>;
  readonly headerSaved: boolean;
}

/** Screen only (class no-print): what to include, the clinic header, and the print button. */
export function PrintToolbar(props: Props) {
  const id = useId();
  const [saveState, setSaveState] = useState<{ text: string; problem: boolean } | null>(null);
  const { range, course } = props;
  const save = async () => {
    const problem = await props.onSaveHeader();
    setSaveState(
      problem ? { text: problem, problem: true } : { text: 'Header saved.', problem: false },
    );
  };
  return (
    <section className="print-toolbar no-print" aria-label="Print options">
      <div className="print-toolbar-row">
        <a href={paths.patient(props.patientId)}>← Back to patient {props.patientCode}</a>
        <button type="button" onClick={() => window.print()}>
          Print summary
        </button>
      </div>
      <div className="print-toolbar-row">
        <fieldset>
          <legend>Scales to include</legend>
          {props.scales.length === 0 && <span className="muted">No scales rated yet.</span>}
          {props.scales.map((s) => (
            <label key={s.id} title={s.name}>
              <input
                type="checkbox"
                checked={s.checked}
                onChange={(e) => props.onToggleScale(s.id, e.currentTarget.checked)}
              />{' '}
              {s.id}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Dates</legend>
          <label htmlFor={`${id}-from`}>From</label>{' '}
          <input
            id={`${id}-from`}
            type="date"
            value={range.from ?? course.first ?? ''}
            onChange={(e) => props.onRange({ ...range, from: e.currentTarget.value || null })}
          />{' '}
          <label htmlFor={`${id}-to`}>To</label>{' '}
          <input
            id={`${id}-to`}
            type="date"
            value={range.to ?? course.last ?? ''}
            onChange={(e) => props.onRange({ ...range, to: e.currentTarget.value || null })}
          />{' '}
          <button
            type="button"
            className="secondary"
            disabled={range.from === null && range.to === null}
            onClick={() => props.onRange({ from: null, to: null })}
          >
            Whole course
          </button>
          <p className="muted print-toolbar-hint">The baseline visit is always kept.</p>
        </fieldset>
      </div>
      <div className="print-toolbar-row">
        <fieldset>
          <legend>Identity</legend>
          <label>
            <input
              type="checkbox"
              checked={props.showName}
              onChange={(e) => props.onShowName(e.currentTarget.checked)}
            />{' '}
            Show patient name
          </label>
          <p className="muted print-toolbar-hint">Off: code only.</p>
        </fieldset>
        <form
          className="print-header-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor={`${id}-header`}>Clinic header line</label>
          <input
            id={`${id}-header`}
            className="print-header-input"
            value={props.header}
            maxLength={200}
            placeholder="e.g. Mood Disorders Clinic · Ward 4 · tel. 0000"
            onChange={(e) => {
              setSaveState(null);
              props.onHeader(e.currentTarget.value);
            }}
          />
          <button type="submit" className="secondary" disabled={props.headerSaved}>
            Save header
          </button>
          {saveState && (
            <span role="status" className={saveState.problem ? 'field-error' : 'muted'}>
              {saveState.text}
            </span>
          )}
          <p className="muted print-toolbar-hint">
            A setting: printed at the top of every summary.
          </p>
        </form>
      </div>
    </section>
  );
}
