import { describe, expect, it } from 'vitest';
import { HAMD17 } from '../domain/scales/hamd17';
import type { ChartModel } from './chart-types';
import {
  annotationOptions,
  buildChartOptions,
  LARGE_SERIES,
  PRINT_SIZE,
  toChartData,
  wrapTitle,
} from './options';
import {
  REF_INDEX_DATE,
  REF_INDEX_EVENT,
  REF_REDOSE,
  referenceCourse,
  summaryMeta,
} from './testing/reference-case';
import { buildTrajectory } from './trajectory';

const course = referenceCourse(HAMD17);
const model = buildTrajectory({
  scale: HAMD17,
  course,
  pointMeta: summaryMeta(course),
  events: [REF_INDEX_EVENT, REF_REDOSE],
  timeAxis: 'days',
  indexDate: REF_INDEX_DATE,
});

type Callback = (this: unknown, value: number, index: number, ticks: unknown[]) => unknown;
const tickCallback = (options: ReturnType<typeof buildChartOptions>, axis: 'x' | 'y') =>
  (options.scales?.[axis]?.ticks as { callback: Callback } | undefined)?.callback;

describe('toChartData', () => {
  it('hands Chart.js the pre-parsed points as they are, with per-point marker styles', () => {
    const data = toChartData(model);
    expect(data.datasets[0]?.data).toBe(model.datasets[0]?.data);
    expect(data.datasets[0]).toMatchObject({
      label: 'HAMD-17 total',
      spanGaps: false,
      fill: false,
    });
    expect(data.datasets[0]?.pointStyle).toEqual(Array(5).fill('rectRot'));
  });
});

describe('buildChartOptions', () => {
  it('skips parsing and sorting, and animates small series on screen only', () => {
    const screen = buildChartOptions(model);
    expect(screen).toMatchObject({
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
    });
    expect(screen.animation).toEqual({ duration: 250 });
    expect(screen.devicePixelRatio).toBeUndefined();
    expect(buildChartOptions(model, { animate: false }).animation).toBe(false);
  });

  it('prints at a fixed size, sharp and without animation', () => {
    const print = buildChartOptions(model, { print: true });
    expect(print).toMatchObject({ animation: false, responsive: false, devicePixelRatio: 2 });
    expect(PRINT_SIZE).toEqual({ width: 680, height: 300, devicePixelRatio: 2 });
  });

  it('switches animation off for large series', () => {
    const first = model.datasets[0];
    if (!first) throw new Error('no dataset');
    const data = Array.from({ length: LARGE_SERIES + 1 }, (_, i) => ({ x: i, y: 10 }));
    const large: ChartModel = { ...model, datasets: [{ ...first, data }] };
    expect(buildChartOptions(large).animation).toBe(false);
  });

  it('sets the axes from the model, with time-since tick labels and a % unit', () => {
    const options = buildChartOptions(model);
    expect(options.scales?.x).toMatchObject({
      type: 'linear',
      min: model.xAxis.min,
      max: model.xAxis.max,
    });
    expect(options.scales?.x?.title).toMatchObject({
      text: 'Days since dezocine 0.1 mg/kg IV (2023-11-30)',
    });
    expect(options.scales?.y).toMatchObject({ min: 0, max: 52 });
    const x = tickCallback(options, 'x');
    expect([0, 7, -7].map((v) => x?.call({}, v, 0, []))).toEqual(['day 0', '7 d', '−7 d']);
    const pct = buildChartOptions({ ...model, yAxis: { ...model.yAxis, unit: '%' } });
    expect(tickCallback(pct, 'y')?.call({}, 50, 0, [])).toBe('50 %');
    expect(tickCallback(pct, 'y')?.call({}, -10, 0, [])).toBe('−10 %');
  });

  it('wraps long axis titles so a vertical title is not cut off', () => {
    expect(wrapTitle('Improvement from baseline, % of possible (up = better)')).toEqual([
      'Improvement from baseline,',
      '% of possible (up = better)',
    ]);
    expect(buildChartOptions(model).scales?.y?.title).toMatchObject({
      text: ['HAMD-17 total, 0–52', '(higher = worse)'],
    });
  });

  it('uses a time scale in date mode', () => {
    const dated = buildChartOptions({ ...model, xAxis: { ...model.xAxis, mode: 'date' } });
    expect(dated.scales?.x?.type).toBe('time');
  });

  it('names the conventions in the legend title', () => {
    const legend = buildChartOptions(model).plugins?.legend;
    expect(legend?.title?.text).toBe(
      'Severity bands: Consensus (cnsforum) · Remission: HAMD-17 ≤ 7 · Relapse: HAMD-17 ≥ 16 after response',
    );
    expect(legend?.labels?.usePointStyle).toBe(true);
  });
});

describe('annotationOptions', () => {
  const annotations = annotationOptions(model.annotations);

  it('draws bands as boxes behind the data, with their labels', () => {
    expect(annotations['band-consensus-1']).toMatchObject({
      type: 'box',
      yMin: 8,
      yMax: 14,
      borderWidth: 0,
      drawTime: 'beforeDatasetsDraw',
      label: { display: true, content: 'Mild 8–13' },
    });
  });

  it('draws the remission and response lines on y, labelled', () => {
    expect(annotations['level-remission']).toMatchObject({
      type: 'line',
      scaleID: 'y',
      value: 7,
      label: { display: true, content: 'Remission: HAMD-17 ≤ 7' },
    });
    expect(annotations['level-response']).toMatchObject({ scaleID: 'y', value: 9 });
  });

  it('draws the index event solid and thick, the re-dose dashed', () => {
    expect(annotations['event-dose-1']).toMatchObject({
      type: 'line',
      scaleID: 'x',
      value: 0,
      borderWidth: 3,
      borderDash: [],
      label: { content: 'Index: dezocine 0.1 mg/kg IV', font: { weight: 'bold' } },
    });
    expect(annotations['event-dose-2']).toMatchObject({
      value: 21,
      borderWidth: 1.5,
      borderDash: [6, 4],
    });
  });
});
