import { beforeEach, describe, expect, it } from 'vitest';
import { saveDraftAssessment } from '../../src/db/assessments-repo';
import { CSV_COLUMNS } from '../../src/db/backup/csv-columns';
import { buildCsv, csvRows, exportCsv } from '../../src/db/backup/csv-export';
import { getMeta } from '../../src/db/meta-repo';
import { createPatient } from '../../src/db/patients-repo';
import { createVisit, finalizeVisit } from '../../src/db/visits-repo';
import { expectOk, freshDatabase, hamdItems, importFixture, newDraftVisit } from './helpers';

beforeEach(freshDatabase);

/** A small RFC 4180 reader, to check the file parses back to the values written. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\r')) {
      cell += c;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1; // the \n of CRLF
    }
  }
  return rows;
}

const dataLines = (csv: string) => readCsv(csv).filter((r) => !r[0]?.startsWith('#'));

describe('CSV export (long format)', () => {
  it('documents every column in # lines, then a header, then one row per measure', async () => {
    await importFixture();
    const csv = expectOk(await exportCsv());
    const lines = csv.split('\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
    const comments = lines.filter((l) => l.startsWith('#'));
    for (const column of CSV_COLUMNS)
      expect(comments.some((l) => l.startsWith(`#   ${column.name} (`))).toBe(true);
    expect(comments.join('\n')).toMatch(/read\.csv\(file, comment\.char = "#"/);
    const [header, ...rows] = dataLines(csv);
    expect(header).toEqual([
      'patient_code',
      'visit_date',
      'days_since_index',
      'scale',
      'scale_version',
      'entry_mode',
      'measure',
      'measure_id',
      'measure_label',
      'value',
      'completeness',
      'status',
      'rater',
      'visit_time',
    ]);
    // Per visit: HAMD-17 total + item 7, MADRS total + item 8, PHQ-9 total + item 1, DARS total + 4 domains.
    expect(rows).toHaveLength(5 * 11);
    expect(rows.slice(0, 11).map((r) => [r[2], r[3], r[6], r[7], r[9]])).toEqual([
      ['-6', 'HAMD-17', 'total', 'total', '18'],
      ['-6', 'HAMD-17', 'item', '7', '4'],
      ['-6', 'MADRS', 'total', 'total', '23'],
      ['-6', 'MADRS', 'item', '8', '4'],
      ['-6', 'PHQ-9', 'total', 'total', '14'],
      ['-6', 'PHQ-9', 'item', '1', '3'],
      ['-6', 'DARS', 'total', 'total', '17'],
      ['-6', 'DARS', 'subscale', 'hobbies', '3'],
      ['-6', 'DARS', 'subscale', 'food', '4'],
      ['-6', 'DARS', 'subscale', 'social', '4'],
      ['-6', 'DARS', 'subscale', 'sensory', '6'],
    ]);
    expect(rows[0]).toEqual([
      'DEZ-001',
      '2023-11-24',
      '-6',
      'HAMD-17',
      'HAMD-17 (Hamilton 1960/1967)',
      'summary',
      'total',
      'total',
      'Total',
      '18',
      'summary',
      'final',
      '', // no rater recorded in the published case
      '', // nor a time of day
    ]);
    expect(new Set(rows.map((r) => r[2]))).toEqual(new Set(['-6', '7', '14', '21', '28']));
    expect(await getMeta('lastExportAt')).toBeNull(); // a CSV is not a backup
  });

  it('can leave the comment lines out (for SPSS and spreadsheets)', async () => {
    await importFixture();
    const csv = expectOk(await exportCsv({ scope: 'all' }, { comments: false }));
    expect(csv.startsWith('patient_code,visit_date,')).toBe(true);
  });

  it('writes the time of day of visits that have one, two visits on one day in time order', async () => {
    const p = expectOk(await createPatient({ code: 'P-1' }));
    for (const time of ['12:00', '08:00']) {
      const v = expectOk(await createVisit({ patientId: p.id, date: '2024-01-10', time }));
      expectOk(
        await saveDraftAssessment({ visitId: v.id, scaleId: 'HAMD-17', entry: hamdItems(2, 0) }),
      );
      expectOk(await finalizeVisit(v.id));
    }
    const [header, ...rows] = dataLines(expectOk(await exportCsv()));
    const at = header?.indexOf('visit_time') ?? -1;
    const totals = rows.filter((r) => r[7] === 'total');
    expect(totals.map((r) => [r[1], r[at]])).toEqual([
      ['2024-01-10', '08:00'],
      ['2024-01-10', '12:00'],
    ]);
  });

  it('writes every item of an item entry, missing ones empty, and no total when too many are missing', async () => {
    const p = expectOk(await createPatient({ code: 'P-1' }));
    const v = expectOk(await createVisit({ patientId: p.id, date: '2024-01-10' }));
    expectOk(
      await saveDraftAssessment({ visitId: v.id, scaleId: 'HAMD-17', entry: hamdItems(2, 1) }),
    );
    const rows = dataLines(expectOk(await exportCsv())).slice(1);
    expect(rows).toHaveLength(1 + 17);
    expect(rows[0]?.slice(2)).toEqual([
      '',
      'HAMD-17',
      'HAMD-17 (Hamilton 1960/1967)',
      'items',
      'total',
      'total',
      'Total',
      '',
      'incomplete',
      'draft',
      '', // rater
      '', // visit_time
    ]);
    expect(rows.slice(1, 4).map((r) => [r[7], r[8], r[9]])).toEqual([
      ['1', 'Depressed mood', '2'],
      ['2', 'Feelings of guilt', '1'],
      ['3', 'Suicide', ''],
    ]);
  });

  it('guards text against spreadsheet formulas but keeps negative numbers', () => {
    const base = { createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z' };
    const codes = ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', 'a,b', 'x#1'];
    const patients = codes.map((code, i) => ({ ...base, id: `p${i}`, code }));
    const visits = patients.map((p) => ({
      ...base,
      id: `v-${p.id}`,
      patientId: p.id,
      date: '2024-01-01',
      status: 'final' as const,
    }));
    const assessments = patients.map((p) => ({
      id: `a-${p.id}`,
      visitId: `v-${p.id}`,
      patientId: p.id,
      date: '2024-01-01',
      scaleId: 'PHQ-9' as const,
      scaleVersion: 'PHQ-9 (Kroenke 2001)',
      entry: { mode: 'summary' as const, total: 5, subscales: {}, items: {} },
      status: 'final' as const,
      updatedAt: base.updatedAt,
    }));
    const events = patients.map((p) => ({
      id: `e-${p.id}`,
      patientId: p.id,
      date: '2024-01-08',
      kind: 'note' as const,
      label: 'x',
      isIndex: true,
    }));
    const csv = buildCsv(csvRows({ patients, events, visits, assessments }), { comments: false });
    const lines = csv.split('\r\n').slice(1, -1);
    expect(lines.map((l) => l.slice(0, l.indexOf(',2024-01-01')))).toEqual([
      `"'=HYPERLINK(""http://x"")"`,
      `'+1`,
      `'-2`,
      `'@SUM(A1)`,
      `"a,b"`,
      `"x#1"`,
    ]);
    expect(lines.every((l) => l.includes(',2024-01-01,-7,PHQ-9,'))).toBe(true);
    expect(
      dataLines(csv)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(codes.map((c) => (/^[=+\-@]/.test(c) ? `'${c}` : c)));
  });
});

describe('HAMD-17 item 16 "not assessed" in the CSV (review finding)', () => {
  it('is exported as recorded (3), not as a blank, and the total stays complete', async () => {
    const { visitId } = await newDraftVisit('CSV-16', '2024-05-01');
    const responses = Array.from({ length: 17 }, (_, i) => (i === 15 ? 3 : 1));
    expectOk(
      await saveDraftAssessment({
        visitId,
        scaleId: 'HAMD-17',
        entry: { mode: 'items', responses },
      }),
    );
    const csv = expectOk(await exportCsv({ scope: 'all' }, { comments: false }));
    const lines = csv.trim().split('\r\n');
    const header = lines[0]!.split(',');
    const at = (line: string, col: string) => line.split(',')[header.indexOf(col)];
    const item16 = lines.find((l) => at(l, 'measure') === 'item' && at(l, 'measure_id') === '16');
    const total = lines.find((l) => at(l, 'measure') === 'total');
    expect(at(item16!, 'value')).toBe('3');
    expect(at(total!, 'value')).toBe('16');
    expect(at(total!, 'completeness')).toBe('complete');
  });
});
