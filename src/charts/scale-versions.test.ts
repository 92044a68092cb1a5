import { describe, expect, it } from 'vitest';
import { buildPatientCourses } from '../domain/patient-course';
import {
  PHQ9_V2,
  TWO_PHQ9_VERSIONS,
  VERSIONED_ASSESSMENTS,
  VERSIONED_VISITS,
} from '../domain/testing/phq9-two-versions';
import { patientCharts } from './patient-charts';
import { buildTrajectory } from './trajectory';

describe('the trajectory data table of a course scored by two definition versions', () => {
  const courses = buildPatientCourses(VERSIONED_VISITS, VERSIONED_ASSESSMENTS, {
    registry: TWO_PHQ9_VERSIONS,
  });
  const charts = patientCharts({
    courses,
    events: [],
    indexDate: null,
    timeAxis: 'date',
    bandConvention: () => undefined,
  });
  const [input] = charts.trajectories;
  const rows = input ? buildTrajectory(input).table.rows : [];

  it('gives each point the band of the version that scored it', () => {
    expect(input?.scale).toBe(PHQ9_V2);
    expect(rows.map((r) => r.cells[3])).toEqual(['Moderate', 'Mild', 'None–minimal']);
  });

  it('marks the points scored by the earlier version', () => {
    const summary = 'summary; Summary data: transcribed total.';
    expect(rows.map((r) => r.cells[5])).toEqual([
      `${summary}; scored with PHQ-9 (Kroenke 2001)`,
      `${summary}; scored with PHQ-9 (Kroenke 2001)`,
      summary,
    ]);
  });
});
