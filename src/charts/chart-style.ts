/**
 * Colours, dashes and marker shapes. Every distinction that matters is carried twice, once
 * in colour and once in something that survives black-and-white print (lightness, dash,
 * marker shape), because charts are printed for the paper file (issue 6).
 */
import type { Completeness, LineSeries, MarkerShape, SeriesPoint } from './chart-types';

/**
 * The app's own font (self-hosted, declared in src/app/fonts.css): canvas text uses it too, so a
 * printed chart looks the same on every computer. Chart.js's default asks for Helvetica and
 * Arial, which many machines lack.
 */
export const CHART_FONT_FAMILY = "'Trajectory Sans', system-ui, sans-serif";

export const INK = '#1a1a1a';
export const MAIN_LINE = '#1d4e89';
export const PAPER = '#ffffff';

/**
 * Band fills by severity level: one warm hue with falling lightness, so the order of the
 * bands reads the same in colour and in grey. Levels beyond the table reuse the darkest.
 */
const BAND_LIGHTNESS = [98, 93, 88, 83, 78, 73] as const;
export const bandFill = (level: number): string => {
  const index = Math.max(0, Math.min(BAND_LIGHTNESS.length - 1, Math.round(level)));
  return `hsl(32, 45%, ${BAND_LIGHTNESS[index] ?? 73}%)`;
};

export const REMISSION_LINE = { color: '#1b7837', width: 1.5, dash: [2, 3] } as const;
export const RESPONSE_LINE = { color: '#762a83', width: 1.5, dash: [8, 4] } as const;
export const REFERENCE_LINE = { color: '#666666', width: 1, dash: [] } as const;
export const INDEX_EVENT = { color: INK, width: 3, dash: [] } as const;
export const DOSE_EVENT = { color: '#444444', width: 1.5, dash: [6, 4] } as const;

/** How a point is drawn and named by the way its total came about. */
export interface MarkStyle {
  readonly shape: MarkerShape;
  readonly hollow: boolean;
  readonly radius: number;
  /** Legend and table wording; '' for ordinary complete totals. */
  readonly text: string;
}

export const MARKS: Readonly<Record<Completeness, MarkStyle>> = {
  complete: { shape: 'circle', hollow: false, radius: 4, text: '' },
  prorated: {
    shape: 'triangle',
    hollow: true,
    radius: 6,
    text: 'Prorated total (a few missing items filled by the mean): hollow triangle',
  },
  summary: {
    shape: 'rectRot',
    hollow: true,
    radius: 6,
    text: 'Summary data (transcribed total, item scores unknown): hollow diamond',
  },
  incomplete: {
    shape: 'crossRot',
    hollow: true,
    radius: 6,
    text: 'Incomplete (too many items missing): no total',
  },
};

/** One look per series on multi-line charts: colour, dash and marker all differ. */
export interface SeriesLook {
  readonly color: string;
  readonly dash: readonly number[];
  readonly shape: MarkerShape;
}

const SERIES_LOOKS: readonly SeriesLook[] = [
  { color: '#1d4e89', dash: [], shape: 'circle' },
  { color: '#b2182b', dash: [8, 4], shape: 'triangle' },
  { color: '#1b7837', dash: [2, 3], shape: 'rect' },
  { color: '#e08214', dash: [10, 3, 2, 3], shape: 'rectRot' },
  { color: '#542788', dash: [4, 4], shape: 'star' },
  { color: '#4d4d4d', dash: [12, 6], shape: 'crossRot' },
];

export const seriesLook = (index: number): SeriesLook =>
  SERIES_LOOKS[index % SERIES_LOOKS.length] ?? { color: INK, dash: [], shape: 'circle' };

/**
 * One line of a multi-line chart (all scales, DARS domains): the series' colour, dash and
 * marker shape, with summary or prorated points drawn hollow.
 */
export function styledSeries(
  id: string,
  label: string,
  look: SeriesLook,
  data: SeriesPoint[],
  hollow: readonly boolean[],
): LineSeries {
  return {
    id,
    label,
    data,
    borderColor: look.color,
    backgroundColor: look.color,
    borderWidth: 2,
    borderDash: [...look.dash],
    showLine: true,
    spanGaps: false,
    pointStyle: look.shape,
    pointRadius: 5,
    pointHitRadius: 8,
    pointBackgroundColor: hollow.map((h) => (h ? PAPER : look.color)),
    pointBorderColor: look.color,
    pointBorderWidth: 2,
    legendOnly: false,
  };
}
