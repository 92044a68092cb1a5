/**
 * The cohort in long format for a mixed model (R's mmrm): one row per patient × visit ×
 * scale, from the baseline on. `window_week` is set only on the visit that counts for that
 * week (the nearest to day 7k), so `subset(d, !is.na(window_week))` is the analysis set.
 */
import { getScale, SCALES } from '../scales/registry';
import type { CohortSummary } from './cohort-summary';
import { nearestByWeek } from './windows';

export interface LongColumn {
  readonly name: string;
  readonly kind: 'text' | 'number';
  readonly description: string;
}

/** Subscale columns: `<scale>_<subscale>` and its change, for every scale that has them. */
const SUBSCALE_COLUMNS: LongColumn[] = SCALES.flatMap((scale) =>
  scale.subscales.flatMap((s) => {
    const name = `${scale.id.toLowerCase().replace(/[^a-z0-9]+/g, '')}_${s.id}`;
    return [
      {
        name,
        kind: 'number' as const,
        description: `${scale.id} ${s.name} (items ${s.items.join(', ')})`,
      },
      {
        name: `${name}_change`,
        kind: 'number' as const,
        description: `${scale.id} ${s.name}: change from the patient's baseline`,
      },
    ];
  }),
);

export const LONG_COLUMNS: readonly LongColumn[] = [
  { name: 'patient_code', kind: 'text', description: 'Pseudonymous patient code' },
  { name: 'arm', kind: 'text', description: 'Arm of the cohort' },
  { name: 'scale', kind: 'text', description: 'Scale id' },
  { name: 'visit_date', kind: 'text', description: 'Visit date, YYYY-MM-DD' },
  { name: 'day', kind: 'number', description: 'Days since the index event (day 0)' },
  { name: 'week', kind: 'number', description: 'Nearest whole week since the index event' },
  {
    name: 'window_week',
    kind: 'number',
    description:
      'Week k when this visit is the one counted in window day 7k ± half-width; empty otherwise',
  },
  { name: 'is_baseline', kind: 'number', description: '1 on the patient’s baseline visit' },
  { name: 'total', kind: 'number', description: 'Scale total (CGI: the rating)' },
  { name: 'baseline', kind: 'number', description: 'Total at the patient’s baseline' },
  { name: 'change', kind: 'number', description: 'total − baseline (signed as measured)' },
  { name: 'pct_change', kind: 'number', description: 'Percent change from baseline (signed)' },
  {
    name: 'response',
    kind: 'number',
    description: '1/0 by the scale’s response rule; empty without one',
  },
  {
    name: 'remission',
    kind: 'number',
    description: '1/0 by the remission rule in use; empty without one',
  },
  ...SUBSCALE_COLUMNS,
];

export type LongRow = Readonly<Record<string, string | number | null>>;

const bit = (b: boolean | null) => (b === null ? null : b ? 1 : 0);
const round6 = (v: number | null) => (v === null ? null : Math.round(v * 1e6) / 1e6);

export function cohortLongRows(summary: CohortSummary): LongRow[] {
  const armName = new Map(summary.arms.map((a) => [a.id, a.name]));
  return summary.series.flatMap((s) => {
    const scale = getScale(s.scaleId);
    const counted = new Map(
      [
        ...nearestByWeek(
          s.points.filter((p) => !p.isBaseline),
          summary.window,
        ).entries(),
      ].map(([week, p]) => [p.visitId, week]),
    );
    const base = s.baseline;
    return s.points.map((p): LongRow => {
      const subs: Record<string, number | null> = Object.fromEntries(
        SUBSCALE_COLUMNS.map((c) => [c.name, null]),
      );
      for (const sub of scale.subscales) {
        const name = `${scale.id.toLowerCase().replace(/[^a-z0-9]+/g, '')}_${sub.id}`;
        const v = p.subscales[sub.id] ?? null;
        const b = base?.subscales[sub.id] ?? null;
        subs[name] = v;
        subs[`${name}_change`] = v === null || b === null || p.isBaseline ? null : v - b;
      }
      return {
        patient_code: s.code,
        arm: armName.get(s.armId) ?? s.armId,
        scale: s.scaleId,
        visit_date: p.date,
        day: p.day,
        // + 0 turns Math.round's −0 (day −2) into 0.
        week: Math.round(p.day / 7) + 0,
        window_week: counted.get(p.visitId) ?? null,
        is_baseline: p.isBaseline ? 1 : 0,
        total: p.total,
        baseline: base?.total ?? null,
        change: p.change,
        pct_change: round6(p.percentChange),
        response: bit(p.response),
        remission: bit(p.remission),
        ...subs,
      };
    });
  });
}
