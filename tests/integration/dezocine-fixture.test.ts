import { beforeEach, describe, expect, it } from 'vitest';
import { getPatientRecord } from '../../src/db/patient-queries';
import { listOpenSafetyFlags } from '../../src/db/safety-repo';
import { getScale } from '../../src/domain/scales/registry';
import { scoreEntry } from '../../src/domain/scoring';
import { daysBetween } from '../../src/domain/time';
import { freshDatabase, importFixture } from './helpers';

beforeEach(freshDatabase);

// Table 1 of Wang, Lyu & Zhao 2024 (../shared/reference/dezocine-case.md): baseline, 1–4 wk.
const TABLE_1: readonly [string, string, readonly number[]][] = [
  ['HAMD-17', 'total', [18, 2, 5, 10, 17]],
  ['MADRS', 'total', [23, 4, 9, 15, 22]],
  ['PHQ-9', 'total', [14, 1, 2, 8, 12]],
  ['DARS', 'total', [17, 52, 49, 35, 28]],
  ['DARS', 'subscale hobbies', [3, 15, 15, 9, 9]],
  ['DARS', 'subscale food', [4, 9, 5, 8, 7]],
  ['DARS', 'subscale social', [4, 10, 10, 4, 1]],
  ['DARS', 'subscale sensory', [6, 18, 19, 14, 11]],
  ['HAMD-17', 'item 7', [4, 0, 0, 2, 3]],
  ['MADRS', 'item 8', [4, 0, 0, 2, 4]],
  ['PHQ-9', 'item 1', [3, 0, 0, 1, 3]],
];

describe('fixtures/dezocine-case.json', () => {
  it('imports and reads back exactly Table 1 (55 numbers)', async () => {
    const summary = await importFixture();
    expect(summary).toMatchObject({ added: ['DEZ-001'], changes: 1 + 4 + 5 + 20 });
    const record = await getPatientRecord('de20c1e0-0000-4000-8000-000000000001');
    if (!record) throw new Error('patient missing');
    const dates = record.visits.map((v) => v.date);
    expect(dates).toEqual(['2023-11-24', '2023-12-07', '2023-12-14', '2023-12-21', '2023-12-28']);

    const read = (scaleId: string, measure: string, date: string): number | null => {
      const a = record.assessments.find((x) => x.scaleId === scaleId && x.date === date);
      if (a?.entry.mode !== 'summary') return null;
      const [kind, key = ''] = measure.split(' ');
      if (kind === 'total') return a.entry.total;
      if (kind === 'subscale') return a.entry.subscales[key] ?? null;
      return a.entry.items[key] ?? null;
    };
    const table = TABLE_1.map(([scale, measure]) => ({
      scale,
      measure,
      values: dates.map((d) => read(scale, measure, d)),
    }));
    expect(table).toEqual(TABLE_1.map(([scale, measure, values]) => ({ scale, measure, values })));
    expect(table.flatMap((row) => row.values).filter((v) => typeof v === 'number')).toHaveLength(
      55,
    );
  });

  it('has the dezocine dose as the index event, the medication ongoing and the procedure', async () => {
    await importFixture();
    const record = await getPatientRecord('de20c1e0-0000-4000-8000-000000000001');
    expect(record?.patient).toMatchObject({ code: 'DEZ-001', sex: 'female' });
    expect(record?.indexEvent).toMatchObject({
      date: '2023-11-30',
      kind: 'single-dose',
      drug: 'dezocine',
      dose: 0.1,
      unit: 'mg/kg',
      route: 'IV',
      totalDose: '5 mg total',
    });
    expect(record?.events.map((e) => [e.date, e.kind, e.label, e.endDate ?? null])).toEqual([
      ['2023-08-24', 'medication-start', 'bupropion SR', null],
      ['2023-08-24', 'medication-start', 'dexzopiclone', null],
      ['2023-11-29', 'procedure', 'rhinoplasty', '2023-12-01'],
      ['2023-11-30', 'single-dose', 'dezocine', null],
    ]);
    const weeks = record?.visits.map((v) => daysBetween('2023-11-30', v.date));
    expect(weeks).toEqual([-6, 7, 14, 21, 28]);
    expect(record?.visits.every((v) => v.status === 'final')).toBe(true);
  });

  it('scores as summary data, DARS domains add up, and raises no safety flag', async () => {
    await importFixture();
    const record = await getPatientRecord('de20c1e0-0000-4000-8000-000000000001');
    for (const a of record?.assessments ?? []) {
      const scored = scoreEntry(getScale(a.scaleId), a.entry);
      expect(scored.ok && scored.score.completeness).toBe('summary');
    }
    expect(await listOpenSafetyFlags()).toEqual([]);
  });
});
