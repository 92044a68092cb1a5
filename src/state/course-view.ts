import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** The baseline visit a clinician chose per patient (absent = the default rule). UI state. */
interface CourseView {
  baselineByPatient: Record<string, string | undefined>;
}

export const useCourseView = create<CourseView>()(
  persist(() => ({ baselineByPatient: {} }), { name: 'trajectory-course-view', version: 1 }),
);

export const setBaseline = (patientId: string, visitId: string | undefined) => {
  useCourseView.setState((s) => ({
    baselineByPatient: { ...s.baselineByPatient, [patientId]: visitId },
  }));
};
