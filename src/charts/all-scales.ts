/**
 * "All scales on one axis": the share of the possible improvement achieved since baseline,
 * so that up is better on every scale, DARS included. On symptom scales this is exactly the
 * percent reduction; on DARS it is (x − b) / (max − b), because DARS starts near its floor
 * and a plain percent change (+205.88 %) would dwarf the others (dezocine-case.md).
 * The published per-scale figures are kept in the table.
 */
import type { Change } from '../domain/change';
import type { Course, CoursePoint } from '../domain/course';
import { formatPercent, formatSigned, formatTotal } from '../domain/format';
import type { ScaleDefinition } from '../domain/scale-types';
import type { IsoDate } from '../domain/time';
import { compareMoments, dateTimeText } from '../domain/visit-time';
import { conventionNote } from './conventions';
import { eventMarkers, splitMarkers, levelLine } from './annotations';
import type {
  ChartModel,
  Convention,
  LineSeries,
  PointMetaById,
  TableRow,
  TimeAxisMode,
  TreatmentEvent,
} from './chart-types';
import { PAPER, seriesLook, styledSeries } from './chart-style';
import { axisTitle, timeOrigin, timeSinceText, xExtent, xValue, type TimeAxis } from './time-axis';

export interface ScaleCourse {
  readonly scale: ScaleDefinition;
  readonly course: Course;
  readonly pointMeta?: PointMetaById | undefined;
}

export interface AllScalesInput {
  /** One entry per scale; change scales (CGI-I) and courses without a baseline are left out. */
  readonly courses: readonly ScaleCourse[];
  readonly events?: readonly TreatmentEvent[] | undefined;
  readonly timeAxis: TimeAxisMode;
  readonly indexDate: IsoDate | null;
}

export const ALL_SCALES_Y_TITLE = 'Improvement from baseline, % of possible (up = better)';

interface Plotted {
  readonly point: CoursePoint;
  readonly y: number | null;
}

/** Points from the baseline on: baseline at 0, later totals as their improvement share. */
function plotted(course: Course): Plotted[] {
  if (course.baselineIndex === null) return [];
  return course.points.slice(course.baselineIndex).map((point) => ({
    point,
    y: point.status === 'baseline' ? 0 : (point.change?.improvementShare ?? null),
  }));
}

const usable = (c: ScaleCourse) => c.scale.kind === 'severity' && plotted(c.course).length > 0;

/** The figure as the literature reports it: percent reduction, or percent change for DARS. */
export function publishedPercent(scale: ScaleDefinition, change: Change): string {
  if (scale.direction === 'higher-is-better') {
    return change.percentChange === null
      ? '—'
      : `${formatPercent(change.percentChange, { signed: true })} change`;
  }
  return change.percentImprovement === null
    ? '—'
    : `${formatPercent(change.percentImprovement)} reduction`;
}

function series(entry: ScaleCourse, index: number, axis: TimeAxis): LineSeries {
  const look = seriesLook(index);
  const points = plotted(entry.course);
  const hollow = points.map(({ point }) => {
    const c = entry.pointMeta?.[point.id]?.completeness ?? 'complete';
    return c === 'summary' || c === 'prorated';
  });
  return styledSeries(
    `${entry.scale.id}-share`,
    entry.scale.id,
    look,
    points.map(({ point, y }) => ({ x: xValue(point, axis), y })),
    hollow,
  );
}

function rows(entries: readonly ScaleCourse[], axis: TimeAxis): TableRow[] {
  return entries.flatMap(({ scale, course }) =>
    plotted(course).map(({ point, y }, i): TableRow => ({
      key: `${scale.id}-${point.id}-${i}`,
      kind: 'point',
      cells: [
        scale.id,
        dateTimeText(point),
        timeSinceText(point, axis.origin, axis.mode),
        point.total === null ? 'no total' : formatTotal(point.total),
        point.status === 'baseline'
          ? 'baseline'
          : point.change
            ? formatSigned(point.change.change)
            : '—',
        point.change ? publishedPercent(scale, point.change) : '—',
        y === null ? '—' : formatPercent(y),
      ],
    })),
  );
}

function summaryText(entries: readonly ScaleCourse[], axis: TimeAxis): string {
  const parts = entries.map(({ scale, course }) => {
    const later = plotted(course).filter(
      (p): p is Plotted & { y: number } => p.y !== null && p.point.status !== 'baseline',
    );
    const first = later[0];
    const last = later[later.length - 1];
    if (!first || !last) return `${scale.id}: no follow-up yet`;
    const at = (p: Plotted & { y: number }) =>
      `${formatPercent(p.y)} at ${timeSinceText(p.point, axis.origin, axis.mode)}`;
    return first === last
      ? `${scale.id} ${at(first)}`
      : `${scale.id} from ${at(first)} to ${at(last)}`;
  });
  return `${ALL_SCALES_Y_TITLE}, one line per scale: ${parts.join('; ')}. The data table lists every point.`;
}

export function buildAllScales(input: AllScalesInput): ChartModel {
  const entries = input.courses.filter(usable);
  const events = input.events ?? [];
  const firstBaseline = entries
    .map((e) =>
      e.course.baselineIndex === null ? undefined : e.course.points[e.course.baselineIndex],
    )
    .filter((p): p is CoursePoint => p !== undefined)
    .sort(compareMoments)[0];
  const origin = timeOrigin(input.indexDate, events, firstBaseline, firstBaseline);
  const axis: TimeAxis = { mode: input.timeAxis, origin };
  const datasets = entries.map((e, i) => series(e, i, axis));
  const pointXs = datasets.flatMap((d) => d.data.map((p) => p.x));
  const { shown: markers, note: earlierNote } = splitMarkers(
    eventMarkers(events, axis),
    pointXs,
    input.timeAxis,
  );
  const xs = [...pointXs, ...markers.map((m) => m.x)];
  const ys = datasets.flatMap((d) => d.data.map((p) => p.y)).filter((y): y is number => y !== null);
  const lowest = Math.min(0, ...ys);

  const withRule = entries
    .filter((e) => e.scale.response?.kind === 'percent-reduction')
    .map((e) => e.scale.id);
  const withoutRule = entries.filter((e) => e.scale.response === undefined).map((e) => e.scale.id);
  const responseText =
    `≥ 50 % reduction from baseline${withRule.length ? ` (${withRule.join(', ')})` : ''}` +
    (withoutRule.length ? `; no published criterion for ${withoutRule.join(', ')}` : '');
  const hasHollow = datasets.some(
    (d) => Array.isArray(d.pointBackgroundColor) && d.pointBackgroundColor.includes(PAPER),
  );
  const conventions: Convention[] = [
    {
      name: 'Axis',
      value:
        'share of the possible improvement achieved since baseline: the percent reduction on symptom scales, (x − baseline) / (maximum − baseline) on DARS',
      source: 'shared/reference/dezocine-case.md, "Putting all scales on one axis"',
    },
    { name: 'Response', value: responseText },
    ...(hasHollow ? [{ name: 'Markers', value: 'hollow = summary data or prorated total' }] : []),
    ...(earlierNote ? [earlierNote] : []),
  ];

  return {
    title: 'All scales on one axis: improvement from baseline',
    summary: summaryText(entries, axis),
    datasets,
    xAxis: { mode: input.timeAxis, title: axisTitle(axis), ...xExtent(xs, input.timeAxis) },
    yAxis: {
      title: ALL_SCALES_Y_TITLE,
      min: Math.min(-10, Math.floor(lowest / 10) * 10),
      max: 100,
      stepSize: undefined,
      unit: '%',
    },
    annotations: [
      levelLine('reference', 0, 'Baseline (no change)', '15%'),
      levelLine(
        'response',
        50,
        `50 %: response threshold (${withRule.join(', ') || 'no scale with a rule'})`,
        '55%',
      ),
      ...markers,
    ],
    conventions,
    legendTitle: `Up = better on every scale · 50 % line: response (${withRule.join(', ') || 'no scale with a rule'})`,
    table: {
      caption: 'Improvement from baseline on every scale, with the figures as published',
      columns: [
        'Scale',
        'Date and time',
        `Time since ${origin.kind}`,
        'Total',
        'Change (points)',
        'Percent reduction / change',
        'Improvement, % of possible',
      ],
      rows: rows(entries, axis),
      notes: conventions.map(conventionNote),
    },
  };
}
