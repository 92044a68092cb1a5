import type { Measure } from '../../domain/cohort/cohort-types';
import { MAX_HALF_WIDTH } from '../../domain/cohort/windows';

export interface DrugOption {
  readonly key: string;
  readonly name: string;
  readonly patients: number;
}

export interface CohortChoice {
  readonly armA: string;
  /** '' = one arm only. */
  readonly armB: string;
  readonly halfWidth: string;
  readonly measureId: string;
}

/** Which patients (by index drug), the visit window, and the measure to show. */
export function CohortControls({
  drugs,
  measures,
  choice,
  onChange,
  windowError,
}: {
  drugs: readonly DrugOption[];
  measures: readonly Measure[];
  choice: CohortChoice;
  onChange: (next: CohortChoice) => void;
  windowError: string | null;
}) {
  const set = (patch: Partial<CohortChoice>) => {
    onChange({ ...choice, ...patch });
  };
  const option = (d: DrugOption) => (
    <option key={d.key} value={d.key}>
      {d.name} ({d.patients} {d.patients === 1 ? 'patient' : 'patients'})
    </option>
  );
  return (
    <div className="card cohort-controls">
      {/* A stored cohort brings its own arms (CohortSource): no drug to choose. */}
      {drugs.length > 0 && (
        <>
          <div className="field">
            <label htmlFor="cohort-arm-a">Arm A: patients whose index event is</label>
            <select
              id="cohort-arm-a"
              value={choice.armA}
              onChange={(e) => {
                set({ armA: e.currentTarget.value });
              }}
            >
              {drugs.map(option)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="cohort-arm-b">Arm B (to compare): index event</label>
            <select
              id="cohort-arm-b"
              value={choice.armB}
              onChange={(e) => {
                set({ armB: e.currentTarget.value });
              }}
            >
              <option value="">none: one arm</option>
              {drugs.filter((d) => d.key !== choice.armA).map(option)}
            </select>
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="cohort-window">Visit window: ± days around day 7k</label>
        <input
          id="cohort-window"
          type="number"
          min={0}
          max={MAX_HALF_WIDTH}
          step={1}
          value={choice.halfWidth}
          aria-invalid={windowError !== null}
          aria-describedby={windowError ? 'cohort-window-error' : undefined}
          onChange={(e) => {
            set({ halfWidth: e.currentTarget.value });
          }}
        />
        {windowError && (
          <p id="cohort-window-error" className="field-error" role="alert">
            {windowError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="cohort-measure">Measure</label>
        <select
          id="cohort-measure"
          value={choice.measureId}
          onChange={(e) => {
            set({ measureId: e.currentTarget.value });
          }}
        >
          {measures.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
