import { useMemo } from 'react';
import { deleteAssessment, updateFinalAssessment } from '../../db/assessments-repo';
import { usePatientRecord } from '../../db/hooks';
import type { PatientRecord } from '../../db/patient-queries';
import type { Assessment, Visit } from '../../db/schema';
import { finalizeVisit, updateVisit, deleteVisit } from '../../db/visits-repo';
import { entryHasData } from '../../domain/assessment';
import { itemReferences, scalesOfLastVisit } from '../../domain/item-reference';
import { buildPatientCourses } from '../../domain/patient-course';
import { SCALES } from '../../domain/scales/registry';
import type { ScaleId } from '../../domain/scale-types';
import { daysBetween, timeSinceLabel } from '../../domain/time';
import { navigate, paths, useLeaveGuard } from '../../state/navigation';
import { useCourseView } from '../../state/course-view';
import { usePageTitle } from '../../state/page-title';
import { bandConventionFor, courseRules, usePreferences } from '../../state/preferences';
import { finishChecks } from './finish-checks';
import { useEntryKeys } from './use-entry-keys';
import { ScaleEntry } from './ScaleEntry';
import { VisitNotes } from './VisitNotes';
import { useVisitEntries } from './use-visit-entries';

export function VisitPage({ patientId, visitId }: { patientId: string; visitId: string }) {
  const record = usePatientRecord(patientId);
  const visit = record?.visits.find((v) => v.id === visitId);
  usePageTitle(
    record === undefined ? null : visit ? `Visit of ${visit.date}` : 'Visit not found',
    record?.patient.code,
  );
  if (record === undefined) return <p role="status">Loading…</p>;
  if (!record || !visit)
    return (
      <div className="card">
        <h1>Visit not found</h1>
        <p>
          <a href={paths.patient(patientId)}>Back to the patient</a>
        </p>
      </div>
    );
  // Keyed by visit: local entry state starts from what is stored, once, and is never reset
  // by the live query while the clinician types.
  return <VisitEditor key={visit.id} record={record} visit={visit} />;
}

function VisitEditor({ record, visit }: { record: PatientRecord; visit: Visit }) {
  const prefs = usePreferences();
  const isDraft = visit.status === 'draft';
  const rater = prefs.clinician.trim() || null;
  // The baseline the clinician chose on the course page, the same on every screen.
  const baselineVisitId = useCourseView((s) => s.baselineByPatient[record.patient.id]);
  const {
    entries,
    onChange,
    addScale,
    dropScale,
    dirty,
    clearDirty,
    pending,
    saved,
    setSaved,
    problem,
    setProblem,
    settle,
  } = useVisitEntries(visit, record.assessments, offeredScales(record, visit, prefs), rater);
  const chosen = SCALES.filter((s) => entries[s.id] !== undefined);
  const finishButton = useEntryKeys();
  useLeaveGuard(
    dirty.size > 0
      ? `Leave without saving the changes to ${[...dirty].join(', ')} of ${visit.date}?`
      : null,
  );

  const toggleScale = async (scaleId: ScaleId, on: boolean) => {
    if (on) {
      addScale(scaleId);
      return;
    }
    const existing = record.assessments.find(
      (a) => a.visitId === visit.id && a.scaleId === scaleId,
    );
    if (existing) {
      if (
        !window.confirm(
          `Remove ${scaleId} from this visit? Its scores are deleted (kept in the history).`,
        )
      )
        return;
      const result = await deleteAssessment(existing.id, { by: prefs.clinician });
      if (!result.ok) {
        setProblem(result.reason);
        return;
      }
    }
    dropScale(scaleId);
  };

  // Baseline and change use every other visit as stored plus this visit as typed.
  const courses = useMemo(() => {
    const others: Pick<Assessment, 'id' | 'visitId' | 'scaleId' | 'entry'>[] =
      record.assessments.filter((a) => a.visitId !== visit.id);
    const here = SCALES.flatMap((s) => {
      const entry = entries[s.id];
      return entry ? [{ id: `${visit.id}:${s.id}`, visitId: visit.id, scaleId: s.id, entry }] : [];
    });
    return buildPatientCourses(record.visits, [...others, ...here], {
      indexDate: record.indexEvent?.date ?? null,
      baselineVisitId,
      rules: courseRules(prefs),
    });
  }, [record, visit.id, entries, prefs, baselineVisitId]);

  const baselineOf = (scaleId: ScaleId) => {
    const c = courses.find((x) => x.scale.id === scaleId);
    const point =
      c && c.course.baselineIndex !== null ? c.course.points[c.course.baselineIndex] : undefined;
    if (!point || point.total === null)
      return { baseline: null, isBaseline: false, baselineVisitId: null };
    return {
      baseline: { total: point.total, date: point.date },
      isBaseline: point.id === visit.id,
      baselineVisitId: point.id,
    };
  };

  const finish = async () => {
    // Wait for the last key press to be stored; a failed save blocks finishing.
    if (!(await settle())) {
      setProblem(
        'The visit cannot be finished while an entry is not saved. Change the field again to retry (see the message above).',
      );
      return;
    }
    const { withData, warnings } = finishChecks(chosen, entries);
    if (warnings.length && !window.confirm(`${warnings.join(' ')} Finish the visit anyway?`))
      return;
    // Scales offered but never touched are not assessments: drop them rather than store
    // empty records that would read as "incomplete" in the course.
    for (const a of record.assessments) {
      if (a.visitId === visit.id && !entryHasData(a.entry)) {
        const r = await deleteAssessment(a.id, { by: prefs.clinician });
        if (!r.ok) {
          setProblem(r.reason);
          return;
        }
      }
    }
    if (withData.length === 0) {
      setProblem('Nothing was entered at this visit: enter a scale, or delete the visit.');
      return;
    }
    const result = await finalizeVisit(visit.id, { by: prefs.clinician });
    if (!result.ok) {
      setProblem(result.reason);
      return;
    }
    navigate(paths.patient(record.patient.id));
  };

  const saveEdits = async () => {
    for (const scaleId of dirty) {
      const entry = entries[scaleId];
      if (!entry) continue;
      const result = await updateFinalAssessment(
        { visitId: visit.id, scaleId, entry, rater },
        { by: prefs.clinician },
      );
      if (!result.ok) {
        setProblem(`${scaleId} not saved: ${result.reason}`);
        return;
      }
    }
    clearDirty();
    setSaved('Changes saved; the previous values are kept in the history.');
  };

  const index = record.indexEvent;
  return (
    <>
      <div className="page-head">
        <div>
          <p className="muted">
            <a href={paths.patient(record.patient.id)}>{record.patient.code}</a> ›{' '}
            {isDraft ? 'Visit in progress' : 'Finished visit'}
          </p>
          <h1>
            Visit of {visit.date}
            {index && (
              <span className="muted">
                {' '}
                · {timeSinceLabel(daysBetween(index.date, visit.date))} after {index.label}
              </span>
            )}
          </h1>
        </div>
        <p className="muted save-state" role="status">
          {pending > 0
            ? 'Saving…'
            : problem
              ? 'Not saved (see the message below).'
              : isDraft
                ? (saved ?? 'Draft: every accepted entry is saved at once.')
                : dirty.size > 0
                  ? `Unsaved changes: ${[...dirty].join(', ')}. Click “Save changes”.`
                  : (saved ?? '')}
        </p>
      </div>
      {problem && (
        <p className="banner banner-danger" role="alert">
          {problem}
        </p>
      )}
      <section className="card">
        <div className="actions">
          <label htmlFor="visit-date-edit">Visit date</label>
          <input
            id="visit-date-edit"
            type="date"
            defaultValue={visit.date}
            onBlur={(e) => {
              const date = e.currentTarget.value;
              if (date && date !== visit.date)
                void updateVisit(visit.id, { date }, { by: prefs.clinician }).then((r) => {
                  if (!r.ok) setProblem(r.reason);
                });
            }}
          />
        </div>
        <fieldset className="scale-choice">
          <legend>Scales at this visit</legend>
          {SCALES.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={entries[s.id] !== undefined}
                onChange={(e) => void toggleScale(s.id, e.currentTarget.checked)}
              />{' '}
              {s.id}
            </label>
          ))}
        </fieldset>
        <p className="muted">
          Keys: a digit sets the item and moves to the next · Backspace clears (on an empty item,
          goes back) · ↑ ↓ or Tab move · Enter on a scale with nothing entered skips it (dropped at
          finish) · Ctrl+Enter finishes from any field.
        </p>
      </section>
      {chosen.map((scale) => {
        const entry = entries[scale.id];
        if (!entry) return null;
        const { baseline, isBaseline, baselineVisitId: baseId } = baselineOf(scale.id);
        return (
          <ScaleEntry
            key={scale.id}
            scale={scale}
            entry={entry}
            onChange={(e) => onChange(scale.id, e)}
            baseline={baseline}
            isBaseline={isBaseline}
            references={itemReferences(visit, record.visits, record.assessments, scale.id, baseId)}
            bandConventionId={bandConventionFor(prefs, scale.id)}
            remissionRuleId={prefs.remissionRule[scale.id]}
          />
        );
      })}
      <VisitNotes visit={visit} by={prefs.clinician} onProblem={setProblem} />
      <div className="actions finish-bar">
        {isDraft ? (
          <button
            type="button"
            ref={finishButton}
            data-entry-finish=""
            aria-keyshortcuts="Control+Enter"
            onClick={() => void finish()}
          >
            Finish visit
          </button>
        ) : (
          <button
            type="button"
            ref={finishButton}
            data-entry-finish=""
            aria-keyshortcuts="Control+Enter"
            disabled={dirty.size === 0}
            onClick={() => void saveEdits()}
          >
            Save changes
          </button>
        )}
        <a className="button secondary" href={paths.patient(record.patient.id)}>
          {isDraft ? 'Leave (the draft is kept)' : 'Back to patient'}
        </a>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            if (window.confirm(`Delete the visit of ${visit.date} and its scores?`))
              void deleteVisit(visit.id, { by: prefs.clinician }).then((r) =>
                r.ok ? navigate(paths.patient(record.patient.id)) : setProblem(r.reason),
              );
          }}
        >
          Delete visit
        </button>
      </div>
    </>
  );
}

/** A new visit offers the scales of the patient's last finished visit, else the defaults. */
function offeredScales(
  record: PatientRecord,
  visit: Visit,
  prefs: { defaultScales: readonly ScaleId[] },
): readonly ScaleId[] {
  const last = scalesOfLastVisit(visit, record.visits, record.assessments);
  return last.length > 0 ? last : prefs.defaultScales;
}
