import { describe, expect, it } from 'vitest';
import { HAMD17 } from '../domain/scales/hamd17';
import { DARS } from '../domain/scales/dars';
import { PHQ9 } from '../domain/scales/phq9';
import type { BandAnnotation, EventMarker, LevelLine } from './chart-types';
import {
  REF_DATES,
  REF_INDEX_DATE,
  REF_INDEX_EVENT,
  REF_REDOSE,
  referenceCourse,
  summaryMeta,
} from './testing/reference-case';
import { buildTrajectory, type TrajectoryInput } from './trajectory';

const course = referenceCourse(HAMD17);
const base: TrajectoryInput = {
  scale: HAMD17,
  course,
  pointMeta: summaryMeta(course),
  events: [REF_INDEX_EVENT],
  timeAxis: 'weeks',
  indexDate: REF_INDEX_DATE,
};

const bands = (input: TrajectoryInput) =>
  buildTrajectory(input).annotations.filter((a): a is BandAnnotation => a.kind === 'band');
const levels = (input: TrajectoryInput) =>
  buildTrajectory(input).annotations.filter((a): a is LevelLine => a.kind === 'level');
const events = (input: TrajectoryInput) =>
  buildTrajectory(input).annotations.filter((a): a is EventMarker => a.kind === 'event');
const main = (input: TrajectoryInput) => {
  const first = buildTrajectory(input).datasets[0];
  if (!first) throw new Error('no main dataset');
  return first;
};

describe('buildTrajectory on the reference case (HAMD-17)', () => {
  it('puts the visits at −6/7, 1, 2, 3, 4 weeks since the dezocine dose', () => {
    const xs = main(base).data.map((p) => p.x);
    [-6 / 7, 1, 2, 3, 4].forEach((x, i) => {
      expect(xs[i]).toBeCloseTo(x, 10);
    });
    expect(main(base).data.map((p) => p.y)).toEqual([18, 2, 5, 10, 17]);
  });

  it('puts them at −6, 7, 14, 21, 28 days in days mode, and at timestamps in date mode', () => {
    expect(main({ ...base, timeAxis: 'days' }).data.map((p) => p.x)).toEqual([-6, 7, 14, 21, 28]);
    const dates = main({ ...base, timeAxis: 'date' }).data.map((p) => p.x);
    expect(dates).toEqual(REF_DATES.map((d) => new Date(`${d}T00:00:00`).getTime()));
  });

  it('titles the x axis with the index event and spans every point and event', () => {
    const model = buildTrajectory({ ...base, timeAxis: 'days' });
    expect(model.xAxis.title).toBe('Days since dezocine 0.1 mg/kg IV (2023-11-30)');
    expect(model.xAxis.min).toBeLessThan(-6);
    expect(model.xAxis.max).toBeGreaterThan(28);
    expect(model.xAxis.stepSize).toBe(7);
    expect(model.yAxis).toMatchObject({ min: 0, max: 52 });
    expect(model.yAxis.title).toContain('higher = worse');
  });

  it('draws a missing total as a null gap, never a zero, and keeps gaps unspanned', () => {
    const gapped = referenceCourse(HAMD17, [18, 2, null, 10, 17]);
    const series = main({ ...base, course: gapped, pointMeta: {} });
    expect(series.data.map((p) => p.y)).toEqual([18, 2, null, 10, 17]);
    expect(series.data.some((p) => p.y === 0)).toBe(false);
    expect(series.spanGaps).toBe(false);
    const row = buildTrajectory({ ...base, course: gapped }).table.rows[3];
    expect(row?.cells[2]).toBe('no total');
  });

  it('shades the consensus bands 0–7, 8–13, 14–18, 19–22, 23–52 with fills that darken', () => {
    const found = bands(base);
    expect(found.map((b) => [b.min, b.max])).toEqual([
      [0, 7],
      [8, 13],
      [14, 18],
      [19, 22],
      [23, 52],
    ]);
    expect(found.map((b) => [b.yMin, b.yMax])).toEqual([
      [0, 8],
      [8, 14],
      [14, 19],
      [19, 23],
      [23, 52],
    ]);
    expect(found.map((b) => b.label)).toEqual([
      'None 0–7',
      'Mild 8–13',
      'Moderate 14–18',
      'Severe 19–22',
      'Very severe 23–52',
    ]);
    const lightness = found.map((b) => Number(/(\d+)%\)$/.exec(b.fill)?.[1]));
    expect([...lightness].sort((a, b) => b - a)).toEqual(lightness);
    expect(new Set(lightness).size).toBe(5);
  });

  it('uses the chosen band convention', () => {
    const zimmerman = bands({ ...base, bandConventionId: 'zimmerman-2013' });
    expect(zimmerman.map((b) => b.max)).toEqual([7, 16, 23, 52]);
  });

  it('draws the remission cut-off at 7 and the 50 % response line at 9, both labelled', () => {
    const [remission, response] = levels(base);
    expect(remission).toMatchObject({ role: 'remission', y: 7 });
    expect(remission?.label).toBe('Remission: HAMD-17 ≤ 7');
    expect(response).toMatchObject({ role: 'response', y: 9 });
    expect(response?.label).toBe('50 % response: ≤ 9 (baseline 18)');
  });

  it('follows another remission rule when asked', () => {
    expect(levels({ ...base, remissionRuleId: 'le6' })[0]?.y).toBe(6);
  });

  it('draws no remission or response line for DARS', () => {
    const dars = referenceCourse(DARS);
    const model = buildTrajectory({ ...base, scale: DARS, course: dars });
    expect(model.annotations.filter((a) => a.kind !== 'event')).toEqual([]);
    expect(model.yAxis.title).toContain('higher = better');
    expect(model.conventions.map((c) => c.value)).toContain('no published criterion');
  });

  it('marks the index event at x = 0, solid and thicker than a re-dose, and shows both doses', () => {
    const [index, redose] = events({ ...base, events: [REF_REDOSE, REF_INDEX_EVENT] });
    expect(index).toMatchObject({ x: 0, isIndex: true, label: 'Index: dezocine 0.1 mg/kg IV' });
    expect(redose).toMatchObject({
      x: 3,
      isIndex: false,
      label: 'dezocine 0.1 mg/kg IV (re-dose)',
    });
    expect(index?.dash).toEqual([]);
    expect(redose?.dash.length).toBeGreaterThan(0);
    expect(index?.width).toBeGreaterThan(redose?.width ?? Infinity);
    expect(index?.labelOffset).not.toBe(redose?.labelOffset);
  });

  it('marks summary points as hollow diamonds and explains them in the legend and table', () => {
    const model = buildTrajectory(base);
    const series = model.datasets[0];
    expect(series?.pointStyle).toEqual(Array(5).fill('rectRot'));
    expect(series?.pointBackgroundColor).toEqual(Array(5).fill('#ffffff'));
    const key = model.datasets.find((d) => d.legendOnly);
    expect(key?.label).toMatch(/^Summary data/);
    expect(key?.data).toEqual([]);
    expect(model.table.rows[0]?.cells[5]).toBe('summary; Table 1 of the case report');
  });

  it('marks prorated points with a triangle, complete ones with a filled circle', () => {
    const phq = referenceCourse(PHQ9);
    const meta = { [phq.points[1]?.id ?? '']: { completeness: 'prorated' as const } };
    const model = buildTrajectory({ ...base, scale: PHQ9, course: phq, pointMeta: meta });
    expect(model.datasets[0]?.pointStyle).toEqual([
      'circle',
      'triangle',
      'circle',
      'circle',
      'circle',
    ]);
    expect(model.datasets.map((d) => d.label)).toEqual([
      'PHQ-9 total',
      expect.stringMatching(/^Prorated/),
    ]);
  });

  it('lists every point and event in the data table with time since the index event and status', () => {
    const { table } = buildTrajectory({ ...base, events: [REF_INDEX_EVENT, REF_REDOSE] });
    expect(table.columns).toEqual([
      'Date and time',
      'Time since index event',
      'Total',
      'Severity',
      'Status',
      'Marks',
    ]);
    expect(table.rows.map((r) => r.cells.slice(0, 5))).toEqual([
      ['2023-11-24', '−6 d', '18', 'Moderate', 'baseline'],
      ['2023-11-30', 'day 0', '—', '—', 'index event: dezocine 0.1 mg/kg IV'],
      ['2023-12-07', '1 wk', '2', 'None', 'remission'],
      ['2023-12-14', '2 wk', '5', 'None', 'remission'],
      ['2023-12-21', '3 wk', '10', 'Mild', 'response lost'],
      ['2023-12-21', '3 wk', '—', '—', 'treatment: dezocine 0.1 mg/kg IV (re-dose)'],
      ['2023-12-28', '4 wk', '17', 'Moderate', 'relapse'],
    ]);
  });

  it('names the conventions in use and summarises the course for the accessible name', () => {
    const model = buildTrajectory(base);
    expect(model.conventions.map((c) => `${c.name}: ${c.value}`)).toEqual([
      'Severity bands: Consensus (cnsforum)',
      'Remission: HAMD-17 ≤ 7',
      'Response: ≥ 50 % reduction from baseline',
      'Relapse: HAMD-17 ≥ 16 after response',
    ]);
    expect(model.summary).toContain('lowest 2 at 1 wk (2023-12-07)');
    expect(model.summary).toContain('last 17 at 4 wk (2023-12-28)');
    expect(model.summary).toContain('relapse');
  });

  it('counts time from the baseline when there is no index event', () => {
    const model = buildTrajectory({ ...base, events: [], indexDate: null, timeAxis: 'days' });
    expect(model.datasets[0]?.data.map((p) => p.x)).toEqual([0, 13, 20, 27, 34]);
    expect(model.xAxis.title).toBe('Days since baseline (2023-11-24)');
  });
});

describe('events long before the first visit', () => {
  // The reference patient started bupropion about 3 months before baseline (dezocine-case.md).
  const bupropion = { id: 'bup', date: '2023-08-24', label: 'bupropion SR 150 mg', isIndex: false };
  const model = buildTrajectory({
    scale: HAMD17,
    course: referenceCourse(HAMD17),
    events: [bupropion, REF_INDEX_EVENT],
    timeAxis: 'weeks',
    indexDate: REF_INDEX_DATE,
  });

  it('do not stretch the time axis: it starts within two weeks of the baseline visit', () => {
    expect(model.xAxis.min).toBeGreaterThan(-6 / 7 - 2);
    const markers = model.annotations.filter((a): a is EventMarker => a.kind === 'event');
    expect(markers.map((m) => m.id)).toEqual(['event-dose-1']);
  });

  it('are named in the conventions instead', () => {
    expect(model.conventions).toContainEqual({
      name: 'Earlier events (not drawn)',
      value: 'bupropion SR 150 mg (2023-08-24)',
    });
  });
});
