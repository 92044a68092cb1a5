/**
 * Chart.js data and options from a ChartModel. Kept cheap: the builders hand over data in
 * Chart.js's internal {x, y} format, sorted by x, so `parsing: false` and `normalized: true`
 * skip the parse and sort passes; animation is off in print and for large series.
 *
 * No decimation: every point is a real visit, and LTTB or min-max decimation would drop
 * visits from a clinical record. A course of even 200 visits draws in a few ms without it.
 */
import type { ChartData, ChartDataset, ChartOptions, TooltipItem } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import { formatNumber, formatSigned } from '../domain/format';
import type {
  AnnotationSpec,
  ChartModel,
  LineSeries,
  SeriesPoint,
  TimeAxisMode,
} from './chart-types';
import { INK } from './chart-style';
import { tickLabel } from './time-axis';

export interface RenderOptions {
  /** Fixed size, no animation, sharp (devicePixelRatio 2): for the print summary. */
  readonly print?: boolean | undefined;
  /** Set false when the user prefers reduced motion. */
  readonly animate?: boolean | undefined;
}

/** CSS px; fits an A4 or Letter page with 15 mm margins. */
export const PRINT_SIZE = { width: 680, height: 300, devicePixelRatio: 2 } as const;
export const SCREEN_HEIGHT = 320;
/** Above this many points in all, animation is switched off. */
export const LARGE_SERIES = 100;

export function toChartData(model: ChartModel): ChartData<'line', SeriesPoint[]> {
  return { datasets: model.datasets.map(toDataset) };
}

function toDataset(s: LineSeries): ChartDataset<'line', SeriesPoint[]> {
  return {
    label: s.label,
    data: s.data,
    borderColor: s.borderColor,
    backgroundColor: s.backgroundColor,
    borderWidth: s.borderWidth,
    borderDash: s.borderDash,
    showLine: s.showLine,
    spanGaps: s.spanGaps,
    pointStyle: s.pointStyle,
    pointRadius: s.pointRadius,
    pointHoverRadius: s.pointRadius,
    pointHitRadius: s.pointHitRadius,
    pointBackgroundColor: s.pointBackgroundColor,
    pointBorderColor: s.pointBorderColor,
    pointBorderWidth: s.pointBorderWidth,
    // 'before': level until the next time, then the drop (Chart.js names the step by the riser).
    stepped: s.stepped === true ? 'before' : false,
    fill: false,
  };
}

const LABEL_BACKGROUND = 'rgba(255, 255, 255, 0.85)';
const SMALL_FONT = { size: 10 };

/**
 * Axis titles are not wrapped by Chart.js and a long vertical title is cut off at the chart
 * edge, so they are broken into lines of about `width` characters, preferably after a comma
 * or before a parenthesis, else at spaces.
 */
export function wrapTitle(text: string, width = 28): string[] {
  const phrases = text.split(/(?<=,) | (?=\()/);
  const pieces = phrases.flatMap((p) => (p.length > width ? p.split(' ') : [p]));
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines[lines.length - 1];
    if (last !== undefined && last.length + 1 + piece.length <= width) {
      lines[lines.length - 1] = `${last} ${piece}`;
    } else {
      lines.push(piece);
    }
  }
  return lines;
}

function toAnnotation(spec: AnnotationSpec): AnnotationOptions {
  switch (spec.kind) {
    case 'band':
      return {
        type: 'box',
        id: spec.id,
        yMin: spec.yMin,
        yMax: spec.yMax,
        backgroundColor: spec.fill,
        borderWidth: 0,
        drawTime: 'beforeDatasetsDraw',
        label: {
          display: true,
          content: spec.label,
          position: { x: 'start', y: 'center' },
          color: '#4d4d4d',
          font: { size: 9 },
          padding: 1,
        },
      };
    case 'level':
      return {
        type: 'line',
        id: spec.id,
        scaleID: 'y',
        value: spec.y,
        borderColor: spec.color,
        borderWidth: spec.width,
        borderDash: [...spec.dash],
        drawTime: 'beforeDatasetsDraw',
        label: {
          display: true,
          content: spec.label,
          position: spec.labelAt,
          backgroundColor: LABEL_BACKGROUND,
          color: spec.color,
          font: SMALL_FONT,
          padding: 2,
        },
      };
    case 'event':
      return {
        type: 'line',
        id: spec.id,
        scaleID: 'x',
        value: spec.x,
        borderColor: spec.color,
        borderWidth: spec.width,
        borderDash: [...spec.dash],
        label: {
          display: true,
          content: spec.label,
          position: 'start',
          yAdjust: spec.labelOffset,
          backgroundColor: LABEL_BACKGROUND,
          color: spec.color,
          font: { size: 10, weight: spec.isIndex ? 'bold' : 'normal' },
          padding: 2,
        },
      };
  }
}

export function annotationOptions(
  specs: readonly AnnotationSpec[],
): Record<string, AnnotationOptions> {
  return Object.fromEntries(specs.map((spec) => [spec.id, toAnnotation(spec)]));
}

const pointCount = (model: ChartModel) => model.datasets.reduce((n, d) => n + d.data.length, 0);

function xScale(model: ChartModel): NonNullable<ChartOptions<'line'>['scales']>[string] {
  const { xAxis } = model;
  const common = {
    min: xAxis.min,
    max: xAxis.max,
    title: { display: true, text: xAxis.title, color: INK },
  };
  if (xAxis.mode === 'date') {
    return {
      ...common,
      type: 'time',
      time: {
        minUnit: 'day',
        tooltipFormat: 'yyyy-MM-dd',
        displayFormats: { day: 'd MMM', week: 'd MMM', month: 'MMM yyyy' },
      },
      ticks: { color: INK, maxRotation: 0, autoSkip: true, maxTicksLimit: 10 },
    };
  }
  const mode: TimeAxisMode = xAxis.mode;
  return {
    ...common,
    type: 'linear',
    ticks: {
      color: INK,
      includeBounds: false,
      maxRotation: 0,
      ...(xAxis.stepSize === undefined ? {} : { stepSize: xAxis.stepSize }),
      callback: (value) => tickLabel(Number(value), mode),
    },
  };
}

export function buildChartOptions(
  model: ChartModel,
  render: RenderOptions = {},
): ChartOptions<'line'> {
  const print = render.print === true;
  const animate = !print && render.animate !== false && pointCount(model) <= LARGE_SERIES;
  const { yAxis, xAxis } = model;
  return {
    parsing: false,
    normalized: true,
    animation: animate ? { duration: 250 } : false,
    responsive: !print,
    maintainAspectRatio: false,
    ...(print ? { devicePixelRatio: PRINT_SIZE.devicePixelRatio } : {}),
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    scales: {
      x: xScale(model),
      y: {
        type: 'linear',
        min: yAxis.min,
        max: yAxis.max,
        title: { display: true, text: wrapTitle(yAxis.title), color: INK },
        ticks: {
          color: INK,
          ...(yAxis.stepSize === undefined ? {} : { stepSize: yAxis.stepSize }),
          callback: (value) =>
            `${formatSigned(Number(value), 0).replace('+', '')}${yAxis.unit ? ' %' : ''}`,
        },
      },
    },
    plugins: {
      legend: {
        position: 'bottom',
        labels: {
          usePointStyle: true,
          color: INK,
          boxHeight: 8,
          filter: (item) => model.datasets[item.datasetIndex ?? -1]?.hideInLegend !== true,
        },
        title: { display: model.legendTitle !== '', text: model.legendTitle, color: INK },
      },
      tooltip: {
        callbacks: {
          title: (items: TooltipItem<'line'>[]) => {
            const x = items[0]?.parsed.x;
            if (x === undefined || x === null) return '';
            return tickLabel(x, xAxis.mode);
          },
          label: (item: TooltipItem<'line'>) => {
            const y = item.parsed.y;
            const text = y === null ? 'no value' : `${formatNumber(y)}${yAxis.unit ? ' %' : ''}`;
            return `${item.dataset.label ?? ''}: ${text}`;
          },
        },
      },
      annotation: { annotations: annotationOptions(model.annotations) },
    },
  };
}
