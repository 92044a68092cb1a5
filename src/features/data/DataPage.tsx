import { ClinicScalePanel } from './ClinicScalePanel';
import { ExchangeExportPanel } from './ExchangeExportPanel';
import { ExchangeImportPanel } from './ExchangeImportPanel';
import { usePageTitle } from '../../state/page-title';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import { SettingsPanel } from './SettingsPanel';
import { StoragePanel } from './StoragePanel';
import { SyncPanel } from './SyncPanel';

/** Backups, data exchange, device storage and the clinician's settings. */
export function DataPage() {
  usePageTitle('Data & settings');
  return (
    <>
      <h1>Data &amp; settings</h1>
      <ExportPanel />
      <ImportPanel />
      <ExchangeExportPanel />
      <ExchangeImportPanel />
      <ClinicScalePanel />
      <StoragePanel />
      <SettingsPanel />
      <SyncPanel />
    </>
  );
}
