import { describe, expect, it } from 'vitest';
import { round } from '../domain/format';
import { CGI_I } from '../domain/scales/cgi-i';
import { DARS } from '../domain/scales/dars';
import { HAMD17 } from '../domain/scales/hamd17';
import { MADRS } from '../domain/scales/madrs';
import { PHQ9 } from '../domain/scales/phq9';
import { ALL_SCALES_Y_TITLE, buildAllScales, type AllScalesInput } from './all-scales';
import type { LevelLine } from './chart-types';
import {
  REF_INDEX_DATE,
  REF_INDEX_EVENT,
  referenceCourse,
  summaryMeta,
} from './testing/reference-case';

const courses = [HAMD17, MADRS, PHQ9, DARS].map((scale) => {
  const course = referenceCourse(scale);
  return { scale, course, pointMeta: summaryMeta(course) };
});
const input: AllScalesInput = {
  courses,
  events: [REF_INDEX_EVENT],
  timeAxis: 'weeks',
  indexDate: REF_INDEX_DATE,
};
const model = buildAllScales(input);
const ys = (id: string) =>
  model.datasets
    .find((d) => d.label === id)
    ?.data.map((p) => (p.y === null ? null : round(p.y, 2)));

describe('buildAllScales on the reference case', () => {
  it('gives one dataset per scale, baseline at 0', () => {
    expect(model.datasets.map((d) => d.label)).toEqual(['HAMD-17', 'MADRS', 'PHQ-9', 'DARS']);
    model.datasets.forEach((d) => {
      expect(d.data[0]).toEqual({ x: -6 / 7, y: 0 });
    });
  });

  it.each([
    ['HAMD-17', [0, 88.89, 72.22, 44.44, 5.56]],
    ['MADRS', [0, 82.61, 60.87, 34.78, 4.35]],
    ['PHQ-9', [0, 92.86, 85.71, 42.86, 14.29]],
    ['DARS', [0, 68.63, 62.75, 35.29, 21.57]],
  ])('plots %s as the share of possible improvement (up = better)', (id, expected) => {
    expect(ys(id)).toEqual(expected);
  });

  it('titles the y axis so it says what it is, with the 50 % response line labelled', () => {
    expect(model.yAxis).toMatchObject({ title: ALL_SCALES_Y_TITLE, max: 100, unit: '%' });
    const response = model.annotations.find(
      (a): a is LevelLine => a.kind === 'level' && a.role === 'response',
    );
    expect(response?.y).toBe(50);
    expect(response?.label).toBe('50 %: response threshold (HAMD-17, MADRS, PHQ-9)');
    expect(model.conventions[1]?.value).toBe(
      '≥ 50 % reduction from baseline (HAMD-17, MADRS, PHQ-9); no published criterion for DARS',
    );
    expect(model.annotations.some((a) => a.kind === 'event' && a.isIndex && a.x === 0)).toBe(true);
  });

  it('keeps the published per-scale figures in the table', () => {
    const week1 = model.table.rows.filter((r) => r.cells[2] === '1 wk').map((r) => r.cells);
    expect(week1).toEqual([
      ['HAMD-17', '2023-12-07', '1 wk', '2', '−16', '88.89 % reduction', '88.89 %'],
      ['MADRS', '2023-12-07', '1 wk', '4', '−19', '82.61 % reduction', '82.61 %'],
      ['PHQ-9', '2023-12-07', '1 wk', '1', '−13', '92.86 % reduction', '92.86 %'],
      ['DARS', '2023-12-07', '1 wk', '52', '+35', '+205.88 % change', '68.63 %'],
    ]);
    expect(model.table.rows).toHaveLength(20);
  });

  it('lowers the y axis when a scale worsens beyond baseline, and shows gaps as null', () => {
    const worse = referenceCourse(HAMD17, [10, null, 25]);
    const m = buildAllScales({ ...input, courses: [{ scale: HAMD17, course: worse }] });
    expect(m.datasets[0]?.data.map((p) => p.y)).toEqual([0, null, -150]);
    expect(m.yAxis.min).toBe(-150);
  });

  it('leaves out change scales, which have no baseline arithmetic', () => {
    const cgi = referenceCourse(CGI_I, [4, 2, 2]);
    const m = buildAllScales({ ...input, courses: [...courses, { scale: CGI_I, course: cgi }] });
    expect(m.datasets.map((d) => d.label)).not.toContain('CGI-I');
  });

  it('summarises the course for the accessible name', () => {
    expect(model.summary).toContain('HAMD-17 from 88.89 % at 1 wk to 5.56 % at 4 wk');
    expect(model.summary).toContain('DARS from 68.63 % at 1 wk to 21.57 % at 4 wk');
  });
});
