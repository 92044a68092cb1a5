/**
 * Cohort charts on the week axis around day 0: every patient's course as the share of possible
 * improvement with each arm's mean and 95 % CI ("spaghetti"), and the response rate by week
 * per arm with Wilson 95 % CIs. Observed cases, unadjusted, no imputation.
 */
import type { ArmMeasure } from '../domain/cohort/cohort-summary';
import type { CohortView } from '../domain/cohort/cohort-view';
import { getScale } from '../domain/scales/registry';
import type { ScaleId } from '../domain/scale-types';
import { levelLine } from './annotations';
import type { ChartModel, LineSeries, SeriesPoint, TableRow } from './chart-types';
import {
  armLine,
  ciLine,
  COHORT_CAVEAT,
  MARKERS_UP_TO,
  num,
  patientLine,
  pct,
} from './cohort-lines';

export interface CohortChartInput {
  /** A CohortSummary or, on the page, the view the worker sends (cohort-view.ts). */
  readonly summary: CohortView;
  readonly scaleId: ScaleId;
}

const weekName = (week: number, halfWidth: number) =>
  week === 0 ? 'baseline' : `week ${week} (day ${week * 7} ± ${halfWidth})`;

function armRows(input: CohortChartInput): { index: number; name: string; row: ArmMeasure }[] {
  const { summary, scaleId } = input;
  return summary.arms.flatMap((arm, index) => {
    const row = summary.table.find((t) => t.armId === arm.id && t.measure.id === scaleId);
    return row ? [{ index, name: arm.name, row }] : [];
  });
}

const nText = (summary: CohortView, scaleId: ScaleId) =>
  summary.arms
    .map((a) => {
      const n = summary.series.filter((s) => s.armId === a.id && s.scaleId === scaleId).length;
      return `${a.name} n = ${n}`;
    })
    .join(', ');

function weekAxis(maxX: number, minX: number) {
  const max = Math.max(1, Math.ceil(maxX));
  return {
    mode: 'weeks' as const,
    title: 'Weeks since the index event (day 0)',
    min: Math.min(0, Math.floor(minX)),
    max,
    stepSize: max <= 16 ? 1 : undefined,
  };
}

/** The largest value (−Infinity for none) by a loop: spreading one point per patient and
 * visit into Math.max overflows the call stack for a large cohort. */
function largest(values: readonly number[]): number {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  return max;
}

export function buildCohortImprovement(input: CohortChartInput): ChartModel {
  const { summary, scaleId } = input;
  const half = summary.window.halfWidth;
  const scale = getScale(scaleId);
  const datasets: LineSeries[] = [];
  const rows: TableRow[] = [];
  const xs: number[] = [0];
  const ys: number[] = [0];
  for (const { index, name, row } of armRows(input)) {
    const patients = summary.series.filter((s) => s.armId === row.armId && s.scaleId === scaleId);
    const markers = patients.length <= MARKERS_UP_TO;
    patients.forEach((s, i) => {
      const data: SeriesPoint[] = [];
      for (const p of s.points) {
        if (p.improvementShare === null) continue;
        data.push({ x: p.day / 7, y: p.improvementShare });
        xs.push(p.day / 7);
        ys.push(p.improvementShare);
      }
      datasets.push(
        patientLine(
          `${row.armId}-p-${s.patientId}`,
          `${name}: each patient`,
          index,
          data,
          i === 0,
          markers,
        ),
      );
    });
    const mean: SeriesPoint[] = patients.length > 0 ? [{ x: 0, y: 0 }] : [];
    const lower: SeriesPoint[] = [];
    const upper: SeriesPoint[] = [];
    for (const cell of row.weeks) {
      const s = cell.improvementShare;
      if (cell.week === 0 || s === null || s.mean === null) continue;
      mean.push({ x: cell.week, y: s.mean });
      xs.push(cell.week);
      if (s.ci.ok) {
        lower.push({ x: cell.week, y: s.ci.value.lower });
        upper.push({ x: cell.week, y: s.ci.value.upper });
      }
      rows.push({
        key: `${row.armId}-${cell.week}`,
        kind: 'point',
        cells: [
          `${name}, ${weekName(cell.week, half)}`,
          String(s.n),
          `${num(s.mean)} %`,
          s.ci.ok ? `${num(s.ci.value.lower)} % to ${num(s.ci.value.upper)} %` : s.ci.reason,
        ],
      });
    }
    datasets.push(armLine(`${row.armId}-mean`, `${name}: mean`, index, mean));
    datasets.push(ciLine(`${row.armId}-lo`, `${name}: 95 % CI`, index, lower, true));
    datasets.push(ciLine(`${row.armId}-hi`, `${name}: 95 % CI (upper)`, index, upper, false));
  }
  const n = nText(summary, scaleId);
  return {
    title: `${scaleId}: every patient’s course and the arm mean (${n})`,
    summary: `${scaleId} improvement, as a share of the possible improvement since each patient’s baseline, for every patient by week since day 0, with each arm’s mean and 95 % CI (${n}). ${COHORT_CAVEAT}.`,
    datasets,
    xAxis: weekAxis(largest(xs), -largest(xs.map((x) => -x))),
    yAxis: {
      title: 'Improvement, % of possible',
      min: Math.min(-10, Math.floor(-largest(ys.map((y) => -y)) / 10) * 10),
      max: 100,
      stepSize: undefined,
      unit: '%',
    },
    annotations: [
      levelLine('reference', 0, 'Baseline (no change)', '15%'),
      ...(scale.response ? [levelLine('response', 50, '50 %: response threshold', '55%')] : []),
    ],
    conventions: [
      { name: 'Data', value: `${COHORT_CAVEAT}; ${n}` },
      {
        name: 'Axis',
        value:
          'share of the possible improvement since each patient’s own baseline (the percent reduction on symptom scales); patient lines at their visit days, the mean at each week window',
      },
      {
        name: 'Mean',
        value:
          'with its t-based 95 % CI (dotted; limits beyond the axis, as with n = 2, are cut off: see the table); no CI where n < 2',
      },
    ],
    legendTitle: `${COHORT_CAVEAT} · ${n}`,
    table: {
      caption: `${scaleId}: mean improvement by week, % of possible (${n})`,
      columns: ['Arm and week', 'n', 'Mean improvement', '95 % CI'],
      rows,
      notes: [`${COHORT_CAVEAT}.`, 'Every patient’s visits are in the long CSV export.'],
    },
  };
}

export function buildCohortResponse(input: CohortChartInput): ChartModel {
  const { summary, scaleId } = input;
  const half = summary.window.halfWidth;
  const datasets: LineSeries[] = [];
  const rows: TableRow[] = [];
  let maxWeek = 1;
  for (const { index, name, row } of armRows(input)) {
    const rate: SeriesPoint[] = [];
    const lower: SeriesPoint[] = [];
    const upper: SeriesPoint[] = [];
    for (const cell of row.weeks) {
      const r = cell.response;
      if (cell.week === 0 || r === null || r.p === null) continue;
      maxWeek = Math.max(maxWeek, cell.week);
      rate.push({ x: cell.week, y: r.p * 100 });
      if (r.ci.ok) {
        lower.push({ x: cell.week, y: r.ci.value.lower * 100 });
        upper.push({ x: cell.week, y: r.ci.value.upper * 100 });
      }
      rows.push({
        key: `${row.armId}-${cell.week}`,
        kind: 'point',
        cells: [
          `${name}, ${weekName(cell.week, half)}`,
          `${r.x}/${r.n}`,
          pct(r.p),
          r.ci.ok ? `${pct(r.ci.value.lower)} to ${pct(r.ci.value.upper)}` : r.ci.reason,
        ],
      });
    }
    datasets.push(armLine(`${row.armId}-rate`, `${name}: response rate`, index, rate));
    datasets.push(ciLine(`${row.armId}-lo`, `${name}: Wilson 95 % CI`, index, lower, true));
    datasets.push(
      ciLine(`${row.armId}-hi`, `${name}: Wilson 95 % CI (upper)`, index, upper, false),
    );
  }
  const n = nText(summary, scaleId);
  const rule =
    getScale(scaleId).kind === 'change' ? 'rating 1–2' : '≥ 50 % reduction from baseline';
  return {
    title: `${scaleId}: response rate by week (${n})`,
    summary: `${scaleId} response rate (${rule}) by week since day 0 per arm, with Wilson 95 % CIs (${n}). ${COHORT_CAVEAT}.`,
    datasets,
    xAxis: { ...weekAxis(maxWeek, 0), min: 0 },
    yAxis: { title: 'Responders, % of patients seen', min: 0, max: 100, stepSize: 20, unit: '%' },
    annotations: [],
    conventions: [
      { name: 'Data', value: `${COHORT_CAVEAT}; ${n}` },
      { name: 'Response', value: `${rule}; among patients with a visit in the week’s window` },
      { name: 'Interval', value: 'Wilson score 95 % CI (dotted)' },
    ],
    legendTitle: `${COHORT_CAVEAT} · ${n}`,
    table: {
      caption: `${scaleId}: response rate by week (${n})`,
      columns: ['Arm and week', 'Responders/seen', 'Rate', 'Wilson 95 % CI'],
      rows,
      notes: [`${COHORT_CAVEAT}.`],
    },
  };
}
