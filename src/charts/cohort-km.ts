/**
 * Kaplan–Meier curves per arm for one scale and one event (response, remission, relapse after
 * response): step lines of the proportion still without the event, '+' at censored times,
 * pointwise 95 % CI (log, as R's survfit) as dotted steps. Observed cases, no imputation.
 */
import type { CohortView } from '../domain/cohort/cohort-view';
import {
  TIME_TO_EVENT_LABEL,
  timeToEvent,
  type TimeToEventKind,
} from '../domain/cohort/time-to-event';
import type { ScaleId } from '../domain/scale-types';
import type { ChartModel, LineSeries, SeriesPoint, TableRow } from './chart-types';
import { armLine, censorMarks, ciLine, COHORT_CAVEAT, pct } from './cohort-lines';

export interface KmChartInput {
  readonly summary: CohortView;
  readonly scaleId: ScaleId;
  readonly kind: TimeToEventKind;
}

const WITHOUT: Record<TimeToEventKind, string> = {
  response: 'Without response',
  remission: 'Without remission',
  relapse: 'Without relapse',
};

export function buildKaplanMeier(input: KmChartInput): ChartModel {
  const { summary, scaleId, kind } = input;
  const estimates = timeToEvent(summary.arms, summary.series, scaleId, kind);
  const datasets: LineSeries[] = [];
  const rows: TableRow[] = [];
  let maxTime = 7;
  estimates.forEach(({ armId, estimate: km }, index) => {
    const name = summary.arms[index]?.name ?? armId;
    const curve: SeriesPoint[] = [{ x: 0, y: 100 }];
    const lower: SeriesPoint[] = [{ x: 0, y: 100 }];
    const upper: SeriesPoint[] = [{ x: 0, y: 100 }];
    const censored: SeriesPoint[] = [];
    for (const step of km.steps) {
      maxTime = Math.max(maxTime, step.time);
      curve.push({ x: step.time, y: step.survival * 100 });
      if (step.ci) {
        lower.push({ x: step.time, y: step.ci.lower * 100 });
        upper.push({ x: step.time, y: step.ci.upper * 100 });
      }
      if (step.censored > 0) censored.push({ x: step.time, y: step.survival * 100 });
      rows.push({
        key: `${armId}-${step.time}`,
        kind: 'point',
        cells: [
          `${name}, day ${step.time}`,
          String(step.atRisk),
          String(step.events),
          String(step.censored),
          pct(step.survival),
          step.ci ? `${pct(step.ci.lower)} to ${pct(step.ci.upper)}` : 'not estimable',
        ],
      });
    }
    const label = `${name} (n = ${km.n}, ${km.events} event${km.events === 1 ? '' : 's'})`;
    datasets.push(armLine(`${armId}-km`, label, index, curve, true));
    datasets.push(ciLine(`${armId}-lo`, `${name}: 95 % CI`, index, lower, true, true));
    datasets.push(ciLine(`${armId}-hi`, `${name}: 95 % CI (upper)`, index, upper, false, true));
    datasets.push(censorMarks(`${armId}-cens`, `${name}: censored (+)`, index, censored));
  });
  const n = estimates
    .map((e, i) => `${summary.arms[i]?.name ?? e.armId} n = ${e.estimate.n}`)
    .join(', ');
  const what = TIME_TO_EVENT_LABEL[kind];
  const origin = kind === 'relapse' ? 'Days since first response' : 'Days since the index event';
  return {
    title: `${scaleId}: ${what}, Kaplan–Meier (${n})`,
    summary: `${scaleId} Kaplan–Meier curves per arm: the percentage still ${WITHOUT[kind].toLowerCase()} by day, censored patients marked with a plus (${n}). ${COHORT_CAVEAT}.`,
    datasets,
    xAxis: {
      mode: 'days',
      title: origin,
      min: 0,
      max: Math.ceil(maxTime / 7) * 7,
      stepSize: maxTime <= 112 ? 7 : undefined,
    },
    yAxis: { title: `${WITHOUT[kind]}, %`, min: 0, max: 100, stepSize: 20, unit: '%' },
    annotations: [],
    conventions: [
      { name: 'Data', value: `${COHORT_CAVEAT}; ${n}` },
      {
        name: 'Censoring',
        value: 'at each patient’s last rated visit of the scale (+ on the curve)',
      },
      { name: 'Interval', value: 'Greenwood, log-transformed pointwise 95 % CI (dotted)' },
    ],
    legendTitle: `${COHORT_CAVEAT} · ${n}`,
    table: {
      caption: `${scaleId}: ${what}, Kaplan–Meier (${n})`,
      columns: ['Arm and day', 'At risk', 'Events', 'Censored', WITHOUT[kind], '95 % CI'],
      rows,
      notes: [`${COHORT_CAVEAT}.`],
    },
  };
}
