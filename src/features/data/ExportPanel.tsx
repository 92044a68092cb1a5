import { useRef, useState } from 'react';
import { csvToBlob, exportCsv } from '../../db/backup/csv-export';
import { exportBackupFile, recordBackupSaved } from '../../db/backup/export-stream';
import { useMeta } from '../../db/hooks';
import { download } from '../../components/download';
import { ProgressMeter } from '../../components/ProgressMeter';
import { count } from './ImportPlanView';

interface Running {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
}

/** '840 KB', '12.4 MB'. */
const fileSize = (bytes: number) =>
  bytes < 1_048_576
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1_048_576).toFixed(1)} MB`;

export function ExportPanel() {
  const lastExport = useMeta('lastExportAt');
  const [message, setMessage] = useState<string | null>(null);
  const [plain, setPlain] = useState(false);
  const [running, setRunning] = useState<Running | null>(null);
  const cancel = useRef<AbortController | null>(null);

  const exportJson = async () => {
    const started = performance.now();
    const controller = new AbortController();
    cancel.current = controller;
    setMessage(null);
    setRunning({ done: 0, total: 0, elapsedMs: 0 });
    const result = await exportBackupFile(
      { scope: 'all' },
      {
        signal: controller.signal,
        onProgress: ({ done, total }) =>
          setRunning({ done, total, elapsedMs: performance.now() - started }),
      },
    );
    setRunning(null);
    cancel.current = null;
    if (!result.ok) {
      setMessage(`The backup failed; the last backup date is unchanged. ${result.reason}`);
      return;
    }
    try {
      download(result.value.blob, result.value.fileName);
    } catch (error) {
      setMessage(
        `The backup file could not be handed to the browser (${error instanceof Error ? error.message : String(error)}); the last backup date is unchanged.`,
      );
      return;
    }
    // Only now: the browser has the file.
    await recordBackupSaved(result.value);
    setMessage(
      `Backup saved as ${result.value.fileName} (${fileSize(result.value.blob.size)}, compressed): ${count(result.value.counts.patients, 'patient')}, ${count(result.value.counts.assessments, 'assessment')}.`,
    );
  };
  const exportTable = async () => {
    const result = await exportCsv({ scope: 'all' }, { comments: !plain });
    if (!result.ok) {
      setMessage(result.reason);
      return;
    }
    download(
      csvToBlob(result.value),
      `trajectory-scores-${new Date().toISOString().slice(0, 10)}.csv`,
    );
    setMessage(
      plain
        ? 'CSV saved (long format, plain: header then rows; the columns are described in the README and the commented export).'
        : 'CSV saved (long format; the # lines at the top document every column).',
    );
  };

  return (
    <section className="card" aria-labelledby="export-heading">
      <h2 id="export-heading">Back up and export</h2>
      <p>
        Last full backup:{' '}
        <strong>{lastExport ? new Date(lastExport).toLocaleString() : 'never'}</strong>. A backup
        file holds every patient, event, visit and score; keep it somewhere safe. It can be imported
        here or on another device.
      </p>
      <div className="actions">
        <button type="button" disabled={running !== null} onClick={() => void exportJson()}>
          Export backup (.json.gz)
        </button>
        <button type="button" className="secondary" onClick={() => void exportTable()}>
          Export scores for R / SPSS (CSV)
        </button>
      </div>
      <label>
        <input
          type="checkbox"
          checked={plain}
          onChange={(e) => setPlain(e.currentTarget.checked)}
        />{' '}
        Plain CSV for spreadsheets and SPSS (no # dictionary lines)
      </label>
      {running && (
        <>
          <ProgressMeter label="Exporting the backup" {...running} />
          <button type="button" className="secondary" onClick={() => cancel.current?.abort()}>
            Cancel the backup
          </button>
        </>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
