/**
 * Line pieces shared by the cohort charts: an arm's main line, its 95 % CI limits, one thin
 * line per patient. Arms keep the look of the multi-line charts (colour, dash and marker).
 */
import type { LineSeries, SeriesPoint } from './chart-types';
import { PAPER, seriesLook } from './chart-style';

export const COHORT_CAVEAT = 'Observed cases, unadjusted, no imputation';

const base = {
  backgroundColor: PAPER,
  showLine: true,
  spanGaps: false,
  pointBorderWidth: 1.5,
  legendOnly: false,
} as const;

/** The arm's mean or rate: its colour, dash and marker. */
export function armLine(
  id: string,
  label: string,
  armIndex: number,
  data: SeriesPoint[],
  stepped = false,
): LineSeries {
  const look = seriesLook(armIndex);
  return {
    ...base,
    id,
    label,
    data,
    borderColor: look.color,
    backgroundColor: look.color,
    borderWidth: 2.5,
    borderDash: [...look.dash],
    pointStyle: look.shape,
    pointRadius: stepped ? 0 : 4,
    pointHitRadius: 8,
    pointBackgroundColor: look.color,
    pointBorderColor: look.color,
    stepped,
  };
}

/** A lower or upper 95 % limit: thin, dotted, no markers; only the lower one is in the legend. */
export function ciLine(
  id: string,
  label: string,
  armIndex: number,
  data: SeriesPoint[],
  inLegend: boolean,
  stepped = false,
): LineSeries {
  const look = seriesLook(armIndex);
  return {
    ...base,
    id,
    label,
    data,
    borderColor: look.color,
    borderWidth: 1,
    borderDash: [2, 3],
    pointStyle: 'circle',
    pointRadius: 0,
    pointHitRadius: 4,
    pointBackgroundColor: look.color,
    pointBorderColor: look.color,
    stepped,
    hideInLegend: !inLegend,
  };
}

/**
 * Above this many patients in an arm, patient lines are drawn without their point markers:
 * a thousand lines of 27 dots are a blur that costs tens of thousands of canvas arcs, and the
 * values are in the tables and the long CSV.
 */
export const MARKERS_UP_TO = 50;

/** One patient: a thin, pale line in the arm's colour; the first of an arm names them all. */
export function patientLine(
  id: string,
  label: string,
  armIndex: number,
  data: SeriesPoint[],
  inLegend: boolean,
  markers = true,
): LineSeries {
  const look = seriesLook(armIndex);
  const pale = `${look.color}66`;
  return {
    ...base,
    id,
    label,
    data,
    borderColor: pale,
    borderWidth: 1,
    borderDash: [],
    pointStyle: 'circle',
    pointRadius: markers ? 2 : 0,
    pointHitRadius: markers ? 3 : 0,
    pointBackgroundColor: pale,
    pointBorderColor: pale,
    hideInLegend: !inLegend,
  };
}

/** Censored observations as '+' marks on the curve, no line. */
export function censorMarks(id: string, label: string, armIndex: number, data: SeriesPoint[]) {
  const look = seriesLook(armIndex);
  return {
    ...base,
    id,
    label,
    data,
    borderColor: look.color,
    borderWidth: 1.5,
    borderDash: [],
    showLine: false,
    pointStyle: 'cross',
    pointRadius: 6,
    pointHitRadius: 6,
    pointBackgroundColor: look.color,
    pointBorderColor: look.color,
  } satisfies LineSeries;
}

export const pct = (v: number): string => `${(v * 100).toFixed(1)} %`;
/** One decimal, with a true minus sign as elsewhere in the app. */
export const num = (v: number): string => (Math.round(v * 10) / 10).toFixed(1).replace('-', '−');
