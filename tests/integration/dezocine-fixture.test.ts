import { beforeEach, describe, expect, it } from 'vitest';
import { getPatientRecord } from '../../src/db/patient-queries';
import { listOpenSafetyFlags } from '../../src/db/safety-repo';
import { getScale } from '../../src/domain/scales/registry';
import { scoreEntry } from '../../src/domain/scoring';
import { daysBetween } from '../../src/domain/time';
import { TABLE_1, TABLE_1_SCALES } from '../../src/domain/testing/table-1';
import { freshDatabase, importFixture } from './helpers';

beforeEach(freshDatabase);

// Table 1 (src/domain/testing/table-1.ts), one row per published measure: baseline, 1–4 wk.
const TABLE_1_ROWS: readonly (readonly [string, string, readonly number[]])[] = [
  ...TABLE_1_SCALES.map((scale) => [scale, 'total', TABLE_1[scale].total] as const),
  ...Object.entries(TABLE_1.DARS.domains).map(
    ([domain, values]) => ['DARS', `subscale ${domain}`, values] as const,
  ),
  ...(['HAMD-17', 'MADRS', 'PHQ-9'] as const).flatMap((scale) =>
    Object.entries(TABLE_1[scale].items).map(
      ([item, values]) => [scale, `item ${item}`, values] as const,
    ),
  ),
];

describe('fixtures/dezocine-case.json', () => {
  it('imports and reads back exactly Table 1 (55 numbers)', async () => {
    const summary = await importFixture();
    expect(summary).toMatchObject({ added: ['DEZ-001'], changes: 1 + 4 + 5 + 20 });
    const record = await getPatientRecord('de20c1e0-0000-4000-8000-000000000001');
    if (!record) throw new Error('patient missing');
    const dates = record.visits.map((v) => v.date);
    expect(dates).toEqual(TABLE_1.dates);

    const read = (scaleId: string, measure: string, date: string): number | null => {
      const a = record.assessments.find((x) => x.scaleId === scaleId && x.date === date);
      if (a?.entry.mode !== 'summary') return null;
      const [kind, key = ''] = measure.split(' ');
      if (kind === 'total') return a.entry.total;
      if (kind === 'subscale') return a.entry.subscales[key] ?? null;
      return a.entry.items[key] ?? null;
    };
    const table = TABLE_1_ROWS.map(([scale, measure]) => ({
      scale,
      measure,
      values: dates.map((d) => read(scale, measure, d)),
    }));
    expect(table).toEqual(
      TABLE_1_ROWS.map(([scale, measure, values]) => ({ scale, measure, values })),
    );
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
    // At every visit the four DARS domains as imported add up to the DARS total as imported
    // (dezocine-case.md: 3 + 4 + 4 + 6 = 17, 15 + 9 + 10 + 18 = 52, ...).
    const dars = (record?.assessments ?? []).filter((a) => a.scaleId === 'DARS');
    const sums = dars.map((a) => {
      if (a.entry.mode !== 'summary') throw new Error(`DARS of ${a.date} is not summary data`);
      const { hobbies, food, social, sensory } = a.entry.subscales;
      return {
        date: a.date,
        total: a.entry.total,
        domains: Object.keys(a.entry.subscales).sort(),
        sum: (hobbies ?? NaN) + (food ?? NaN) + (social ?? NaN) + (sensory ?? NaN),
      };
    });
    expect(sums.map((s) => s.date)).toEqual(TABLE_1.dates);
    for (const s of sums) {
      expect(s.domains).toEqual(['food', 'hobbies', 'sensory', 'social']);
      expect(s.sum, `DARS domains on ${s.date}`).toBe(s.total);
    }
    expect(await listOpenSafetyFlags()).toEqual([]);
  });
});
