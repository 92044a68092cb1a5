import { useState } from 'react';
import { backupFileName, backupToBlob, exportBackup } from '../../db/backup/export-backup';
import { csvToBlob, exportCsv } from '../../db/backup/csv-export';
import { useMeta } from '../../db/hooks';
import { download } from '../../components/download';

export function ExportPanel() {
  const lastExport = useMeta('lastExportAt');
  const [message, setMessage] = useState<string | null>(null);
  const [plain, setPlain] = useState(false);

  const exportJson = async () => {
    const result = await exportBackup({ scope: 'all' });
    if (!result.ok) {
      setMessage(result.reason);
      return;
    }
    download(backupToBlob(result.value), backupFileName(result.value));
    setMessage(
      `Backup saved: ${result.value.patients.length} patients, ${result.value.assessments.length} assessments.`,
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
        <button type="button" onClick={() => void exportJson()}>
          Export backup (JSON)
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
      {message && <p role="status">{message}</p>}
    </section>
  );
}
