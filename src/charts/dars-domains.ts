/**
 * DARS domains over time, each as a percentage of its own maximum (hobbies, food/drinks and
 * social 0–16, sensory 0–20), so domains of different length compare. Works for any scale
 * with subscales; DARS is the one the course view draws.
 */
import { formatPercent, formatTotal } from '../domain/format';
import { subscaleRange } from '../domain/ranges';
import type { ScaleDefinition } from '../domain/scale-types';
import type { IsoDate } from '../domain/time';
import { compareMoments, dateTimeText, type ClockTime } from '../domain/visit-time';
import { conventionNote } from './conventions';
import { eventMarkers, splitMarkers } from './annotations';
import type {
  ChartModel,
  Completeness,
  LineSeries,
  TableRow,
  TimeAxisMode,
  TreatmentEvent,
} from './chart-types';
import { seriesLook, styledSeries } from './chart-style';
import { axisTitle, timeOrigin, timeSinceText, xExtent, xValue, type TimeAxis } from './time-axis';

/** One visit's domain scores; the shape of Score.subscales from src/domain/scoring.ts fits. */
export interface DomainVisit {
  readonly id: string;
  readonly date: IsoDate;
  /** The visit's time of day, when recorded. */
  readonly time?: ClockTime | undefined;
  readonly subscales: readonly { readonly id: string; readonly score: number | null }[];
  readonly completeness?: Completeness | undefined;
}

export interface DarsDomainsInput {
  readonly scale: ScaleDefinition;
  /** Sorted by date and time. */
  readonly visits: readonly DomainVisit[];
  readonly events?: readonly TreatmentEvent[] | undefined;
  readonly timeAxis: TimeAxisMode;
  readonly indexDate: IsoDate | null;
}

const scoreOf = (visit: DomainVisit, id: string): number | null =>
  visit.subscales.find((s) => s.id === id)?.score ?? null;

export function buildDarsDomains(input: DarsDomainsInput): ChartModel {
  const { scale, visits } = input;
  const events = input.events ?? [];
  const origin = timeOrigin(input.indexDate, events, visits[0], visits[0]);
  const axis: TimeAxis = { mode: input.timeAxis, origin };
  const domains = scale.subscales.map((sub) => ({ sub, range: subscaleRange(scale, sub) }));
  const percent = (value: number | null, max: number) =>
    value === null || max === 0 ? null : (value / max) * 100;
  const hollow = visits.map((v) => v.completeness === 'summary' || v.completeness === 'prorated');

  const datasets: LineSeries[] = domains.map(({ sub, range }, i) => {
    const look = seriesLook(i);
    return styledSeries(
      `${scale.id}-${sub.id}`,
      `${sub.name} (0–${range.max})`,
      look,
      visits.map((v) => ({ x: xValue(v, axis), y: percent(scoreOf(v, sub.id), range.max) })),
      hollow,
    );
  });

  const pointXs = visits.map((v) => xValue(v, axis));
  const { shown: markers, note: earlierNote } = splitMarkers(
    eventMarkers(events, axis),
    pointXs,
    input.timeAxis,
  );
  const xs = [...pointXs, ...markers.map((m) => m.x)];
  const better =
    scale.direction === 'higher-is-better' ? 'higher = less anhedonia' : 'higher = worse';

  const pointRows = visits.map((v, i) => ({
    at: v,
    row: {
      key: `visit-${v.id}-${i}`,
      kind: 'point' as const,
      cells: [
        dateTimeText(v),
        timeSinceText(v, origin, axis.mode),
        ...domains.map(({ sub, range }) => {
          const score = scoreOf(v, sub.id);
          const share = percent(score, range.max);
          return score === null || share === null
            ? 'not recorded'
            : `${formatTotal(score)} / ${range.max} (${formatPercent(share)})`;
        }),
        v.completeness && v.completeness !== 'complete' ? v.completeness : '—',
      ],
    },
  }));
  const eventRows = events.map((e) => ({
    at: e,
    row: {
      key: `event-${e.id}`,
      kind: 'event' as const,
      cells: [
        dateTimeText(e),
        timeSinceText(e, origin, axis.mode),
        ...domains.map(() => '—'),
        e.isIndex ? `index event: ${e.label}` : `treatment: ${e.label}`,
      ],
    },
  }));
  const rows: TableRow[] = [...pointRows, ...eventRows]
    .sort((a, b) => compareMoments(a.at, b.at))
    .map((r) => r.row);

  const lastRated = [...visits].reverse().find((v) => v.subscales.some((s) => s.score !== null));
  const summary = lastRated
    ? `${scale.id} domains as a percentage of each domain's maximum (${better}), ${visits.length} visits; at the last (${timeSinceText(lastRated, origin, axis.mode)}): ` +
      domains
        .map(({ sub, range }) => {
          const share = percent(scoreOf(lastRated, sub.id), range.max);
          return `${sub.name} ${share === null ? 'not recorded' : formatPercent(share)}`;
        })
        .join(', ') +
      '. The data table lists every visit.'
    : `${scale.id} domains: no domain scores recorded yet.`;

  const conventions = [
    {
      name: 'Axis',
      value: `each domain's score as a percentage of its own maximum (${domains.map(({ sub, range }) => `${sub.name} ${range.max}`).join(', ')}); ${better}`,
    },
    { name: 'Bands and response', value: `none published for ${scale.id} domains` },
    ...(earlierNote ? [earlierNote] : []),
  ];

  return {
    title: `${scale.id} domains over time, % of each domain's maximum`,
    summary,
    datasets,
    xAxis: { mode: input.timeAxis, title: axisTitle(axis), ...xExtent(xs, input.timeAxis) },
    yAxis: {
      title: `Domain score, % of the domain's maximum (${better})`,
      min: 0,
      max: 100,
      stepSize: 25,
      unit: '%',
    },
    annotations: markers,
    conventions,
    legendTitle: `Each domain against its own maximum · ${better}`,
    table: {
      caption: `${scale.id} domain scores by visit, as points and as a percentage of each domain's maximum`,
      columns: [
        'Date and time',
        `Time since ${origin.kind}`,
        ...domains.map(({ sub, range }) => `${sub.name} (0–${range.max})`),
        'Marks',
      ],
      rows,
      notes: conventions.map(conventionNote),
    },
  };
}
