/**
 * Registers only the Chart.js parts these charts use (not 'chart.js/auto', about 14 KB gzip
 * more). Line charts on linear or time x axes; bands and markers via the annotation plugin.
 * Not registered on purpose: Filler (bands are annotation boxes, lines are never filled),
 * CategoryScale (x is numeric), Title (the title is the HTML figcaption), Decimation (every
 * point is a visit and must be drawn).
 */
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  TimeScale,
  Tooltip,
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
// The date adapter for the 'date' time axis mode; it registers itself with Chart.js.
import 'chartjs-adapter-date-fns';
import { CHART_FONT_FAMILY } from './chart-style';

let registered = false;

/** Idempotent; every chart component calls it before drawing. */
export function registerCharts(): void {
  if (registered) return;
  Chart.register(
    LineController,
    LineElement,
    PointElement,
    LinearScale,
    TimeScale,
    Tooltip,
    Legend,
    annotationPlugin,
  );
  Chart.defaults.font.family = CHART_FONT_FAMILY;
  registered = true;
}
