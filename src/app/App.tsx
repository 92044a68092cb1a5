import { lazy, Suspense, useEffect } from 'react';
import { useHash, parseRoute, paths, type Route } from '../state/navigation';
import { usePageTitle } from '../state/page-title';
import { focusMainHeading, useRouteFocus } from './route-focus';
import { PatientListPage } from '../features/patients/PatientListPage';
import { UpdateBanner } from './UpdateBanner';
import { DatabaseBanner } from './DatabaseBanner';
import { LeaveDialog } from './LeaveDialog';
import { ErrorBoundary } from './ErrorBoundary';
import { PreferencesNote } from './PreferencesNote';

// Pages load on demand: the first screen is the patient list; a patient, a visit, the
// forms, charts, print and backup/import are not needed at first paint (issue 18).
const PatientFormPage = lazy(() =>
  import('../features/patients/PatientFormPage').then((m) => ({ default: m.PatientFormPage })),
);
const PatientPage = lazy(() =>
  import('../features/patients/PatientPage').then((m) => ({ default: m.PatientPage })),
);
const SelfReportPage = lazy(() =>
  import('../features/self-report/SelfReportPage').then((m) => ({ default: m.SelfReportPage })),
);
const VisitPage = lazy(() =>
  import('../features/visit-entry/VisitPage').then((m) => ({ default: m.VisitPage })),
);
const CoursePage = lazy(() =>
  import('../features/course/CoursePage').then((m) => ({ default: m.CoursePage })),
);
const PrintPage = lazy(() =>
  import('../features/summary/PrintPage').then((m) => ({ default: m.PrintPage })),
);
// The cohort view brings jStat and the group statistics: loaded only when opened.
const CohortPage = lazy(() =>
  import('../features/cohort/CohortPage').then((m) => ({ default: m.CohortPage })),
);
const CohortsPage = lazy(() =>
  import('../features/cohorts/CohortsPage').then((m) => ({ default: m.CohortsPage })),
);
const StoredCohortPage = lazy(() =>
  import('../features/cohorts/StoredCohortPage').then((m) => ({ default: m.StoredCohortPage })),
);
const CaseloadPage = lazy(() =>
  import('../features/caseload/CaseloadPage').then((m) => ({ default: m.CaseloadPage })),
);
const SyncConflictsPage = lazy(() =>
  import('../features/sync-conflicts/SyncConflictsPage').then((m) => ({
    default: m.SyncConflictsPage,
  })),
);
const DataPage = lazy(() =>
  import('../features/data/DataPage').then((m) => ({ default: m.DataPage })),
);

function Page({ route }: { route: Route }) {
  switch (route.name) {
    case 'patients':
      return <PatientListPage />;
    case 'new-patient':
      return <PatientFormPage />;
    case 'edit-patient':
      return <PatientFormPage patientId={route.patientId} />;
    case 'patient':
      return <PatientPage patientId={route.patientId} />;
    case 'visit':
      return <VisitPage patientId={route.patientId} visitId={route.visitId} />;
    case 'self-report':
      return (
        <SelfReportPage
          patientId={route.patientId}
          visitId={route.visitId}
          scales={route.scales}
          layout={route.layout}
        />
      );
    case 'course':
      return <CoursePage patientId={route.patientId} />;
    case 'print':
      return <PrintPage patientId={route.patientId} />;
    case 'data':
      return <DataPage />;
    case 'cohort':
      return <CohortPage {...(route.cohortId ? { cohortId: route.cohortId } : {})} />;
    case 'cohorts':
      return <CohortsPage />;
    case 'stored-cohort':
      return <StoredCohortPage cohortId={route.cohortId} />;
    case 'caseload':
      return <CaseloadPage />;
    case 'sync-conflicts':
      return <SyncConflictsPage />;
    case 'not-found':
      return <NotFound path={route.path} />;
  }
}

function NotFound({ path }: { path: string }) {
  usePageTitle('Page not found');
  return (
    <div className="card">
      <h1>Page not found</h1>
      <p>
        There is no page at “{path}”. <a href={paths.patients()}>Go to the patient list</a>.
      </p>
    </div>
  );
}

export function App() {
  const hash = useHash();
  const route = parseRoute(hash);
  useRouteFocus(hash);
  useEffect(() => {
    // Loaded after the first screen: it brings the write path (history, summaries).
    void import('./adopt-local-choices').then((m) => m.adoptChoicesFromThisBrowser());
  }, []);
  const printing = route.name === 'print';
  // Patient mode shows no navigation: the header would lead the patient to other records.
  const patientMode = route.name === 'self-report';
  return (
    <>
      {/* A hash link would change the route: the skip link moves focus itself. */}
      <a
        className="skip-link no-print"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          const main = document.getElementById('main');
          if (main && !focusMainHeading(main)) main.focus();
        }}
      >
        Skip to main content
      </a>
      {!printing && !patientMode && (
        <header className="app-header no-print">
          <a className="app-brand" href={paths.patients()}>
            Trajectory
          </a>
          <nav aria-label="Main">
            <a href={paths.patients()}>Patients</a>
            <a href={paths.caseload()}>Caseload</a>
            <a href={paths.cohorts()}>Cohorts</a>
            <a href={paths.cohort()}>Cohort view</a>
            <a href={paths.data()}>Data &amp; settings</a>
          </nav>
          <span className="app-status">Data stays on this device</span>
        </header>
      )}
      <main id="main" tabIndex={-1}>
        {/* Patient mode: the clinician's banners (backup due, update) carry links out of it. */}
        {!patientMode && (
          <>
            <ErrorBoundary what="the database banner">
              <DatabaseBanner />
            </ErrorBoundary>
            <UpdateBanner />
            <PreferencesNote />
          </>
        )}
        {/* Keyed by the page: a failed screen does not stay failed after navigating away. */}
        <ErrorBoundary key={window.location.hash} what="this screen">
          <Suspense fallback={<p role="status">Loading…</p>}>
            <Page route={route} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <LeaveDialog />
    </>
  );
}
