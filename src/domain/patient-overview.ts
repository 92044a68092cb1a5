import type { CourseStatus } from './course';
import { STATUS_LABEL } from './course-table';
import { formatTotal } from './format';
import {
  buildPatientCourses,
  primaryCourse,
  type AssessmentInput,
  type CourseRequest,
  type VisitInput,
} from './patient-course';
import type { ScaleId } from './scale-types';
import type { IsoDate } from './time';

export interface LatestScore {
  readonly scaleId: ScaleId;
  readonly total: number;
  readonly text: string;
  readonly date: IsoDate;
}

/** What the patient list shows of a patient: last visit, latest scores, course status. */
export interface PatientOverview {
  readonly lastVisit: IsoDate | null;
  readonly latest: readonly LatestScore[];
  /** Status of the primary scale (HAMD-17, else MADRS, else PHQ-9) at the last rated visit. */
  readonly status: {
    readonly scaleId: ScaleId;
    readonly status: CourseStatus;
    readonly label: string;
  } | null;
}

export function patientOverview(
  visits: readonly VisitInput[],
  assessments: readonly AssessmentInput[],
  request: CourseRequest = {},
): PatientOverview {
  const courses = buildPatientCourses(visits, assessments, request);
  const lastVisit = visits.reduce<IsoDate | null>(
    (acc, v) => (acc === null || v.date > acc ? v.date : acc),
    null,
  );
  const latest = courses.flatMap((c) => {
    const rated = c.course.points.filter((p) => p.total !== null);
    const last = rated[rated.length - 1];
    return last?.total == null
      ? []
      : [
          {
            scaleId: c.scale.id,
            total: last.total,
            text: formatTotal(last.total),
            date: last.date,
          },
        ];
  });
  const primary = primaryCourse(courses);
  const lastPoint = primary?.course.points.filter((p) => p.total !== null).at(-1);
  return {
    lastVisit,
    latest,
    status:
      primary && lastPoint
        ? {
            scaleId: primary.scale.id,
            status: lastPoint.status,
            label: STATUS_LABEL[lastPoint.status],
          }
        : null,
  };
}
