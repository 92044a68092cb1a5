/**
 * CSV cells and lines, RFC 4180: comma-separated, CRLF line ends, a field quoted when it
 * holds a comma, quote, line break or '#' (so R's comment.char = "#" never cuts a row), or
 * has spaces at either end, with quotes doubled inside.
 *
 * Formula injection: a spreadsheet runs a text cell that begins with = + - @ (or a tab or
 * carriage return) as a formula, so such text is prefixed with a single quote. Numeric
 * columns are written as plain numbers and never prefixed, so -6 stays -6.
 */
export type CsvKind = 'text' | 'number';

export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue, kind: CsvKind): string {
  if (value === null) return '';
  if (kind === 'number') {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`A number column was given ${JSON.stringify(value)}`);
    }
    return String(value);
  }
  const text = guardFormula(String(value));
  const needsQuotes = /[",\r\n#]/.test(text) || text !== text.trim();
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CRLF = '\r\n';
