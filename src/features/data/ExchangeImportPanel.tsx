import { useId, useState } from 'react';
import type { ExternalPlan } from '../../db/backup/external-import';
import { prepareExternalImport } from '../../db/backup/external-import';
import { importBackup } from '../../db/backup/import-backup';
import type { ColumnUse } from '../../interop/csv/sheet-import';
import type { InteropFormat } from '../../interop/read-any';
import { usePreferences } from '../../state/preferences';
import { count, ImportPlanView } from './ImportPlanView';

type State =
  | { step: 'idle' }
  | { step: 'refused'; fileName: string; reason: string; issues: readonly string[] }
  | { step: 'planned'; fileName: string; plan: ExternalPlan; columns: readonly ColumnUse[] | null }
  | { step: 'working'; message: string }
  | { step: 'done'; message: string };

const FORMATS: readonly [InteropFormat | 'auto', string][] = [
  ['auto', 'Recognise from the file'],
  ['fhir', 'FHIR R4 Bundle (JSON)'],
  ['redcap', 'REDCap data export (CSV)'],
  ['long', 'Trajectory long CSV'],
  ['wide', 'Spreadsheet, one row per visit (CSV)'],
];

/**
 * Importing from FHIR, REDCap or a spreadsheet, with the backup's guarantees: the whole file
 * is checked first (every problem with its row and column or FHIR path), then how each column
 * is read and what would happen to each patient are shown, and only then is anything written,
 * in one transaction that one undo takes back.
 */
export function ExchangeImportPanel() {
  const clinician = usePreferences((s) => s.clinician);
  const [format, setFormat] = useState<InteropFormat | 'auto'>('auto');
  const [state, setState] = useState<State>({ step: 'idle' });
  const ids = { format: useId(), file: useId() };

  const onFile = async (file: File) => {
    setState({ step: 'working', message: `Checking ${file.name}…` });
    const [{ readInteropFile }, bytes] = await Promise.all([
      import('../../interop/read-any'),
      file.arrayBuffer(),
    ]);
    const read = readInteropFile(new Uint8Array(bytes), format);
    if (!read.ok) {
      setState({ step: 'refused', fileName: file.name, reason: read.reason, issues: read.issues });
      return;
    }
    const plan = await prepareExternalImport(read.value.file);
    setState(
      plan.ok
        ? { step: 'planned', fileName: file.name, plan: plan.value, columns: read.value.columns }
        : { step: 'refused', fileName: file.name, reason: plan.reason, issues: plan.issues },
    );
  };

  const run = async (fileName: string, plan: ExternalPlan, onConflict: 'skip' | 'replace') => {
    setState({
      step: 'working',
      message: `Importing ${fileName} in one transaction: all of it or nothing…`,
    });
    const result = await importBackup(plan.backup, { onConflict, by: clinician });
    setState(
      result.ok
        ? {
            step: 'done',
            message: `Imported from ${plan.source}: ${count(result.value.added.length, 'patient')} added${result.value.replaced.length ? `, ${result.value.replaced.length} updated` : ''}${result.value.skipped.length ? `, ${result.value.skipped.length} left as they were (${result.value.skipped.join(', ')})` : ''}; ${count(result.value.changes, 'record')} written. Undo it from a patient's history.`,
          }
        : { step: 'refused', fileName, reason: result.reason, issues: result.issues },
    );
  };

  return (
    <section className="card" aria-labelledby="exchange-import-heading">
      <h2 id="exchange-import-heading">Import from FHIR, REDCap or a spreadsheet</h2>
      <div className="actions">
        <label htmlFor={ids.format}>File format</label>
        <select
          id={ids.format}
          value={format}
          onChange={(e) => setFormat(e.currentTarget.value as InteropFormat | 'auto')}
        >
          {FORMATS.map(([value, name]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.file}>File to import (.json, .csv)</label>
        <input
          id={ids.file}
          type="file"
          accept=".json,.csv,application/json,application/fhir+json,text/csv"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) void onFile(file);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {state.step === 'refused' && (
        <div className="banner banner-danger" role="alert">
          <p>
            <strong>{state.fileName} was not imported; nothing was changed.</strong> {state.reason}
          </p>
          {state.issues.length > 1 && (
            <ul className="problems">
              {state.issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.step === 'planned' && (
        <ImportPlanView
          fileName={state.fileName}
          plan={state.plan}
          columns={state.columns}
          onImport={(mode) => void run(state.fileName, state.plan, mode)}
          onCancel={() => setState({ step: 'idle' })}
        />
      )}
      {state.step === 'working' && (
        <p role="status" aria-busy="true">
          {state.message}
        </p>
      )}
      {state.step === 'done' && <p role="status">{state.message}</p>}
    </section>
  );
}
