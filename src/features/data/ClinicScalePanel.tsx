import { useId, useState } from 'react';
import { useClinicScales } from '../../db/clinic-scales-hooks';
import { addClinicScale } from '../../db/clinic-scales-repo';
import type { ScaleDefinition } from '../../domain/scale-types';
import { totalRange } from '../../domain/ranges';
import { questionnaireToScale } from '../../interop/fhir/questionnaire-scale';
import { usePreferences } from '../../state/preferences';
import { parseBandLines } from './clinic-scale-bands';

type State =
  | { step: 'idle' }
  | { step: 'refused'; reason: string; problems: readonly string[] }
  | { step: 'preview'; scale: ScaleDefinition }
  | { step: 'done'; message: string };

/**
 * A scale the app does not ship, from a FHIR R4 Questionnaire with answer weights: every
 * problem is listed in plain words and nothing is stored; a valid one is shown (items, range,
 * bands) before it is saved as a clinic-defined scale.
 */
export function ClinicScalePanel() {
  const clinician = usePreferences((s) => s.clinician);
  const stored = useClinicScales();
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [bandText, setBandText] = useState('');
  const [source, setSource] = useState('');
  const [state, setState] = useState<State>({ step: 'idle' });
  const ids = { file: useId(), key: useId(), bands: useId(), source: useId() };

  const check = async () => {
    if (!file) {
      setState({ step: 'refused', reason: 'Choose a Questionnaire file first.', problems: [] });
      return;
    }
    const bands = parseBandLines(bandText);
    if (!bands.ok) {
      setState({ step: 'refused', reason: 'The bands cannot be read.', problems: bands.problems });
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      setState({ step: 'refused', reason: `${file.name} is not JSON: ${why}`, problems: [] });
      return;
    }
    const result = questionnaireToScale(json, {
      key: key.trim(),
      ...(bands.bands.length ? { bands: bands.bands, bandSource: source } : {}),
    });
    setState(
      result.ok
        ? { step: 'preview', scale: result.value }
        : { step: 'refused', reason: result.reason, problems: result.issues },
    );
  };

  const save = async (scale: ScaleDefinition) => {
    const result = await addClinicScale(scale, { by: clinician });
    setState(
      result.ok
        ? { step: 'done', message: `Saved ${scale.name} as a clinic-defined scale (${scale.id}).` }
        : { step: 'refused', reason: result.reason, problems: result.issues },
    );
  };

  return (
    <section className="card" aria-labelledby="clinic-scale-heading">
      <h2 id="clinic-scale-heading">Add a scale from a FHIR Questionnaire</h2>
      <p className="muted">
        Answer weights come from the ordinalValue extension or integer answers. The scale is marked
        clinic-defined wherever it shows: this app has not checked it against a published source.
      </p>
      <div className="form-grid">
        <label htmlFor={ids.file}>Questionnaire file (FHIR R4 JSON)</label>
        <input
          id={ids.file}
          type="file"
          accept=".json,application/json,application/fhir+json"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
        <label htmlFor={ids.key}>Key (lower-case letters, digits or -)</label>
        <input id={ids.key} value={key} onChange={(e) => setKey(e.currentTarget.value)} />
        <label htmlFor={ids.bands}>Severity bands, optional: one a line, as “5–9 Mild”</label>
        <textarea
          id={ids.bands}
          rows={5}
          value={bandText}
          onChange={(e) => setBandText(e.currentTarget.value)}
        />
        <label htmlFor={ids.source}>Source of the bands</label>
        <input id={ids.source} value={source} onChange={(e) => setSource(e.currentTarget.value)} />
      </div>
      <div className="actions">
        <button type="button" onClick={() => void check()}>
          Check the questionnaire
        </button>
      </div>
      {state.step === 'refused' && (
        <div role="alert" className="banner banner-danger">
          <p>Nothing was stored. {state.reason}</p>
          {state.problems.length > 0 && (
            <ul>
              {state.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.step === 'preview' && <Preview scale={state.scale} onSave={save} />}
      {state.step === 'done' && <p role="status">{state.message}</p>}
      {stored && stored.length > 0 && (
        <>
          <h3>Clinic-defined scales on this device</h3>
          <ul>
            {stored.map((s) => (
              <li key={s.id}>
                {s.name} (clinic-defined) · {s.id} · {s.version}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Preview({
  scale,
  onSave,
}: {
  scale: ScaleDefinition;
  onSave: (scale: ScaleDefinition) => Promise<void>;
}) {
  const range = totalRange(scale);
  const bands = scale.bandConventions[0];
  return (
    <div aria-labelledby="clinic-scale-preview">
      <h3 id="clinic-scale-preview">Preview: {scale.name} (clinic-defined)</h3>
      <p>
        {scale.items.length} items · total {range.min} to {range.max} · {scale.version}
      </p>
      <table>
        <caption>Items</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Question</th>
            <th scope="col">Range</th>
          </tr>
        </thead>
        <tbody>
          {scale.items.map((i) => (
            <tr key={i.number}>
              <td>{i.number}</td>
              <td>{i.shortName}</td>
              <td>
                {i.min}–{i.max}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {bands ? (
        <table>
          <caption>Severity bands ({bands.source})</caption>
          <thead>
            <tr>
              <th scope="col">Total</th>
              <th scope="col">Band</th>
            </tr>
          </thead>
          <tbody>
            {bands.bands.map((b) => (
              <tr key={b.label}>
                <td>
                  {b.min}–{b.max}
                </td>
                <td>{b.label}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>No severity bands: totals are shown without a band.</p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void onSave(scale)}>
          Save as a clinic-defined scale
        </button>
      </div>
    </div>
  );
}
