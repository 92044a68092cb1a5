import { useState } from 'react';
import { usePreferences } from '../../state/preferences';

/**
 * Imports the published reference course (fixtures/dezocine-case.json) into an empty
 * database. The file is loaded on demand so it costs nothing at first paint.
 */
export function LoadExampleButton() {
  const clinician = usePreferences((s) => s.clinician);
  const [state, setState] = useState<{ busy: boolean; problem: string | null }>({
    busy: false,
    problem: null,
  });
  const load = async () => {
    setState({ busy: true, problem: null });
    // The file and the import code load on demand: neither is needed at first paint.
    const [{ default: text }, { parseBackup }, { importBackup }] = await Promise.all([
      import('../../../fixtures/dezocine-case.json?raw'),
      import('../../db/backup/parse-backup'),
      import('../../db/backup/import-backup'),
    ]);
    const parsed = parseBackup(text);
    if (!parsed.ok) {
      setState({ busy: false, problem: parsed.reason });
      return;
    }
    const result = await importBackup(parsed.value, { onConflict: 'skip', by: clinician });
    setState({ busy: false, problem: result.ok ? null : result.reason });
  };
  return (
    <>
      <button type="button" className="secondary" disabled={state.busy} onClick={() => void load()}>
        Load example patient
      </button>
      {state.problem && (
        <p className="field-error" role="alert">
          {state.problem}
        </p>
      )}
    </>
  );
}
