import { useMemo } from 'react';
import { buildAllScales } from '../../charts/all-scales';
import { conventionText } from '../../charts/conventions';
import { patientCharts } from '../../charts/patient-charts';
import type { PatientRecord } from '../../db/patient-queries';
import { buildCourseTable } from '../../domain/course-table';
import { buildPatientCourses, primaryCourse, type ScaleCourse } from '../../domain/patient-course';
import type { ScaleId } from '../../domain/scale-types';
import { bandConventionFor, courseRules, type ClinicalRules } from '../../domain/clinical-rules';
import { usePreferences } from '../../state/preferences';
import { printRows, splitColumns } from './sheet-rows';
import type { SheetModel } from './SummarySheet';
import { hasSummaryData, scaleRules } from './summary-rules';
import { localDate, summariseSafety } from './summary-safety';
import {
  eventsForCharts,
  eventsForTable,
  isCut,
  windowCourses,
  type DateRange,
} from './summary-window';
import { visitNoteText } from '../../domain/adverse-events';

/** Visit columns per printed table: the reference case's five visits, plus room for one. */
const MAX_COLUMNS = 6;

export interface SheetChoices {
  readonly excluded: ReadonlySet<ScaleId>;
  readonly range: DateRange;
  readonly showName: boolean;
  readonly clinicHeader: string;
}

/**
 * Everything the sheet shows, from the patient's record and the clinician's choices. Only
 * final visits are printed: a draft may still change. Each step is memoised on its own
 * inputs so the charts are rebuilt only when their data changes, not on every keystroke in
 * the header field.
 */
export function useSheetModel(record: PatientRecord, choices: SheetChoices, rules: ClinicalRules) {
  const prefs = usePreferences();
  const baselineVisitId = record.patient.baselineVisitId;
  const indexDate = record.indexEvent?.date ?? null;
  const indexTime = record.indexEvent?.time ?? null;
  const bandFor = useMemo(() => (id: string) => bandConventionFor(rules, id), [rules]);

  const finalVisits = useMemo(
    () => record.visits.filter((v) => v.status === 'final'),
    [record.visits],
  );
  const finalAssessments = useMemo(
    () => record.assessments.filter((a) => a.status === 'final'),
    [record.assessments],
  );
  const courses = useMemo(
    () =>
      buildPatientCourses(finalVisits, finalAssessments, {
        indexDate,
        indexTime,
        baselineVisitId,
        rules: courseRules(rules),
      }),
    [indexTime, finalVisits, finalAssessments, indexDate, baselineVisitId, rules],
  );
  const { excluded, range } = choices;
  const shown = useMemo(
    () =>
      windowCourses(
        courses,
        new Set(courses.map((c) => c.scale.id).filter((id) => !excluded.has(id))),
        range,
      ),
    [courses, excluded, range],
  );
  const table = useMemo(() => {
    // Adverse events only: the visits' free-text notes would push the one-page summary
    // onto a second page (the reference case's notes are whole sentences).
    const built = buildCourseTable(
      shown,
      indexDate && { date: indexDate, time: indexTime },
      bandFor,
      (id) => visitNoteText({ adverseEvents: finalVisits.find((v) => v.id === id)?.adverseEvents }),
    );
    return {
      columns: built.columns,
      parts: splitColumns({ columns: built.columns, rows: printRows(built.rows) }, MAX_COLUMNS),
    };
  }, [shown, indexDate, indexTime, bandFor, finalVisits]);
  const charts = useMemo(() => {
    const dates = shown[0]?.course.points.map((p) => p.date) ?? [];
    return patientCharts({
      courses: shown,
      events: eventsForCharts(record.events, dates),
      indexDate,
      timeAxis: prefs.timeAxis,
      bandConvention: bandFor,
    });
  }, [shown, record.events, indexDate, prefs.timeAxis, bandFor]);
  // The all-scales chart's own conventions (its axis), said once in the footer: print.css
  // hides the lists under the charts to keep the page to one sheet. Its response line is
  // each scale's response rule, which the footer names already.
  const allScalesNotes = useMemo(
    () =>
      charts.allScales
        ? buildAllScales(charts.allScales)
            .conventions.filter((c) => c.name !== 'Response')
            .map(conventionText)
        : [],
    [charts.allScales],
  );
  const safety = useMemo(() => summariseSafety(record.assessments, record.safetyAcks), [record]);
  const rulesFooter = useMemo(() => {
    const versions = new Map<ScaleId, Set<string>>();
    for (const a of finalAssessments)
      versions.set(a.scaleId, (versions.get(a.scaleId) ?? new Set()).add(a.scaleVersion));
    return scaleRules(shown, bandFor, versions);
  }, [shown, finalAssessments, bandFor]);

  const primary = primaryCourse(shown);
  const columns = table.columns;
  const first = columns[0]?.date;
  const last = columns[columns.length - 1]?.date;
  const cut = isCut(courses, range);
  const drafts = record.visits.length - finalVisits.length;
  const period =
    (first && last ? `${first} to ${last}, ${columns.length} visits` : 'no visits') +
    (cut ? ' (dates chosen; baseline kept)' : '') +
    (drafts > 0 ? `; ${drafts} draft visit not printed` : '');

  const model: SheetModel = {
    clinicHeader: choices.clinicHeader,
    patient: record.patient,
    showName: choices.showName,
    printedOn: localDate(),
    indexEvent: record.indexEvent,
    period,
    events: eventsForTable(record.events, range),
    tables: table.parts,
    primary,
    others: shown.filter((c: ScaleCourse) => c !== primary && c.course.baselineIndex !== null),
    cut,
    safety,
    trajectory: charts.trajectories.find((t) => t.scale.id === primary?.scale.id),
    allScales: charts.allScales,
    rules: rulesFooter,
    summaryData: hasSummaryData(shown),
    allScalesNotes,
  };
  return {
    model,
    courses,
    first: finalVisits[0]?.date ?? null,
    last: finalVisits[finalVisits.length - 1]?.date ?? null,
  };
}
