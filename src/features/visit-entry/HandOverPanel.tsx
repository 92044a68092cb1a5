import { useState } from 'react';
import { useHasClinicianPin } from '../../db/choices-hooks';
import type { ScaleId } from '../../domain/scale-types';
import { SELF_REPORT_SCALES } from '../../domain/self-report';
import { navigate, paths, type SelfReportLayout } from '../../state/navigation';

/**
 * Hands the device to the patient for the self-report scales (patient mode). Needs the
 * clinician PIN that ends patient mode; without one it says where to set it.
 */
export function HandOverPanel({ patientId, visitId }: { patientId: string; visitId: string }) {
  const hasPin = useHasClinicianPin();
  const [scales, setScales] = useState<readonly ScaleId[]>(['PHQ-9']);
  const [layout, setLayout] = useState<SelfReportLayout>('one');
  const [problem, setProblem] = useState<string | null>(null);
  if (hasPin === undefined) return null;
  return (
    <section className="card" aria-labelledby="handover-heading">
      <h2 id="handover-heading">Patient mode (self-report)</h2>
      {!hasPin ? (
        <p>
          To hand the device to the patient, first set a clinician PIN in{' '}
          <a href={paths.data()}>Data &amp; settings</a>: only that PIN ends patient mode.
        </p>
      ) : (
        <>
          <fieldset className="scale-choice">
            <legend>Scales the patient fills in</legend>
            {SELF_REPORT_SCALES.map((s) => (
              <label key={s.id} className="check">
                <input
                  type="checkbox"
                  checked={scales.includes(s.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setScales(
                      SELF_REPORT_SCALES.map((x) => x.id).filter((id) =>
                        id === s.id ? on : scales.includes(id),
                      ),
                    );
                  }}
                />{' '}
                {s.id}
              </label>
            ))}
          </fieldset>
          <fieldset className="scale-choice">
            <legend>Show</legend>
            {(
              [
                ['one', 'One question at a time'],
                ['form', 'The whole form'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="check">
                <input
                  type="radio"
                  name="handover-layout"
                  checked={layout === value}
                  onChange={() => setLayout(value)}
                />{' '}
                {label}
              </label>
            ))}
          </fieldset>
          <p className="muted">
            The patient sees only these questions, no record and no totals. Their answers are saved
            in this visit, rated “self-report”; your PIN ends patient mode.
          </p>
          <button
            type="button"
            onClick={() => {
              if (scales.length === 0) {
                setProblem('Choose at least one scale for the patient to fill in.');
                return;
              }
              navigate(paths.selfReport(patientId, visitId, scales, layout));
            }}
          >
            Hand the device to the patient
          </button>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
        </>
      )}
    </section>
  );
}
