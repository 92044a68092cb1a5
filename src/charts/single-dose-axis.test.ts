import { describe, expect, it } from 'vitest';
import { buildPatientCourses } from '../domain/patient-course';
import {
  SINGLE_DOSE_ASSESSMENTS,
  SINGLE_DOSE_INDEX,
  SINGLE_DOSE_VISITS,
} from '../domain/testing/single-dose';
import { patientCharts, type EventLike } from './patient-charts';
import { buildTrajectory } from './trajectory';
import type { TimeAxisChoice } from './chart-types';
import { tickLabel, xExtent } from './time-axis';

const courses = buildPatientCourses(SINGLE_DOSE_VISITS, SINGLE_DOSE_ASSESSMENTS, {
  indexDate: SINGLE_DOSE_INDEX.date,
  indexTime: SINGLE_DOSE_INDEX.time,
});
const dose: EventLike = { id: 'dose', ...SINGLE_DOSE_INDEX, label: 'dezocine', isIndex: true };
const charts = (timeAxis: TimeAxisChoice, events: readonly EventLike[] = [dose]) =>
  patientCharts({
    courses,
    events,
    indexDate: SINGLE_DOSE_INDEX.date,
    timeAxis,
    bandConvention: () => undefined,
  });
const hamd = (timeAxis: TimeAxisChoice, events?: readonly EventLike[]) => {
  const input = charts(timeAxis, events).trajectories[0];
  if (!input) throw new Error('no HAMD-17 trajectory');
  return buildTrajectory(input);
};

describe('hours since the index event on the course axis (single-dose design)', () => {
  it('is offered for a course within 8 days of the dose and chosen by the automatic axis', () => {
    expect(charts('auto')).toMatchObject({ hoursOffered: true, timeAxis: 'hours' });
    expect(charts('days')).toMatchObject({ hoursOffered: true, timeAxis: 'days' });
  });

  it('gives same-day visits distinct x, in wall-clock hours from the dose at 10:00', () => {
    const model = hamd('auto');
    // enrolment and day 7 have no time: the start of their day (−6 d − 10 h, +7 d − 10 h).
    expect(model.datasets[0]?.data.map((p) => p.x)).toEqual([-154, -2, 2, 24, 158]);
    expect(model.xAxis.title).toBe('Hours since dezocine (2023-11-30 10:00)');
    expect(model.annotations.find((a) => a.kind === 'event')).toMatchObject({ x: 0 });
  });

  it('keeps the time of day on the days and weeks axes too', () => {
    const xs = hamd('days').datasets[0]?.data.map((p) => p.x) ?? [];
    expect(xs[1]).toBeCloseTo(8 / 24, 10);
    expect(xs[2]).toBeCloseTo(12 / 24, 10);
    expect(xs[3]).toBeCloseTo(1 + 10 / 24, 10);
    expect(xs[4]).toBe(7);
    expect(hamd('weeks').datasets[0]?.data[4]?.x).toBe(1);
    expect(hamd('date').datasets[0]?.data[1]?.x).toBe(new Date(2023, 10, 30, 8, 0).getTime());
  });

  it('says the hours in the data table, and "no time" for a visit without one', () => {
    const rows = hamd('hours').table.rows.map((r) => r.cells.slice(0, 2).join(' | '));
    expect(rows).toEqual([
      '2023-11-24 | −6 d (no time)',
      '2023-11-30 08:00 | −2 h',
      '2023-11-30 10:00 | 0 h',
      '2023-11-30 12:00 | +2 h',
      '2023-12-01 10:00 | +24 h',
      '2023-12-07 | 1 wk (no time)',
    ]);
    expect(hamd('hours').table.columns[0]).toBe('Date and time');
  });

  it('names the same-day visits apart in the days table as well', () => {
    const rows = hamd('days').table.rows.map((r) => r.cells[1]);
    expect(rows).toEqual(['−6 d', '−2 h', '0 h', '+2 h', '+24 h', '1 wk']);
  });

  it('counts from the start of the dose day when the dose has no time', () => {
    const untimed = hamd('hours', [{ ...dose, time: undefined }]);
    expect(untimed.datasets[0]?.data.map((p) => p.x)).toEqual([-144, 8, 12, 34, 168]);
    expect(untimed.xAxis.title).toBe('Hours since dezocine (2023-11-30)');
  });

  it('offers weeks, not hours, for a course longer than 8 days after the dose', () => {
    const long = buildPatientCourses(
      [...SINGLE_DOSE_VISITS, { id: 'w2', date: '2023-12-14' }],
      SINGLE_DOSE_ASSESSMENTS,
      { indexDate: '2023-11-30', indexTime: '10:00' },
    );
    const result = patientCharts({
      courses: long,
      events: [dose],
      indexDate: '2023-11-30',
      timeAxis: 'auto',
      bandConvention: () => undefined,
    });
    expect(result).toMatchObject({ hoursOffered: false, timeAxis: 'weeks' });
  });

  it('labels hour ticks and steps them by 6 h within two days, by 24 h up to 400 h (8 days either side)', () => {
    expect([-2, 0, 2, 24].map((v) => tickLabel(v, 'hours'))).toEqual([
      '−2 h',
      '0 h',
      '2 h',
      '24 h',
    ]);
    expect(xExtent([-2, 2, 24], 'hours').stepSize).toBe(6);
    expect(xExtent([-154, 158], 'hours').stepSize).toBe(24);
  });
});
