/**
 * Per-scale trajectory: the total over time with the severity bands behind it, the
 * remission cut-off and the 50 % response line, and the treatment events (issue 5).
 */
import { STATUS_LABEL } from '../domain/course-table';
import type { Course, CoursePoint } from '../domain/course';
import { formatNumber, formatTotal } from '../domain/format';
import { remissionRule } from '../domain/outcomes';
import { totalRange } from '../domain/ranges';
import type { RemissionRule, ScaleDefinition } from '../domain/scale-types';
import { bandConvention, severityOf } from '../domain/severity';
import type { IsoDate } from '../domain/time';
import { compareMoments, dateTimeText } from '../domain/visit-time';
import { conventionNote, conventionText } from './conventions';
import { bandAnnotations, eventMarkers, levelLine, splitMarkers } from './annotations';
import type {
  AnnotationSpec,
  ChartModel,
  Completeness,
  Convention,
  LineSeries,
  PointMetaById,
  TableRow,
  TimeAxisMode,
  TreatmentEvent,
} from './chart-types';
import { MAIN_LINE, MARKS, PAPER } from './chart-style';
import { axisTitle, timeOrigin, timeSinceText, xExtent, xValue, type TimeAxis } from './time-axis';

export interface TrajectoryInput {
  readonly scale: ScaleDefinition;
  /** analyseCourse output for this scale. */
  readonly course: Course;
  /** Completeness by course point id; a point without meta is 'complete'. */
  readonly pointMeta?: PointMetaById | undefined;
  readonly events?: readonly TreatmentEvent[] | undefined;
  /** Default: the scale's first convention. */
  readonly bandConventionId?: string | undefined;
  /** Default: the rule the course was analysed with (course.rules.remission). */
  readonly remissionRuleId?: string | undefined;
  readonly timeAxis: TimeAxisMode;
  readonly indexDate: IsoDate | null;
}

const completenessOf = (meta: PointMetaById | undefined, p: CoursePoint): Completeness =>
  meta?.[p.id]?.completeness ?? 'complete';

function pickRemission(input: TrajectoryInput): RemissionRule | null {
  if (input.remissionRuleId === undefined) return input.course.rules.remission;
  const rule = remissionRule(input.scale, input.remissionRuleId);
  return rule.ok ? rule.value : null;
}

function mainSeries(input: TrajectoryInput, axis: TimeAxis): LineSeries[] {
  const { scale, course, pointMeta } = input;
  const marks = course.points.map((p) => MARKS[completenessOf(pointMeta, p)]);
  const main: LineSeries = {
    id: `${scale.id}-total`,
    label: `${scale.id} total`,
    data: course.points.map((p) => ({ x: xValue(p, axis), y: p.total })),
    borderColor: MAIN_LINE,
    backgroundColor: MAIN_LINE,
    borderWidth: 2,
    borderDash: [],
    showLine: true,
    spanGaps: false,
    pointStyle: marks.map((m) => m.shape),
    pointRadius: marks.map((m) => m.radius),
    pointHitRadius: 8,
    pointBackgroundColor: marks.map((m) => (m.hollow ? PAPER : MAIN_LINE)),
    pointBorderColor: MAIN_LINE,
    pointBorderWidth: 2,
    legendOnly: false,
  };
  // Key-only entries explain the special markers in the legend without drawing twice.
  const used = new Set(course.points.map((p) => completenessOf(pointMeta, p)));
  const keys = (['summary', 'prorated'] as const)
    .filter((c) => used.has(c))
    .map((c): LineSeries => ({
      ...main,
      id: `${scale.id}-key-${c}`,
      label: MARKS[c].text,
      data: [],
      showLine: false,
      pointStyle: MARKS[c].shape,
      pointRadius: MARKS[c].radius,
      pointBackgroundColor: PAPER,
      legendOnly: true,
    }));
  return [main, ...keys];
}

function conventionsOf(input: TrajectoryInput, remission: RemissionRule | null): Convention[] {
  const { scale, course } = input;
  const bands = bandConvention(scale, input.bandConventionId);
  const relapse = course.rules.relapse;
  const response = scale.response;
  return [
    bands.ok
      ? { name: 'Severity bands', value: bands.value.name, source: bands.value.source }
      : { name: 'Severity bands', value: 'none published' },
    remission
      ? { name: 'Remission', value: remission.label, source: remission.source }
      : { name: 'Remission', value: 'no published cut-off' },
    response
      ? { name: 'Response', value: response.label, source: response.source }
      : { name: 'Response', value: 'no published criterion' },
    relapse
      ? { name: 'Relapse', value: relapse.label, source: relapse.source }
      : { name: 'Relapse', value: 'no relapse rule' },
  ];
}

function levelLines(input: TrajectoryInput, remission: RemissionRule | null): AnnotationSpec[] {
  const { scale, course } = input;
  const lines: AnnotationSpec[] = [];
  if (remission) {
    lines.push(levelLine('remission', remission.cutoff, `Remission: ${remission.label}`, '30%'));
  }
  const rule = scale.response;
  const baseline =
    course.baselineIndex === null ? null : course.points[course.baselineIndex]?.total;
  if (rule?.kind === 'percent-reduction' && scale.direction === 'higher-is-worse' && baseline) {
    const y = baseline * (1 - rule.percent / 100);
    const text = `${rule.percent} % response: ≤ ${formatNumber(y)} (baseline ${formatTotal(baseline)})`;
    lines.push(levelLine('response', y, text, '65%'));
  } else if (rule?.kind === 'max-value') {
    lines.push(levelLine('response', rule.maxValue, `Response: ${rule.label}`, '65%'));
  }
  return lines;
}

function tableRows(input: TrajectoryInput, axis: TimeAxis): TableRow[] {
  const { scale, course, pointMeta } = input;
  const points = course.points.map((p, i) => {
    const completeness = completenessOf(pointMeta, p);
    // A point scored by an earlier definition keeps that version's bands, and says so.
    const older = pointMeta?.[p.id]?.scoredWith;
    const own = older ?? scale;
    const convention = own.bandConventions.some((c) => c.id === input.bandConventionId)
      ? input.bandConventionId
      : undefined;
    const severity = p.total === null ? null : severityOf(own, p.total, convention);
    const marks = [
      completeness === 'complete' ? '' : completeness,
      pointMeta?.[p.id]?.note ?? '',
      older ? `scored with ${older.version}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const row: TableRow = {
      key: `point-${p.id}-${i}`,
      kind: 'point',
      cells: [
        dateTimeText(p),
        timeSinceText(p, axis.origin, axis.mode),
        p.total === null ? 'no total' : formatTotal(p.total),
        severity?.ok ? severity.value.band.label : '—',
        STATUS_LABEL[p.status],
        marks || '—',
      ],
    };
    return { at: p, row };
  });
  const events = (input.events ?? []).map((e) => ({
    at: e,
    row: {
      key: `event-${e.id}`,
      kind: 'event' as const,
      cells: [
        dateTimeText(e),
        timeSinceText(e, axis.origin, axis.mode),
        '—',
        '—',
        e.isIndex ? `index event: ${e.label}` : `treatment: ${e.label}`,
        '—',
      ],
    },
  }));
  // Stable sort: at a shared moment the visit row stays before the event row.
  return [...points, ...events].sort((a, b) => compareMoments(a.at, b.at)).map((r) => r.row);
}

function summaryText(input: TrajectoryInput, axis: TimeAxis): string {
  const { scale, course } = input;
  const rated = course.points.filter((p): p is CoursePoint & { total: number } => p.total !== null);
  const first = rated[0];
  const last = rated[rated.length - 1];
  if (!first || !last) return `${scale.id} total over time: no totals recorded yet.`;
  const higherBetter = scale.direction === 'higher-is-better';
  const best = rated.reduce((acc, p) =>
    (higherBetter ? p.total > acc.total : p.total < acc.total) ? p : acc,
  );
  const at = (p: CoursePoint & { total: number }) =>
    `${formatTotal(p.total)} at ${timeSinceText(p, axis.origin, axis.mode)} (${dateTimeText(p)})`;
  return (
    `${scale.id} total over time, ${rated.length} rated visits (${higherBetter ? 'higher is better' : 'higher is worse'}): ` +
    `first ${at(first)}, ${higherBetter ? 'highest' : 'lowest'} ${at(best)}, last ${at(last)}, ` +
    `status at the last visit: ${STATUS_LABEL[last.status]}. The data table lists every point.`
  );
}

export function buildTrajectory(input: TrajectoryInput): ChartModel {
  const { scale, course } = input;
  const events = input.events ?? [];
  const baseline = course.baselineIndex === null ? undefined : course.points[course.baselineIndex];
  const origin = timeOrigin(input.indexDate, events, baseline, course.points[0]);
  const axis: TimeAxis = { mode: input.timeAxis, origin };
  const range = totalRange(scale);
  const remission = pickRemission(input);
  const bands = bandConvention(scale, input.bandConventionId);
  const pointXs = course.points.map((p) => xValue(p, axis));
  const { shown: markers, note: earlierNote } = splitMarkers(
    eventMarkers(events, axis),
    pointXs,
    input.timeAxis,
  );
  const datasets = mainSeries(input, axis);
  const xs = [...pointXs, ...markers.map((m) => m.x)];
  const extent = xExtent(xs, input.timeAxis);
  const direction = scale.direction === 'higher-is-better' ? 'higher = better' : 'higher = worse';
  const conventions = [...conventionsOf(input, remission), ...(earlierNote ? [earlierNote] : [])];

  return {
    title: `${scale.name} (${scale.id}): total over time`,
    summary: summaryText(input, axis),
    datasets,
    xAxis: { mode: input.timeAxis, title: axisTitle(axis), ...extent },
    yAxis: {
      title: `${scale.id} total, ${range.min}–${range.max} (${direction})`,
      min: range.min,
      max: range.max,
      stepSize: undefined,
      unit: '',
    },
    annotations: [
      ...(bands.ok ? bandAnnotations(bands.value, range) : []),
      ...levelLines(input, remission),
      ...markers,
    ],
    conventions,
    legendTitle: conventions
      .filter((c) => c.name !== 'Response' && c !== earlierNote)
      .map(conventionText)
      .join(' · '),
    table: {
      caption: `${scale.id} totals by visit, with time since the ${origin.kind} and course status`,
      columns: [
        'Date and time',
        `Time since ${origin.kind}`,
        'Total',
        'Severity',
        'Status',
        'Marks',
      ],
      rows: tableRows(input, axis),
      notes: conventions.map(conventionNote),
    },
  };
}
