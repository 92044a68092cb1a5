import type { CourseStatus } from './course';
import { formatPercent, formatSigned, formatTotal } from './format';
import type { ScaleCourse } from './patient-course';
import { scoredItems, totalRange } from './ranges';
import { severityOf } from './severity';
import type { IsoDate } from './time';
import { asMoment, sinceIndexText, type Moment } from './visit-time';

export interface TableColumn {
  readonly visitId: string;
  readonly date: IsoDate;
  /** The visit's time of day, when recorded ('HH:mm'). */
  readonly time?: string;
  /** "1 wk", "−6 d", "+2 h", "day 0, 08:00": time since the index event, or null without one. */
  readonly sinceIndex: string | null;
  readonly isBaseline: boolean;
}

export interface TableCell {
  readonly text: string;
  readonly status?: CourseStatus;
  /** 'summary' for transcribed data, 'prorated' for a PHQ-9 total with filled items. */
  readonly mark?: 'summary' | 'prorated';
}

export interface TableRow {
  readonly key: string;
  readonly scaleId: string;
  readonly label: string;
  readonly kind:
    | 'total'
    | 'version'
    | 'change'
    | 'percent'
    | 'band'
    | 'status'
    | 'reliable'
    | 'subscale'
    | 'item'
    | 'note';
  readonly cells: readonly TableCell[];
}

export const STATUS_LABEL: Record<CourseStatus, string> = {
  'before-baseline': 'before baseline',
  baseline: 'baseline',
  'no-response': 'no response',
  response: 'response',
  remission: 'remission',
  'response-lost': 'response lost',
  relapse: 'relapse',
  rated: 'rated (no response rule)',
  'no-total': 'no total',
};

const EMPTY: TableCell = { text: '—' };

/**
 * The course table: per scale its total, change, percent (reduction on symptom scales,
 * increase on DARS), band, status and reliable change; then subscales and the flagged
 * single items (anhedonia, safety) that were recorded; last, the adverse events and note of
 * each visit (`notes`: the visit's line, '' for none) when any visit has one. One column per
 * visit.
 */
export function buildCourseTable(
  courses: readonly ScaleCourse[],
  /** The index event's date, or its date and time. */
  index: IsoDate | Moment | null,
  bandConvention: (scaleId: string) => string | undefined = () => undefined,
  notes: (visitId: string) => string = () => '',
): { columns: TableColumn[]; rows: TableRow[] } {
  const first = courses[0];
  const points = first?.course.points ?? [];
  const baselineIds = new Set(
    courses.flatMap((c) =>
      c.course.baselineIndex === null ? [] : [c.course.points[c.course.baselineIndex]?.id ?? ''],
    ),
  );
  const columns: TableColumn[] = points.map((p) => ({
    visitId: p.id,
    date: p.date,
    ...(p.time ? { time: p.time } : {}),
    sinceIndex: index ? sinceIndexText(p, asMoment(index)) : null,
    isBaseline: baselineIds.has(p.id),
  }));
  const rows: TableRow[] = [];
  for (const { scale, course, scores, scoredWith } of courses) {
    const row = (kind: TableRow['kind'], label: string, cells: TableCell[], key: string = kind) =>
      rows.push({ key: `${scale.id}:${key}`, scaleId: scale.id, label, kind, cells });
    const better = scale.direction === 'higher-is-better';
    row(
      'total',
      `${scale.id} total${better ? ' (higher = better)' : ''}`,
      course.points.map((p) => {
        const score = scores.get(p.id);
        if (p.total === null) return score ? { text: 'incomplete' } : EMPTY;
        const mark =
          score?.completeness === 'summary' || score?.completeness === 'prorated'
            ? score.completeness
            : undefined;
        return { text: formatTotal(p.total), ...(mark ? { mark } : {}) };
      }),
    );
    // Which definition scored each point, shown once any point was scored by an earlier one.
    if ([...scoredWith.values()].some((d) => d !== scale))
      row(
        'version',
        'Scored with definition',
        course.points.map((p) => {
          const d = scoredWith.get(p.id);
          return d ? { text: d.version } : EMPTY;
        }),
      );
    if (scale.kind === 'change') {
      // CGI-I rates change itself: its own rule judges each rating, no baseline arithmetic.
      row(
        'status',
        'Status',
        course.points.map((p) =>
          p.status === 'response' || p.status === 'no-response'
            ? { text: STATUS_LABEL[p.status], status: p.status }
            : EMPTY,
        ),
      );
      continue;
    }
    row(
      'change',
      'Change from baseline (points)',
      course.points.map((p) => (p.change ? { text: formatSigned(p.change.change) } : EMPTY)),
    );
    // A percent of the baseline means something only on a scale that starts at 0
    // (HAMD-17, MADRS, PHQ-9, DARS); CGI-S starts at 1.
    if (totalRange(scale).min === 0)
      row(
        'percent',
        better ? '% change from baseline (increase = better)' : '% reduction from baseline',
        course.points.map((p) => {
          if (!p.change) return EMPTY;
          const value = better ? p.change.percentChange : p.change.percentImprovement;
          return value === null
            ? { text: 'n/a' }
            : { text: formatPercent(value, { signed: better }) };
        }),
      );
    if (scale.bandConventions.length) {
      row(
        'band',
        'Severity',
        course.points.map((p) => {
          if (p.total === null) return EMPTY;
          // Each point keeps the bands of the definition that scored it; a convention that
          // version lacks falls back to its default.
          const d = scoredWith.get(p.id) ?? scale;
          const chosen = bandConvention(scale.id);
          const known = d.bandConventions.some((c) => c.id === chosen);
          const s = severityOf(d, p.total, known ? chosen : undefined);
          return s.ok ? { text: s.value.band.label } : EMPTY;
        }),
      );
    }
    if (scale.response || scale.remission.length) {
      row(
        'status',
        'Status',
        // A gap or a scale without a rule has no status in the table: a dash, not words.
        course.points.map((p) =>
          p.status === 'rated' || p.status === 'no-total'
            ? EMPTY
            : { text: STATUS_LABEL[p.status], status: p.status },
        ),
      );
    }
    if (scale.reliableChange) {
      row(
        'reliable',
        'Reliable change',
        course.points.map((p) => (p.reliable ? { text: p.reliable.verdict } : EMPTY)),
      );
    }
    for (const sub of scale.subscales) {
      const cells = course.points.map((p) => {
        const v = scores.get(p.id)?.subscales.find((s) => s.id === sub.id)?.score;
        return v === null || v === undefined ? EMPTY : { text: String(v) };
      });
      if (cells.some((c) => c !== EMPTY)) row('subscale', sub.name, cells, `subscale:${sub.id}`);
    }
    // Items rated one of several ways (HAMD-17 16A by history, 16B by weight): which one.
    for (const item of scale.items) {
      if (!item.variants) continue;
      const cells = course.points.map((p): TableCell => {
        const score = scores.get(p.id);
        const variant = score?.variants.get(item.number);
        if (!score || variant === undefined) return EMPTY;
        const value = score.items.get(item.number);
        const shown =
          value !== undefined
            ? String(value)
            : score.notAssessed.includes(item.number)
              ? 'not assessed'
              : '—';
        return { text: `${shown} (${item.number}${variant})` };
      });
      const ways = item.variants.map((v) => `${item.number}${v.id}`).join('/');
      if (cells.some((c) => c !== EMPTY))
        row(
          'item',
          `Item ${item.number} ${item.shortName} (${ways})`,
          cells,
          `item:${item.number}`,
        );
    }
    const covered = new Set(scale.subscales.flatMap((s) => s.items));
    if (scoredItems(scale).every((i) => covered.has(i.number))) continue;
    for (const item of scale.items) {
      const flag = item.flags.includes('suicide')
        ? 'safety'
        : item.flags.includes('anhedonia')
          ? 'anhedonia'
          : null;
      if (!flag) continue;
      const cells = course.points.map((p) => {
        const v = scores.get(p.id)?.items.get(item.number);
        return v === undefined ? EMPTY : { text: String(v) };
      });
      if (cells.some((c) => c !== EMPTY))
        row(
          'item',
          `Item ${item.number} ${item.shortName} (${flag})`,
          cells,
          `item:${item.number}`,
        );
    }
  }
  const noteCells = columns.map((c) => notes(c.visitId));
  if (noteCells.some((t) => t !== ''))
    rows.push({
      key: 'visit:notes',
      scaleId: '',
      label: 'Adverse events / note',
      kind: 'note',
      cells: noteCells.map((text) => (text === '' ? EMPTY : { text })),
    });
  return { columns, rows };
}
