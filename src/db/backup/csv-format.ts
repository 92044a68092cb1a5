/**
 * CSV cells and tables, written by papaparse (RFC 4180: comma-separated, CRLF line ends,
 * quotes doubled inside quoted fields). Beyond what papaparse quotes itself (a comma, quote or
 * line break, spaces at either end), a field holding '#' is quoted, so R's
 * comment.char = "#" never cuts a row.
 *
 * Formula injection: a spreadsheet runs a text cell that begins with = + - @ (or a tab or
 * carriage return) as a formula, so such text is prefixed with a single quote. Numeric
 * columns are written as plain numbers and never prefixed, so -6 stays -6. Readers
 * (src/interop/csv) take the prefix off again.
 */
import Papa from 'papaparse';

export type CsvKind = 'text' | 'number';

export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The text a guarded cell held before guardFormula. */
export function unguardFormula(text: string): string {
  return /^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

export const CRLF = '\r\n';

function safeValue(value: CsvValue, kind: CsvKind): string | number {
  if (value === null) return '';
  if (kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`A number column was given ${JSON.stringify(value)}`);
    }
    return value;
  }
  return guardFormula(String(value));
}

const quoteHash = (value: unknown) => typeof value === 'string' && value.includes('#');

export interface CsvColumnSpec {
  readonly name: string;
  readonly kind: CsvKind;
}

/** The header line and one line per row, each ending in CRLF. */
export function csvTable(
  columns: readonly CsvColumnSpec[],
  rows: readonly Readonly<Record<string, CsvValue>>[],
): string {
  const data = rows.map((row) => columns.map((c) => safeValue(row[c.name] ?? null, c.kind)));
  const text = Papa.unparse(
    { fields: columns.map((c) => c.name), data },
    { newline: CRLF, quotes: quoteHash, escapeFormulae: false },
  );
  return text + CRLF;
}

export function csvCell(value: CsvValue, kind: CsvKind): string {
  return Papa.unparse([[safeValue(value, kind)]], { quotes: quoteHash, escapeFormulae: false });
}
