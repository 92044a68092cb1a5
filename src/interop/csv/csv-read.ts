/**
 * Reading a CSV file with papaparse: UTF-8 only (decode.ts), '#' comment lines skipped, the
 * delimiter guessed among comma, semicolon and tab (spreadsheets in some locales write ';').
 * Each row keeps the spreadsheet row number it starts on, so every message can say
 * "row 14, column J (value)". The formula guard of the app's export (a leading ') is taken
 * off text cells again.
 */
import Papa from 'papaparse';
import { unguardFormula } from '../../db/backup/csv-format';
import { decodeUtf8 } from '../decode';
import type { Problems } from '../problems';

export interface CsvTable {
  readonly header: readonly string[];
  readonly rows: readonly { readonly row: number; readonly cells: readonly string[] }[];
}

/** 'A', 'B', … 'Z', 'AA': the spreadsheet name of a 0-based column. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "row 14, column J (value)". */
export function cellPlace(table: CsvTable, row: number, column: number): string {
  return `row ${row}, column ${columnLetter(column)} (${table.header[column] ?? ''})`;
}

/** Longest field accepted: nothing the app stores is longer; a bigger one is a broken file. */
export const MAX_CELL = 10_000;

export function readCsv(input: Uint8Array | string, problems: Problems): CsvTable | null {
  const decoded = decodeUtf8(input);
  if (!decoded.ok) {
    problems.list.push(decoded.reason);
    return null;
  }
  const text = decoded.value;
  if (text.trim() === '') {
    problems.add('row 1', 'the file is empty; expected a header row naming the columns');
    return null;
  }
  // Spreadsheet row of each character offset: rows start after line breaks outside quotes,
  // which papaparse reports as the cursor after each row.
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i += 1) if (text[i] === '\n') lineStarts.push(i + 1);
  const rowAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const rows: { row: number; cells: string[] }[] = [];
  let start = 0;
  const parsed = Papa.parse<string[]>(text, {
    comments: '#',
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    step: (result) => {
      let from = start;
      while (from < text.length && (text[from] === '\r' || text[from] === '\n')) from += 1;
      rows.push({ row: rowAt(from), cells: result.data.map(unguardFormula) });
      start = result.meta.cursor;
      for (const e of result.errors)
        problems.add(
          `row ${rowAt(from)}`,
          `${e.message}; expected a CSV field, quoted with " when it holds a comma, quote or line break`,
        );
    },
  });
  for (const e of parsed.errors) problems.add(`row ${String(e.row ?? '?')}`, e.message);
  const [head, ...body] = rows;
  if (!head) {
    problems.add('row 1', 'no header row; expected a row naming the columns');
    return null;
  }
  const header = head.cells.map((h) => h.trim());
  for (const r of body) {
    if (r.cells.length !== header.length)
      problems.add(
        `row ${r.row}`,
        `has ${r.cells.length} fields, the header has ${header.length}; the file may be cut short or a field lacks its quotes`,
      );
    r.cells.forEach((c, i) => {
      if (c.length > MAX_CELL)
        problems.add(
          cellPlace({ header, rows }, r.row, i),
          `expected at most ${MAX_CELL} characters (got ${c.length})`,
        );
    });
  }
  return { header, rows: body };
}
