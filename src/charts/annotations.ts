/** Annotation specs shared by the chart builders: severity bands, level lines, dose markers. */
import type { Range } from '../domain/ranges';
import type { BandConvention } from '../domain/scale-types';
import type {
  BandAnnotation,
  Convention,
  EventMarker,
  LevelLine,
  TimeAxisMode,
  TreatmentEvent,
} from './chart-types';
import {
  bandFill,
  DOSE_EVENT,
  INDEX_EVENT,
  REFERENCE_LINE,
  REMISSION_LINE,
  RESPONSE_LINE,
} from './chart-style';
import { unitsPerDay, xValue, type TimeAxis } from './time-axis';
import { compareMoments } from '../domain/visit-time';

/**
 * One box per band. Bands are closed below and run up to the next band's min (as
 * severityOf reads them), so a prorated 7.6 on HAMD-17 is drawn inside 'None' as it is
 * classed; the label keeps the published bounds ('Mild 8–13').
 */
export function bandAnnotations(convention: BandConvention, range: Range): BandAnnotation[] {
  const bands = [...convention.bands].sort((a, b) => a.min - b.min);
  return bands.map((band, i) => {
    const next = bands[i + 1];
    return {
      kind: 'band',
      id: `band-${convention.id}-${i}`,
      label: `${band.label} ${band.min}–${band.max}`,
      min: band.min,
      max: band.max,
      yMin: Math.max(range.min, band.min),
      yMax: next ? next.min : range.max,
      level: band.level,
      fill: bandFill(band.level),
    };
  });
}

const LINE_STYLE = {
  remission: REMISSION_LINE,
  response: RESPONSE_LINE,
  reference: REFERENCE_LINE,
} as const;

export function levelLine(
  role: LevelLine['role'],
  y: number,
  label: string,
  labelAt: LevelLine['labelAt'],
): LevelLine {
  const style = LINE_STYLE[role];
  return {
    kind: 'level',
    id: `level-${role}`,
    role,
    y,
    label,
    color: style.color,
    width: style.width,
    dash: style.dash,
    labelAt,
  };
}

/**
 * Every treatment event, re-doses included, in date order. The index event is solid and
 * thicker; labels step down so that weekly re-doses do not print on top of each other.
 */
export function eventMarkers(events: readonly TreatmentEvent[], axis: TimeAxis): EventMarker[] {
  return [...events].sort(compareMoments).map((event, i) => {
    const style = event.isIndex ? INDEX_EVENT : DOSE_EVENT;
    return {
      kind: 'event',
      id: `event-${event.id}`,
      x: xValue(event, axis),
      date: event.date,
      label: event.isIndex ? `Index: ${event.label}` : event.label,
      isIndex: event.isIndex,
      color: style.color,
      width: style.width,
      dash: style.dash,
      labelOffset: (i % 3) * 18,
    };
  });
}

/** How far before the first visit an event is still drawn: two weeks, in axis units. */
const LEAD_DAYS = 14;

/**
 * Markers within the visits' span (from two weeks before the first visit on) are drawn;
 * earlier ones, such as a medication started months before baseline, would squash the
 * course into a corner, so they are named in a note instead.
 */
export function splitMarkers(
  markers: readonly EventMarker[],
  pointXs: readonly number[],
  mode: TimeAxisMode,
): { shown: EventMarker[]; earlier: EventMarker[]; note: Convention | null } {
  if (!pointXs.length) return { shown: [...markers], earlier: [], note: null };
  const unit = unitsPerDay(mode);
  const from = Math.min(...pointXs) - LEAD_DAYS * unit;
  const shown = markers.filter((m) => m.x >= from);
  const earlier = markers.filter((m) => m.x < from);
  return {
    shown,
    earlier,
    note: earlier.length
      ? {
          name: 'Earlier events (not drawn)',
          value: earlier.map((m) => `${m.label} (${m.date})`).join('; '),
        }
      : null,
  };
}
