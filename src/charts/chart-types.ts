/**
 * The plain data every chart builder returns and every chart component draws. Nothing here
 * knows about React or the DOM; `options.ts` turns a ChartModel into Chart.js config.
 */
import type { ScaleDefinition } from '../domain/scale-types';
import type { Completeness } from '../domain/scoring';
import type { IsoDate } from '../domain/time';

export type { Completeness };

/** 'hours', 'days' or 'weeks' since the index event (else baseline), or the calendar 'date'. */
export type TimeAxisMode = 'hours' | 'days' | 'weeks' | 'date';

/** What the clinician chose: a mode, or 'auto' (hours for a short course, else weeks). */
export type TimeAxisChoice = TimeAxisMode | 'auto';

/** A treatment event drawn as a vertical marker: drug and dose in `label`. */
export interface TreatmentEvent {
  readonly id: string;
  readonly date: IsoDate;
  /** The time of day the dose was given ('HH:mm'), when recorded. */
  readonly time?: string | undefined;
  /** Drug and dose as the clinician wrote it, e.g. 'dezocine 0.1 mg/kg IV'. */
  readonly label: string;
  readonly isIndex: boolean;
}

/** How a point's total came about, keyed by course point id (missing = 'complete'). */
export interface PointMeta {
  readonly completeness: Completeness;
  readonly note?: string | undefined;
  /** The definition version that scored the point, when not the scale's current one. */
  readonly scoredWith?: ScaleDefinition | undefined;
}

export type PointMetaById = Readonly<Record<string, PointMeta | undefined>>;

/** Canvas point shapes used here (a subset of Chart.js PointStyle). */
export type MarkerShape =
  'circle' | 'triangle' | 'rectRot' | 'rect' | 'crossRot' | 'cross' | 'star';

/** y null is a gap in the line (spanGaps false), never a zero. */
export interface SeriesPoint {
  readonly x: number;
  readonly y: number | null;
}

/**
 * One line, already in Chart.js's internal {x, y} format so the chart can run with
 * `parsing: false`. Arrays are mutable because Chart.js patches the data array it is given.
 */
export interface LineSeries {
  readonly id: string;
  readonly label: string;
  data: SeriesPoint[];
  readonly borderColor: string;
  readonly backgroundColor: string;
  readonly borderWidth: number;
  borderDash: number[];
  readonly showLine: boolean;
  readonly spanGaps: false;
  readonly pointStyle: MarkerShape | readonly MarkerShape[];
  readonly pointRadius: number | readonly number[];
  readonly pointHitRadius: number | readonly number[];
  readonly pointBackgroundColor: string | readonly string[];
  readonly pointBorderColor: string;
  readonly pointBorderWidth: number;
  /** A key-only entry: explains a marker in the legend and draws nothing. */
  readonly legendOnly: boolean;
  /** Step line (Kaplan–Meier): horizontal to the next x, then vertical. Default false. */
  readonly stepped?: boolean | undefined;
  /** Drawn but not named in the legend (one line per patient on a cohort chart). */
  readonly hideInLegend?: boolean | undefined;
}

export interface XAxisSpec {
  readonly mode: TimeAxisMode;
  readonly title: string;
  readonly min: number;
  readonly max: number;
  /** Tick step in axis units (7 days, 1 week); undefined lets Chart.js choose. */
  readonly stepSize: number | undefined;
}

export interface YAxisSpec {
  readonly title: string;
  readonly min: number;
  readonly max: number;
  readonly stepSize: number | undefined;
  /** Appended to tick labels ('%' on percentage axes). */
  readonly unit: '' | '%';
}

/** A severity band shaded behind the line. */
export interface BandAnnotation {
  readonly kind: 'band';
  readonly id: string;
  readonly label: string;
  /** Published bounds, for the label ('Mild 8–13'). */
  readonly min: number;
  readonly max: number;
  /** Drawn extent: from this band's min to the next band's min, so prorated totals have a home. */
  readonly yMin: number;
  readonly yMax: number;
  readonly level: number;
  readonly fill: string;
}

/** A labelled horizontal line: remission cut-off, 50 % response line, reference line. */
export interface LevelLine {
  readonly kind: 'level';
  readonly id: string;
  readonly role: 'remission' | 'response' | 'reference';
  readonly y: number;
  readonly label: string;
  readonly color: string;
  readonly width: number;
  readonly dash: readonly number[];
  /** Where along the line the label sits, as a percentage of the chart width. */
  readonly labelAt: `${number}%`;
}

/** A treatment event as a vertical line; the index event is solid and thicker. */
export interface EventMarker {
  readonly kind: 'event';
  readonly id: string;
  readonly x: number;
  readonly date: IsoDate;
  readonly label: string;
  readonly isIndex: boolean;
  readonly color: string;
  readonly width: number;
  readonly dash: readonly number[];
  /** Vertical label offset in px, so labels of close re-doses do not overlap. */
  readonly labelOffset: number;
}

export type AnnotationSpec = BandAnnotation | LevelLine | EventMarker;

/** A rule the chart depends on, named in the legend ('Severity bands: Consensus (cnsforum)'). */
export interface Convention {
  readonly name: string;
  readonly value: string;
  readonly source?: string | undefined;
}

export interface TableRow {
  readonly key: string;
  readonly kind: 'point' | 'event';
  /** The first cell is the row header. */
  readonly cells: readonly string[];
}

/** The data-table alternative of a chart, for screen readers and for print. */
export interface DataTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly TableRow[];
  readonly notes: readonly string[];
}

export interface ChartModel {
  /** Shown in the figcaption. */
  readonly title: string;
  /** The accessible name of the canvas: what the chart shows, in one or two sentences. */
  readonly summary: string;
  readonly datasets: LineSeries[];
  readonly xAxis: XAxisSpec;
  readonly yAxis: YAxisSpec;
  readonly annotations: readonly AnnotationSpec[];
  readonly conventions: readonly Convention[];
  /** One short line for the Chart.js legend title (the full conventions go in the caption). */
  readonly legendTitle: string;
  readonly table: DataTable;
}
