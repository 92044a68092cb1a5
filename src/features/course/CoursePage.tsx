import { useMemo } from 'react';
import { AllScalesChart } from '../../charts/AllScalesChart';
import { DarsDomainsChart } from '../../charts/DarsDomainsChart';
import { patientCharts } from '../../charts/patient-charts';
import { TrajectoryChart } from '../../charts/TrajectoryChart';
import { CourseFiguresTable } from '../../components/CourseFiguresTable';
import { CourseTable } from '../../components/CourseTable';
import { usePatientRecord } from '../../db/hooks';
import { finishedPart, type PatientRecord } from '../../db/patient-queries';
import { buildCourseTable } from '../../domain/course-table';
import { buildPatientCourses, primaryCourse } from '../../domain/patient-course';
import { paths } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { usePreferences } from '../../state/preferences';
import { bandConventionFor, courseRules, type ClinicalRules } from '../../domain/clinical-rules';
import { useClinicalRules } from '../../db/choices-hooks';
import { CourseControls } from './CourseControls';
import { CourseStatusLine } from './CourseStatusLine';
import { visitNoteText } from '../../domain/adverse-events';
import { dateTimeText } from '../../domain/visit-time';

export function CoursePage({ patientId }: { patientId: string }) {
  const record = usePatientRecord(patientId);
  const rules = useClinicalRules();
  usePageTitle('Course', record === null ? 'Patient not found' : record?.patient.code);
  if (record === undefined || rules === undefined) return <p role="status">Loading…</p>;
  if (record === null)
    return (
      <div className="card">
        <h1>Patient not found</h1>
        <a href={paths.patients()}>Back to the patient list</a>
      </div>
    );
  return <Course record={record} rules={rules} />;
}

function Course({ record, rules }: { record: PatientRecord; rules: ClinicalRules }) {
  const prefs = usePreferences();
  const baselineVisitId = record.patient.baselineVisitId;
  const indexDate = record.indexEvent?.date ?? null;
  const indexTime = record.indexEvent?.time ?? null;
  const finished = useMemo(() => finishedPart(record), [record]);

  const courses = useMemo(
    () =>
      buildPatientCourses(finished.visits, finished.assessments, {
        indexDate,
        indexTime,
        baselineVisitId,
        rules: courseRules(rules),
      }),
    [indexTime, finished, indexDate, baselineVisitId, rules],
  );
  const table = useMemo(
    () =>
      buildCourseTable(
        courses,
        indexDate && { date: indexDate, time: indexTime },
        (id) => bandConventionFor(rules, id),
        (id) => visitNoteText(finished.visits.find((v) => v.id === id) ?? {}),
      ),
    [courses, indexDate, indexTime, rules, finished],
  );
  const charts = useMemo(
    () =>
      patientCharts({
        courses,
        events: record.events,
        indexDate,
        timeAxis: prefs.timeAxis,
        bandConvention: (id) => bandConventionFor(rules, id),
      }),
    [courses, record.events, indexDate, prefs.timeAxis, rules],
  );
  const primary = primaryCourse(courses);
  const { patient } = record;

  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted">
            <a href={paths.patient(patient.id)}>{patient.code}</a> › Course
          </p>
          <h1>Course of {patient.code}</h1>
          <p className="muted">
            {record.indexEvent
              ? `Time is counted from the index event: ${record.indexEvent.label} on ${dateTimeText(record.indexEvent)}.`
              : 'No index event: time is counted from the baseline visit.'}
          </p>
        </div>
        <div className="actions">
          <a className="button secondary" href={paths.print(patient.id)}>
            Print summary
          </a>
        </div>
      </div>
      {finished.draft && (
        <p className="banner banner-info">
          The visit of {finished.draft.date} is in progress and is not counted here until it is
          finished. <a href={paths.visit(patient.id, finished.draft.id)}>Continue it</a>.
        </p>
      )}
      {courses.length === 0 ? (
        <p className="card">No scores recorded yet.</p>
      ) : (
        <>
          <CourseControls
            visits={finished.visits}
            patientId={patient.id}
            chosen={baselineVisitId}
            rules={rules}
            courses={courses}
            hoursOffered={charts.hoursOffered}
          />
          {primary && <CourseStatusLine course={primary} />}
          <CourseFiguresTable courses={courses} />
          <section aria-labelledby="charts-heading">
            <h2 id="charts-heading">Charts</h2>
            {charts.allScales && <AllScalesChart input={charts.allScales} />}
            {charts.trajectories.map((t) => (
              <TrajectoryChart key={t.scale.id} input={t} />
            ))}
            {charts.darsDomains && <DarsDomainsChart input={charts.darsDomains} />}
          </section>
          <section aria-labelledby="course-table-heading">
            <h2 id="course-table-heading">Course table</h2>
            <CourseTable
              columns={table.columns}
              rows={table.rows}
              caption={`Scores by visit${indexDate ? ', with time since the index event' : ''}.`}
            />
          </section>
        </>
      )}
    </>
  );
}
