/**
 * Builder cost for a long course: 200 visits with a dose every 4 weeks. The real render
 * time is measured in Chromium (see the report on issue 5); this guards the pure part.
 */
import { addDays, format, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { DARS } from '../domain/scales/dars';
import { HAMD17 } from '../domain/scales/hamd17';
import { MADRS } from '../domain/scales/madrs';
import { PHQ9 } from '../domain/scales/phq9';
import { buildAllScales } from './all-scales';
import type { TreatmentEvent } from './chart-types';
import { buildChartOptions, toChartData } from './options';
import { REF_INDEX_DATE, referenceCourse } from './testing/reference-case';
import { buildTrajectory } from './trajectory';

const VISITS = 200;
const dates = Array.from({ length: VISITS }, (_, i) =>
  format(addDays(parseISO('2023-11-24'), i * 7), 'yyyy-MM-dd'),
);
const wave = (i: number, lo: number, hi: number) =>
  i % 17 === 5 ? null : Math.round(lo + ((hi - lo) * (1 + Math.sin(i / 6))) / 2);
const events: TreatmentEvent[] = dates
  .filter((_, i) => i % 4 === 1)
  .map((date, i) => ({ id: `dose-${i}`, date, label: 'dezocine 0.1 mg/kg IV', isIndex: i === 0 }));

function median(run: () => unknown, times = 31): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(times / 2)] ?? NaN;
}

describe('chart builders on 200 visits', () => {
  const hamd = referenceCourse(
    HAMD17,
    dates.map((_, i) => wave(i, 2, 24)),
    dates,
  );

  it('builds the trajectory, its data and options in a few ms', () => {
    const ms = median(() => {
      const model = buildTrajectory({
        scale: HAMD17,
        course: hamd,
        events,
        timeAxis: 'weeks',
        indexDate: REF_INDEX_DATE,
      });
      return [toChartData(model), buildChartOptions(model)];
    });
    console.info(`trajectory, 200 visits, 50 dose events: median ${ms.toFixed(3)} ms`);
    expect(ms).toBeLessThan(20);
  });

  it('builds the all-scales chart for four scales in a few ms', () => {
    const courses = [
      { scale: HAMD17, course: hamd },
      {
        scale: MADRS,
        course: referenceCourse(
          MADRS,
          dates.map((_, i) => wave(i, 4, 30)),
          dates,
        ),
      },
      {
        scale: PHQ9,
        course: referenceCourse(
          PHQ9,
          dates.map((_, i) => wave(i, 1, 20)),
          dates,
        ),
      },
      {
        scale: DARS,
        course: referenceCourse(
          DARS,
          dates.map((_, i) => wave(i, 15, 55)),
          dates,
        ),
      },
    ];
    const ms = median(() =>
      buildAllScales({ courses, events, timeAxis: 'days', indexDate: REF_INDEX_DATE }),
    );
    console.info(`all scales, 4 × 200 visits: median ${ms.toFixed(3)} ms`);
    expect(ms).toBeLessThan(20);
  });
});
