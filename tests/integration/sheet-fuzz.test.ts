/**
 * For each spreadsheet importer (long CSV, wide CSV, REDCap data): 1,100 generated malformed
 * files, each rejected with messages that name the row (and column), and the database
 * byte-identical after every batch of 100 and at the end.
 */
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { csvRows, exportCsv } from '../../src/db/backup/csv-export';
import { readBackup } from '../../src/db/backup/export-backup';
import { csvTable } from '../../src/db/backup/csv-format';
import { importBackup } from '../../src/db/backup/import-backup';
import { parseBackup } from '../../src/db/backup/parse-backup';
import type { DbResult } from '../../src/db/result';
import { readLongCsv } from '../../src/interop/csv/csv-long';
import { readWideCsv } from '../../src/interop/csv/csv-wide';
import type { SheetImport } from '../../src/interop/csv/sheet-import';
import { buildRedcapData } from '../../src/interop/redcap/redcap-export';
import { readRedcapData } from '../../src/interop/redcap/redcap-import';
import { generateCohort, pick, seeded, type Random } from '../../src/interop/testing/cohort';
import { HUGE, notUtf8 } from '../../src/interop/testing/fuzz';
import { dumpDatabase, expectOk, freshDatabase, importFixture } from './helpers';
import { importExternal } from './interop-helpers';

type Grid = string[][];
type Reader = (input: Uint8Array) => DbResult<SheetImport>;

interface Target {
  readonly reader: Reader;
  /** Columns read as numbers, and columns with a closed set of codes and a value outside it. */
  readonly numeric: (header: string) => boolean;
  readonly coded: readonly (readonly [string, readonly string[]])[];
  /** Columns that must not be empty (a row without them refers to no patient or visit). */
  readonly required: readonly string[];
}

const grid = (csv: string): Grid =>
  Papa.parse<string[]>(csv.replace(/\r\n$/, ''), { comments: '#' }).data;
const write = (g: Grid) => new TextEncoder().encode(Papa.unparse(g, { newline: '\r\n' }));
const cellOf = (rnd: Random, g: Grid, column: (h: string) => boolean) => {
  const header = g[0] ?? [];
  const cols = header.map((h, i) => (column(h) ? i : -1)).filter((i) => i >= 0);
  return { row: 1 + Math.floor(rnd() * (g.length - 1)), col: pick(rnd, cols) };
};

/** A strict prefix of the file that ends before the last comma of a data row: fields go missing. */
function truncated(rnd: Random, csv: string): Uint8Array {
  const starts = [...csv.matchAll(/\r\n/g)].map((m) => m.index + 2).slice(0, -1);
  const start = pick(rnd, starts);
  const lastComma = csv.lastIndexOf(',', csv.indexOf('\r\n', start) - 1);
  return new TextEncoder().encode(
    csv.slice(0, start + 1 + Math.floor(rnd() * (lastComma - start - 1))),
  );
}

function mutate(kind: string, rnd: Random, csv: string, t: Target): Uint8Array {
  if (kind === 'truncated') return truncated(rnd, csv);
  if (kind === 'not UTF-8') return notUtf8(rnd, new TextEncoder().encode(csv));
  const g = grid(csv);
  const header = g[0] ?? [];
  const set = (column: (h: string) => boolean, value: string) => {
    const { row, col } = cellOf(rnd, g, column);
    (g[row] as string[])[col] = value;
  };
  switch (kind) {
    case 'wrong type':
      set(t.numeric, pick(rnd, ['abc', '1,5', 'three', '2..1', 'true', '1e3']));
      break;
    case 'out of range':
      set(t.numeric, pick(rnd, ['-1', '99', '-7', '1000']));
      break;
    case 'unknown code': {
      const [name, values] = pick(
        rnd,
        t.coded.filter(([n]) => header.includes(n)),
      );
      set((h) => h === name, pick(rnd, values));
      break;
    }
    case 'dangling reference':
      set((h) => t.required.includes(h), '');
      break;
    case 'huge field':
      set(() => true, HUGE);
      break;
    case 'duplicate row': {
      const row = 1 + Math.floor(rnd() * (g.length - 1));
      g.splice(row, 0, [...(g[row] ?? [])]);
      break;
    }
  }
  return write(g);
}

const KINDS = [
  'truncated',
  'not UTF-8',
  'wrong type',
  'out of range',
  'unknown code',
  'dangling reference',
  'huge field',
  'duplicate row',
];

async function fuzz(t: Target, csv: string, seed: number) {
  const dump = await dumpDatabase();
  const rnd = seeded(seed);
  let n = 0;
  for (; n < 1100; n += 1) {
    const kind = KINDS[n % KINDS.length] ?? 'truncated';
    const file = mutate(kind, rnd, csv, t);
    const read = t.reader(file);
    const result = await importExternal(read.ok ? { ok: true, value: read.value.file } : read);
    if (result.ok) throw new Error(`${kind} (file ${n}) was imported`);
    expect(result.issues.length, kind).toBeGreaterThan(0);
    for (const issue of result.issues)
      expect(issue, kind).toMatch(
        /^(row \d+|The file is not valid UTF-8: byte 0x[0-9A-F]{2} at line \d+)|^… and \d+ more/,
      );
    if (n % 100 === 99) expect(await dumpDatabase()).toBe(dump);
  }
  expect(await dumpDatabase()).toBe(dump);
  return n;
}

let data: Awaited<ReturnType<typeof readBackup>>;

beforeAll(async () => {
  await freshDatabase();
  await importFixture();
  const cohort = generateCohort(41, 4);
  expectOk(
    await importBackup(expectOk(parseBackup(JSON.stringify(cohort))), { onConflict: 'skip' }),
  );
  data = await readBackup({ scope: 'all' });
});

/** A wide sheet of the item-entered assessments: one row per visit, one column per measure. */
function wideCsv(): string {
  const rows = csvRows(expectOk(data)).filter(
    (r) => r.entry_mode === 'items' && r.status === 'final',
  );
  const columns = [...new Set(rows.map((r) => `${String(r.scale)}_${String(r.measure_id)}`))];
  const visits = new Map<string, Record<string, string | number | null>>();
  for (const r of rows) {
    const key = `${String(r.patient_code)}/${String(r.visit_date)}`;
    const v = visits.get(key) ?? {
      patient_code: r.patient_code,
      visit_date: r.visit_date,
      status: 'final',
    };
    v[`${String(r.scale)}_${String(r.measure_id)}`] = r.value;
    visits.set(key, v);
  }
  return csvTable(
    [
      { name: 'patient_code', kind: 'text' },
      { name: 'visit_date', kind: 'text' },
      ...columns.map((name) => ({ name, kind: 'number' as const })),
      { name: 'status', kind: 'text' },
    ],
    [...visits.values()],
  );
}

describe('spreadsheet importers under fuzzing change nothing', () => {
  it('long CSV: 1,100 malformed files refused', async () => {
    const csv = expectOk(await exportCsv({ scope: 'all' }, { comments: false }));
    expect(expectOk(readLongCsv(new TextEncoder().encode(csv))).rows).toBeGreaterThan(100);
    const t: Target = {
      reader: readLongCsv,
      numeric: (h) => h === 'value',
      coded: [
        ['scale', ['BDI-II', 'HAMD-21']],
        ['entry_mode', ['itemz', 'total']],
        ['status', ['done', 'FINAL?']],
        ['measure', ['domain', 'score']],
        ['measure_id', ['99', 'mood']],
      ],
      required: ['patient_code', 'visit_date'],
    };
    expect(await fuzz(t, csv, 101)).toBe(1100);
  }, 180_000);

  it('wide CSV: 1,100 malformed files refused', async () => {
    const csv = wideCsv();
    expect(expectOk(readWideCsv(new TextEncoder().encode(csv))).rows).toBeGreaterThan(5);
    const t: Target = {
      reader: (input) => readWideCsv(input),
      numeric: (h) => /^(HAMD|MADRS|PHQ|DARS|CGI)/.test(h),
      coded: [['status', ['done', 'cancelled', 'complete']]],
      required: ['patient_code', 'visit_date'],
    };
    expect(await fuzz(t, csv, 202)).toBe(1100);
  }, 180_000);

  it('REDCap data: 1,100 malformed files refused', async () => {
    const csv = buildRedcapData(expectOk(data));
    expect(expectOk(readRedcapData(new TextEncoder().encode(csv))).rows).toBeGreaterThan(5);
    const t: Target = {
      reader: readRedcapData,
      numeric: (h) => /^(hamd17|madrs|phq9|dars|cgi_s|cgi_i)_(\d+|total_recorded)$/.test(h),
      coded: [
        ['hamd17_entry', ['itemz', 'total']],
        ['visit_complete', ['7', 'yes']],
        ['redcap_event_name', ['week 1', 'Week_1_Arm_1', 'week_1']],
      ],
      required: ['record_id', 'visit_date'],
    };
    expect(await fuzz(t, csv, 303)).toBe(1100);
  }, 180_000);
});
