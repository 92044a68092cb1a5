import { describe, expect, it } from 'vitest';
import { buildCourseTable } from './course-table';
import { buildPatientCourses } from './patient-course';
import { PHQ9 } from './scales/phq9';
import { makeScaleRegistry } from './scales/scale-registry';
import { BUILT_IN_SCALES, SCALES, scaleOf } from './scales/registry';
import {
  PHQ9_V2,
  TWO_PHQ9_VERSIONS,
  VERSIONED_ASSESSMENTS,
  VERSIONED_VISITS,
} from './testing/phq9-two-versions';

const registry = TWO_PHQ9_VERSIONS;
const visits = VERSIONED_VISITS;
const assessments = VERSIONED_ASSESSMENTS;

describe('a registry of versioned definitions', () => {
  it('lists every version, oldest first; the current one is the last', () => {
    expect(registry.current).toEqual([PHQ9_V2]);
    expect(registry.versions('PHQ-9')).toEqual([PHQ9.version, PHQ9_V2.version]);
    expect(registry.find('PHQ-9', PHQ9.version)).toBe(PHQ9);
    expect(registry.find('PHQ-9', 'PHQ-9 (1999)')).toBeUndefined();
  });
  it('refuses one version listed twice', () => {
    expect(() => makeScaleRegistry([PHQ9, PHQ9])).toThrow(/listed twice/);
  });
  it('the built-in registry: current = SCALES; an assessment finds the definition it was recorded under', () => {
    expect(BUILT_IN_SCALES.current).toBe(SCALES);
    expect(scaleOf({ scaleId: 'PHQ-9', scaleVersion: 'PHQ-9 (Kroenke 2001)' })).toBe(PHQ9);
    // A version the app does not know (imports refuse it) is read with the current one.
    expect(scaleOf({ scaleId: 'PHQ-9', scaleVersion: 'PHQ-9 (1999)' })).toBe(PHQ9);
  });
});

describe('old records keep the figures of the version that scored them', () => {
  const courses = buildPatientCourses(visits, assessments, { registry });
  const [phq] = courses;

  it('scores each point with its own version, follows the current one for the course rules', () => {
    expect(phq?.scale).toBe(PHQ9_V2);
    expect(phq?.scoredWith.get('v1')).toBe(PHQ9);
    expect(phq?.scoredWith.get('v2')).toBe(PHQ9_V2);
    expect(phq?.course.points.map((p) => p.total)).toEqual([14, 5, 5]);
  });

  it('a total of 5 is "Mild" under Kroenke 2001 and stays so; "None–minimal" only under the new version', () => {
    const { rows } = buildCourseTable(courses, null);
    const band = rows.find((r) => r.key === 'PHQ-9:band');
    expect(band?.cells.map((c) => c.text)).toEqual(['Moderate', 'Mild', 'None–minimal']);
  });

  it('the table says which version scored each point', () => {
    const { rows } = buildCourseTable(courses, null);
    const version = rows.find((r) => r.key === 'PHQ-9:version');
    expect(version?.label).toBe('Scored with definition');
    expect(version?.cells.map((c) => c.text)).toEqual([
      PHQ9.version,
      PHQ9.version,
      PHQ9_V2.version,
    ]);
  });

  it('has no version row while every point was scored by the current definition', () => {
    const same = assessments.map((a) => ({ ...a, scaleVersion: PHQ9.version }));
    const { rows } = buildCourseTable(buildPatientCourses(visits, same), null);
    expect(rows.some((r) => r.kind === 'version')).toBe(false);
  });

  it('reads a record of a version the registry does not know with the current definition', () => {
    const unknown = [{ ...assessments[0], scaleVersion: 'PHQ-9 (1999)' }];
    const [course] = buildPatientCourses(visits, unknown, { registry });
    expect(course?.scoredWith.get('v0')).toBe(PHQ9_V2);
    expect(course?.scores.get('v0')?.total).toBe(14);
  });
});
