/**
 * One entry for the import screen: which reader a file needs (FHIR JSON, REDCap data, the
 * app's long CSV or a wide sheet), chosen by the user or recognised from the file's start.
 */
import type { ExternalImport } from '../db/backup/external-import';
import { refuseAll, succeed, type DbResult } from '../db/result';
import { readLongCsv } from './csv/csv-long';
import { readWideCsv } from './csv/csv-wide';
import type { ColumnUse } from './csv/sheet-import';
import { decodeUtf8 } from './decode';
import { readFhirBundle } from './fhir/fhir-import';
import { readRedcapData } from './redcap/redcap-import';

export type InteropFormat = 'fhir' | 'redcap' | 'long' | 'wide';

export const FORMAT_NAMES: Record<InteropFormat, string> = {
  fhir: 'FHIR R4 Bundle (JSON)',
  redcap: 'REDCap data export (CSV)',
  long: 'Trajectory long CSV',
  wide: 'Spreadsheet, one row per visit (CSV)',
};

export interface ReadFile {
  readonly format: InteropFormat;
  readonly file: ExternalImport;
  /** How each column is read (spreadsheets), shown before anything is written. */
  readonly columns: readonly ColumnUse[] | null;
}

/** The format of a decoded file, from its first characters and header line. */
export function detectFormat(text: string): InteropFormat {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('{')) return 'fhir';
  const header = body.split(/\r?\n/).find((line) => !line.startsWith('#')) ?? '';
  const names = header.split(/[,;\t]/).map((h) => h.trim().replace(/^"|"$/g, ''));
  if (names.includes('record_id') && names.includes('redcap_event_name')) return 'redcap';
  if (names.includes('measure') && names.includes('entry_mode')) return 'long';
  return 'wide';
}

export function readInteropFile(
  bytes: Uint8Array,
  format: InteropFormat | 'auto',
): DbResult<ReadFile> {
  const text = decodeUtf8(bytes);
  if (!text.ok) return refuseAll([text.reason]);
  const chosen = format === 'auto' ? detectFormat(text.value) : format;
  if (chosen === 'fhir') {
    const read = readFhirBundle(text.value);
    return read.ok ? succeed({ format: chosen, file: read.value, columns: null }) : read;
  }
  const reader =
    chosen === 'redcap' ? readRedcapData : chosen === 'long' ? readLongCsv : readWideCsv;
  const read = reader(text.value);
  return read.ok
    ? succeed({ format: chosen, file: read.value.file, columns: read.value.columns })
    : read;
}
