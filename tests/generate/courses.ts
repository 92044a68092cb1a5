import { addDays, formatISO, parseISO } from 'date-fns';
import { getScale } from '../../src/domain/scales/registry';
import type { ScaleId } from '../../src/domain/scale-types';

/**
 * Generated courses as a backup file the Data page imports: one patient per course, weekly
 * item-level visits on HAMD-17, MADRS, PHQ-9 and DARS after a single-dose index event. The
 * item scores follow a plausible course (improvement, then partial relapse) from a fixed
 * seed, so every run gives the same file. Used by the print layout tests (a few long
 * courses) and the benchmark (a clinic of thousands of patients, `clinicCourses`).
 */
export interface CourseSpec {
  readonly code: string;
  readonly visits: number;
  /** Visit number (0 = baseline) at which PHQ-9 item 9 is 1: an open safety flag. */
  readonly flaggedVisit?: number;
}

const SCALES: readonly ScaleId[] = ['HAMD-17', 'MADRS', 'PHQ-9', 'DARS'];
const STAMP = '2024-02-01T09:00:00.000Z';

/** Deterministic 0..1 from integers (a small hash; no shared state between courses). */
const noise = (...xs: number[]): number => {
  let h = 2166136261;
  for (const x of xs) h = Math.imul(h ^ (x + 0x9e37), 16777619) >>> 0;
  return (h % 1000) / 1000;
};

/** Severity 0..1 at visit k: high at baseline, lowest near week 3, drifting back up. */
const severity = (k: number, n: number): number =>
  k === 0 ? 0.75 : 0.2 + (0.45 * Math.abs(k - Math.min(3, n - 1))) / Math.max(1, n - 1);

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');
/** A UUID-shaped id, unique per (kind, patient, n) for n < 1000. */
const id = (patient: number, kind: number, n: number): string =>
  `0a11ce00-${hex(kind, 4)}-4000-8000-${hex(patient * 1000 + n, 12)}`;

/** A clinic of `patients` patients, each with `visits` weekly visits; every 50th has a flag. */
export function clinicCourses(patients: number, visits: number): CourseSpec[] {
  return Array.from({ length: patients }, (_, p) => ({
    code: `C-${String(p).padStart(5, '0')}`,
    visits,
    ...(p % 50 === 7 ? { flaggedVisit: visits - 1 } : {}),
  }));
}

export function courseBackup(specs: readonly CourseSpec[]): string {
  const patients = [];
  const events = [];
  const visits = [];
  const assessments = [];
  for (const [p, spec] of specs.entries()) {
    const patientId = id(p, 0, 0);
    const baseline = parseISO('2024-01-02');
    patients.push({
      id: patientId,
      code: spec.code,
      sex: 'female',
      diagnosis: 'Major depressive disorder, recurrent',
      createdAt: STAMP,
      updatedAt: STAMP,
    });
    events.push({
      id: id(p, 1, 0),
      patientId,
      date: formatISO(addDays(baseline, 1), { representation: 'date' }),
      kind: 'single-dose',
      label: 'ketamine',
      drug: 'ketamine',
      dose: 0.5,
      unit: 'mg/kg',
      route: 'IV',
      isIndex: true,
    });
    for (let k = 0; k < spec.visits; k += 1) {
      const date = formatISO(addDays(baseline, 7 * k), { representation: 'date' });
      const visitId = id(p, 2, k);
      visits.push({
        id: visitId,
        patientId,
        date,
        status: 'final',
        createdAt: STAMP,
        updatedAt: STAMP,
        finalizedAt: STAMP,
      });
      for (const [s, scaleId] of SCALES.entries()) {
        const scale = getScale(scaleId);
        const level =
          scale.direction === 'higher-is-better'
            ? 1 - severity(k, spec.visits)
            : severity(k, spec.visits);
        const responses = scale.items.map((item) => {
          if (item.flags.includes('suicide')) {
            return scaleId === 'PHQ-9' && k === spec.flaggedVisit ? 1 : 0;
          }
          const raw =
            item.min + (item.max - item.min) * level + (noise(p, k, s, item.number) - 0.5) * 1.4;
          return Math.max(item.min, Math.min(item.max, Math.round(raw)));
        });
        assessments.push({
          id: id(p, 3 + s, k),
          visitId,
          patientId,
          date,
          scaleId,
          scaleVersion: scale.version,
          entry: { mode: 'items', responses },
          status: 'final',
          updatedAt: STAMP,
        });
      }
    }
  }
  return JSON.stringify({
    format: 'trajectory-backup',
    formatVersion: 1,
    exportedAt: STAMP,
    appVersion: '0.1.0',
    scope: 'all',
    patients,
    events,
    visits,
    assessments,
    safetyAcks: [],
  });
}
