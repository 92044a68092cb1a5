import { useState } from 'react';
import type { ValidBackup } from '../../db/backup/backup-format';
import { importBackup, type ImportSummary } from '../../db/backup/import-backup';
import { planImport, type ImportPlan } from '../../db/backup/plan-import';
import { readBackupFile } from '../../db/backup/read-file';
import { usePreferences } from '../../state/preferences';

type State =
  | { step: 'idle' }
  | { step: 'refused'; fileName: string; reason: string; issues: readonly string[] }
  | { step: 'planned'; fileName: string; backup: ValidBackup; plan: ImportPlan }
  | { step: 'working'; message: string }
  | { step: 'done'; message: string };

/**
 * A file is checked completely before anything is written; a bad file changes nothing and
 * every problem is listed with where it is. Records that already exist are never merged
 * silently: the clinician chooses to skip or replace them.
 */
/** What became of the file's conventions in use (band, remission, relapse rules). */
const RULES_NOTE: Record<ImportSummary['rules'], string> = {
  none: '',
  same: '',
  adopted: ' The conventions in use (band, remission and relapse rules) were taken from the file.',
  kept: ' The file was made with other conventions (band, remission or relapse rules); this device keeps its own: check them on a course page.',
};

export function ImportPanel() {
  const clinician = usePreferences((s) => s.clinician);
  const [state, setState] = useState<State>({ step: 'idle' });

  const onFile = async (file: File) => {
    setState({ step: 'working', message: `Checking ${file.name}…` });
    // Bytes, not file.text(): text() would replace bytes that are not UTF-8 silently.
    const parsed = await readBackupFile(new Uint8Array(await file.arrayBuffer()));
    if (!parsed.ok) {
      setState({
        step: 'refused',
        fileName: file.name,
        reason: parsed.reason,
        issues: parsed.issues,
      });
      return;
    }
    const plan = await planImport(parsed.value);
    if (plan.collisions.length) {
      setState({
        step: 'refused',
        fileName: file.name,
        reason: `${plan.collisions.length} record ${plan.collisions.length === 1 ? 'id is' : 'ids are'} already used by other stored patients: importing would overwrite or delete a patient the file does not name.`,
        issues: plan.collisions,
      });
      return;
    }
    setState({ step: 'planned', fileName: file.name, backup: parsed.value, plan });
  };

  const run = async (fileName: string, backup: ValidBackup, onConflict: 'skip' | 'replace') => {
    setState({
      step: 'working',
      message: `Importing ${backup.patients.length} patients and ${backup.assessments.length} assessments in one transaction: all of it or nothing…`,
    });
    const result = await importBackup(backup, { onConflict, by: clinician });
    setState(
      result.ok
        ? {
            step: 'done',
            message: `Imported: ${result.value.added.length} patients added${result.value.replaced.length ? `, ${result.value.replaced.length} replaced` : ''}${result.value.skipped.length ? `, ${result.value.skipped.length} skipped (${result.value.skipped.join(', ')})` : ''}.${RULES_NOTE[result.value.rules]}`,
          }
        : { step: 'refused', fileName, reason: result.reason, issues: result.issues },
    );
  };

  return (
    <section className="card" aria-labelledby="import-heading">
      <h2 id="import-heading">Import a backup</h2>
      <label htmlFor="import-file">Backup file (.json)</label>{' '}
      <input
        id="import-file"
        aria-describedby="import-file-hint"
        type="file"
        accept="application/gzip,application/json,.gz,.json"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          if (file) void onFile(file);
          e.currentTarget.value = '';
        }}
      />
      <p id="import-file-hint" className="muted">
        Compressed backups (.json.gz, as exported) and plain .json files both import.
      </p>
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
        <div className="banner banner-info" role="status">
          <p>
            {state.fileName}: {state.plan.inFile.patients} patients, {state.plan.inFile.visits}{' '}
            visits, {state.plan.inFile.assessments} assessments. New:{' '}
            {state.plan.newPatients.join(', ') || 'none'}.
          </p>
          <p>
            {state.backup.checksum === 'verified'
              ? "The file's checksum matches its content: it is complete and unaltered."
              : 'Note: this backup was made by an older version of Trajectory and has no checksum, so it could not be checked for alteration or truncation. Every record has still been checked.'}
          </p>
          {state.plan.warnings.length > 0 && (
            <>
              <p>
                <strong>Check before importing:</strong> {state.plan.warnings.length}{' '}
                {state.plan.warnings.length === 1 ? 'value looks' : 'values look'} implausible (they
                will be imported as they are):
              </p>
              <ul aria-label="Implausible values">
                {state.plan.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </>
          )}
          {state.plan.conflicts.length > 0 && (
            <>
              <p>
                These patients already exist here. <strong>Replacing</strong> makes each one exactly
                as in the file: records of theirs that the file does not have (for example visits
                entered since the backup was made) are deleted. The whole import can be undone from
                the patient&apos;s history.
              </p>
              <ul>
                {state.plan.conflicts.map((c) => (
                  <li key={c.patientId}>
                    <strong>{c.code}</strong>
                    {c.identical
                      ? ' (identical: nothing would change)'
                      : `: ${c.reasons.join('; ')}`}
                    {c.deletes.length > 0 && (
                      <>
                        {' '}
                        Replacing deletes {c.deletes.length}{' '}
                        {c.deletes.length === 1 ? 'record' : 'records'} the file does not have:
                        <ul>
                          {c.deletes.map((d) => (
                            <li key={d}>{d}</li>
                          ))}
                        </ul>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="actions">
            {state.plan.conflicts.length === 0 ? (
              <button type="button" onClick={() => void run(state.fileName, state.backup, 'skip')}>
                Import
              </button>
            ) : (
              <>
                <button
                  type="button"
                  onClick={() => void run(state.fileName, state.backup, 'skip')}
                >
                  Import, skipping existing patients
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void run(state.fileName, state.backup, 'replace')}
                >
                  Import, replacing existing patients
                </button>
              </>
            )}
            <button type="button" className="secondary" onClick={() => setState({ step: 'idle' })}>
              Cancel
            </button>
          </div>
        </div>
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
