import { describe, expect, it } from 'vitest';
import { DARS } from '../domain/scales/dars';
import { buildDarsDomains, type DomainVisit } from './dars-domains';
import {
  REF_DARS_DOMAINS,
  REF_DATES,
  REF_INDEX_DATE,
  REF_INDEX_EVENT,
} from './testing/reference-case';

const visits: DomainVisit[] = REF_DATES.map((date, i) => ({
  id: `dars-${i}`,
  date,
  completeness: 'summary',
  subscales: Object.entries(REF_DARS_DOMAINS).map(([id, values]) => ({
    id,
    score: values[i] ?? null,
  })),
}));

const model = buildDarsDomains({
  scale: DARS,
  visits,
  events: [REF_INDEX_EVENT],
  timeAxis: 'weeks',
  indexDate: REF_INDEX_DATE,
});
const at = (domain: string, i: number) =>
  model.datasets.find((d) => d.id === `DARS-${domain}`)?.data[i]?.y;

describe('buildDarsDomains on the reference case', () => {
  it('has one dataset per domain, each against its own maximum', () => {
    expect(model.datasets.map((d) => d.label)).toEqual([
      'Pastimes/hobbies (0–16)',
      'Food/drinks (0–16)',
      'Social activities (0–16)',
      'Sensory experiences (0–20)',
    ]);
    expect(model.yAxis).toMatchObject({ min: 0, max: 100, unit: '%' });
  });

  it.each([
    ['hobbies', 93.75],
    ['food', 56.25],
    ['social', 62.5],
    ['sensory', 90],
  ])('gives %s at week 1 as %d % of its maximum', (domain, expected) => {
    expect(at(domain, 1)).toBe(expected);
  });

  it('puts week 1 at x = 1 and the index event at x = 0', () => {
    expect(model.datasets[0]?.data[1]?.x).toBe(1);
    expect(model.annotations).toEqual([
      expect.objectContaining({ kind: 'event', x: 0, isIndex: true }),
    ]);
  });

  it('shows a domain that was not recorded as a gap, not a zero', () => {
    const gap = buildDarsDomains({
      scale: DARS,
      visits: visits.map((v, i) => (i === 2 ? { ...v, subscales: [] } : v)),
      timeAxis: 'days',
      indexDate: REF_INDEX_DATE,
    });
    expect(gap.datasets[0]?.data.map((p) => p.y)).toEqual([18.75, 93.75, null, 56.25, 56.25]);
    expect(gap.table.rows[2]?.cells[2]).toBe('not recorded');
  });

  it('lists each visit in the table with points and percentages', () => {
    const week1 = model.table.rows.find((r) => r.cells[1] === '1 wk');
    expect(week1?.cells).toEqual([
      '2023-12-07',
      '1 wk',
      '15 / 16 (93.75 %)',
      '9 / 16 (56.25 %)',
      '10 / 16 (62.50 %)',
      '18 / 20 (90.00 %)',
      'summary',
    ]);
    expect(model.table.rows.map((r) => r.kind)).toEqual([
      'point',
      'event',
      'point',
      'point',
      'point',
      'point',
    ]);
  });
});
