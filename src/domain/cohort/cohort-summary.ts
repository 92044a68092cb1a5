/**
 * Per arm, per week and per measure: observed cases, unadjusted, no imputation. Each patient
 * counts once per window (the visit nearest the target day); change is from the patient's own
 * baseline (the chosen one, else the last rating on or before the index event).
 */
import { fail, ok, type Result } from '../result';
import { SCALES, getScale } from '../scales/registry';
import type { CohortArm, CohortInput, Measure, WindowOptions } from './cohort-types';
import { DEFAULT_WINDOW } from './cohort-types';
import { measuresOf, valueAt } from './measures';
import { patientSeries, type PatientSeries, type SeriesPoint } from './patient-series';
import {
  summariseMean,
  welch,
  wilson,
  type MeanSummary,
  type Proportion,
  type WelchDifference,
} from './stats';
import { nearestByWeek } from './windows';

export const OBSERVED_CASES_LABEL = 'Observed cases, unadjusted, no imputation';

export interface WeekCell {
  /** 0 = baseline (each patient's own baseline visit, whatever its day). */
  readonly week: number;
  readonly value: MeanSummary;
  /** Change from baseline; null on the baseline row and where the scale rates change (CGI-I). */
  readonly change: MeanSummary | null;
  /** Mean signed percent change, over patients whose baseline is not 0. */
  readonly percentChange: { readonly n: number; readonly mean: number | null } | null;
  /** Share of the possible improvement (×100), the common axis. */
  readonly improvementShare: MeanSummary | null;
  /** Rates where the measure has the rule (totals only); null where it has none. */
  readonly response: Proportion | null;
  readonly remission: Proportion | null;
}

export interface ArmMeasure {
  readonly armId: string;
  readonly measure: Measure;
  readonly weeks: readonly WeekCell[];
}

export interface ArmDifference {
  readonly measure: Measure;
  readonly week: number;
  readonly nA: number;
  readonly nB: number;
  /** Mean change arm A − arm B with its Welch 95 % CI. */
  readonly difference: Result<WelchDifference>;
}

export interface ExcludedPatient {
  readonly code: string;
  readonly reason: string;
}

export interface CohortSummary {
  readonly arms: readonly CohortArm[];
  readonly window: WindowOptions;
  readonly measures: readonly Measure[];
  /** 1 … the last week with any observation. */
  readonly weeks: readonly number[];
  readonly table: readonly ArmMeasure[];
  /** Arm A − arm B per measure and week ≥ 1, when there are exactly two arms or more (first two). */
  readonly differences: readonly ArmDifference[];
  readonly series: readonly PatientSeries[];
  readonly excluded: readonly ExcludedPatient[];
  /** Patients counted per arm. */
  readonly armCounts: ReadonlyMap<string, number>;
}

interface Aligned {
  readonly series: PatientSeries;
  readonly byWeek: ReadonlyMap<number, SeriesPoint>;
}

function cell(measure: Measure, week: number, rows: readonly Aligned[]): WeekCell {
  const scale = getScale(measure.scaleId);
  const isTotal = measure.subscaleId === null;
  const picked = rows.flatMap(({ series, byWeek }) => {
    const point = week === 0 ? series.baseline : byWeek.get(week);
    if (!point) return [];
    const value = valueAt(measure, point);
    if (value === null) return [];
    const base = series.baseline ? valueAt(measure, series.baseline) : null;
    return [{ point, value, base }];
  });
  const values = picked.map((p) => p.value);
  const withBase = picked.filter(
    (p): p is typeof p & { base: number } => p.base !== null && week > 0,
  );
  const changeApplies = scale.kind === 'severity' && week > 0;
  const pct = withBase.filter((p) => p.base !== 0).map((p) => ((p.value - p.base) / p.base) * 100);
  const rate = (pick: (p: SeriesPoint) => boolean | null): Proportion | null => {
    if (!isTotal || (week === 0 && scale.kind === 'severity')) return null;
    const judged = picked.map((p) => pick(p.point)).filter((v): v is boolean => v !== null);
    return wilson(judged.filter(Boolean).length, judged.length);
  };
  const hasResponse = scale.response !== undefined;
  const hasRemission = scale.remission.length > 0;
  return {
    week,
    value: summariseMean(values),
    change: changeApplies ? summariseMean(withBase.map((p) => p.value - p.base)) : null,
    percentChange: changeApplies
      ? { n: pct.length, mean: pct.length ? pct.reduce((s, v) => s + v, 0) / pct.length : null }
      : null,
    improvementShare:
      changeApplies && isTotal
        ? summariseMean(
            picked.map((p) => p.point.improvementShare).filter((v): v is number => v !== null),
          )
        : null,
    response: hasResponse ? rate((p) => p.response) : null,
    remission: hasRemission ? rate((p) => p.remission) : null,
  };
}

function changesAt(measure: Measure, week: number, rows: readonly Aligned[]): number[] {
  return rows.flatMap(({ series, byWeek }) => {
    const point = byWeek.get(week);
    const value = point ? valueAt(measure, point) : null;
    const base = series.baseline ? valueAt(measure, series.baseline) : null;
    return value === null || base === null ? [] : [value - base];
  });
}

export function summariseCohort(input: CohortInput): CohortSummary {
  const armIds = new Set(input.arms.map((a) => a.id));
  return summariseSeries({
    arms: input.arms,
    window: input.window,
    patients: input.patients.map((p) => ({
      code: p.code,
      armId: p.armId,
      indexDate: p.indexDate,
      series: armIds.has(p.armId) && p.indexDate !== null ? patientSeries(p, input.rules) : [],
    })),
  });
}

/** One patient with their series already followed (patientSeries), in the patient's arm. */
export interface PatientWithSeries {
  readonly code: string;
  readonly armId: string;
  readonly indexDate: string | null;
  readonly series: readonly PatientSeries[];
}

/**
 * The summary from each patient's series: what summariseCohort does after following every
 * course, and what the cohort view does with the series kept on write (src/db).
 */
export function summariseSeries(input: {
  readonly arms: readonly CohortArm[];
  readonly window?: WindowOptions | undefined;
  readonly patients: readonly PatientWithSeries[];
}): CohortSummary {
  const window = input.window ?? DEFAULT_WINDOW;
  const armIds = new Set(input.arms.map((a) => a.id));
  const excluded: ExcludedPatient[] = [];
  const series: PatientSeries[] = [];
  for (const p of input.patients) {
    if (!armIds.has(p.armId)) {
      excluded.push({ code: p.code, reason: 'not enrolled in an arm of this cohort' });
    } else if (p.indexDate === null) {
      excluded.push({ code: p.code, reason: 'no index event: cannot be aligned on day 0' });
    } else {
      if (p.series.length === 0) {
        excluded.push({ code: p.code, reason: 'no finished rated visit' });
      }
      for (const s of p.series) series.push(s);
    }
  }
  const aligned: Aligned[] = series.map((s) => ({
    series: s,
    byWeek: nearestByWeek(
      s.points.filter((p) => !p.isBaseline),
      window,
    ),
  }));
  // A loop, not Math.max(...all): a spread of 100,000 week numbers (1,000 patients × 4
  // scales × 26 weeks) overflows the call stack, in a worker first.
  let lastWeek = 0;
  for (const a of aligned) for (const week of a.byWeek.keys()) if (week > lastWeek) lastWeek = week;
  const weeks = Array.from({ length: lastWeek }, (_, i) => i + 1);
  const rated = new Set(series.map((s) => s.scaleId));
  const measures = measuresOf(SCALES.map((s) => s.id).filter((id) => rated.has(id)));
  const table: ArmMeasure[] = input.arms.flatMap((arm) =>
    measures.map((measure) => {
      const rows = aligned.filter(
        (a) => a.series.armId === arm.id && a.series.scaleId === measure.scaleId,
      );
      return { armId: arm.id, measure, weeks: [0, ...weeks].map((w) => cell(measure, w, rows)) };
    }),
  );
  const [armA, armB] = input.arms;
  const differences: ArmDifference[] =
    armA && armB
      ? measures
          .filter((m) => getScale(m.scaleId).kind === 'severity')
          .flatMap((measure) =>
            weeks.map((week) => {
              const rowsOf = (armId: string) =>
                aligned.filter(
                  (a) => a.series.armId === armId && a.series.scaleId === measure.scaleId,
                );
              const a = changesAt(measure, week, rowsOf(armA.id));
              const b = changesAt(measure, week, rowsOf(armB.id));
              return { measure, week, nA: a.length, nB: b.length, difference: welch(a, b) };
            }),
          )
      : [];
  const armCounts = new Map(
    input.arms.map((arm) => [
      arm.id,
      new Set(series.filter((s) => s.armId === arm.id).map((s) => s.patientId)).size,
    ]),
  );
  return {
    arms: input.arms,
    window,
    measures,
    weeks,
    table,
    differences,
    series,
    excluded,
    armCounts,
  };
}

/** One arm's row for a measure; a failure names what is missing. */
export function armMeasure(
  summary: CohortSummary,
  armId: string,
  measureId: string,
): Result<ArmMeasure> {
  const found = summary.table.find((t) => t.armId === armId && t.measure.id === measureId);
  return found ? ok(found) : fail(`No ${measureId} in arm ${armId}.`);
}
