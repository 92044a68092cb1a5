/** Shared by the interoperability tests: the user's import path and a comparison of courses. */
import { csvRows } from '../../src/db/backup/csv-export';
import { readBackup } from '../../src/db/backup/export-backup';
import { prepareExternalImport, type ExternalImport } from '../../src/db/backup/external-import';
import { importBackup } from '../../src/db/backup/import-backup';
import type { DbResult } from '../../src/db/result';
import { omitKeys } from '../../src/db/derived';
import { buildPatientCourses } from '../../src/domain/patient-course';
import { expectOk } from './helpers';

/** Read, plan, and import (adding to and updating stored patients) only when all of it is good. */
export async function importExternal(read: DbResult<ExternalImport>) {
  if (!read.ok) return read;
  const plan = await prepareExternalImport(read.value);
  if (!plan.ok) return plan;
  return importBackup(plan.value.backup, { onConflict: 'replace' });
}

/**
 * What a clinician sees of every patient, without ids or timestamps: patient fields, events,
 * visits, every score row of the CSV export (items, subscales, totals, completeness, days
 * since the index event, rater) and the course figures of every scale.
 */
export async function courseSnapshot(options: { names?: boolean; raters?: boolean } = {}) {
  const data = expectOk(await readBackup({ scope: 'all' }));
  const codeOf = new Map(data.patients.map((p) => [p.id, p.code]));
  return {
    patients: data.patients.map((p) => ({
      code: p.code,
      name: options.names === false ? undefined : p.name,
      sex: p.sex,
      birthYear: p.birthYear,
    })),
    // Events of one day are stored in id order: compare them by what they say.
    events: data.events
      .map((e) => ({ patient: codeOf.get(e.patientId), ...omitKeys(e, ['id', 'patientId']) }))
      .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    visits: data.visits.map((v) => `${codeOf.get(v.patientId) ?? ''} ${v.date} ${v.status}`),
    raters:
      options.raters === false
        ? []
        : data.assessments.map((a) => `${a.date} ${a.scaleId} ${a.rater ?? ''}`),
    rows: csvRows(data),
    figures: data.patients.map((p) => {
      const index = data.events.find((e) => e.patientId === p.id && e.isIndex)?.date ?? null;
      const visits = data.visits.filter((v) => v.patientId === p.id && v.status === 'final');
      const ids = new Set(visits.map((v) => v.id));
      const courses = buildPatientCourses(
        visits,
        data.assessments.filter((a) => ids.has(a.visitId)),
        { indexDate: index },
      );
      // Visit ids differ between databases; everything else must be equal.
      return JSON.parse(
        JSON.stringify(
          courses.map((c) => ({ scale: c.scale.id, figures: c.figures, points: c.course.points })),
          (key, value: unknown) => (key === 'id' ? undefined : value),
        ),
      ) as unknown;
    }),
  };
}
