import { useMemo, useState } from 'react';
import { useConfirm } from '../../components/ConfirmDialog';
import { ConflictChooser, type Choice } from '../../components/ConflictChooser';
import { deleteAssessment, updateFinalAssessment } from '../../db/assessments-repo';
import { useClinicalRules } from '../../db/choices-hooks';
import { isConflict, type ConflictFailure } from '../../db/result';
import { usePatientRecord } from '../../db/hooks';
import type { PatientRecord } from '../../db/patient-queries';
import type { Assessment, Visit } from '../../db/schema';
import { finalizeVisit } from '../../db/visits-repo';
import { entryHasData } from '../../domain/assessment';
import { itemReferences, scalesOfLastVisit } from '../../domain/item-reference';
import { buildPatientCourses } from '../../domain/patient-course';
import { describeRefused, safetyFirst, type RefusedValue } from '../../domain/refused';
import { SCALES } from '../../domain/scales/registry';
import { useClinicScales } from '../../db/clinic-scales-hooks';
import type { ScaleId } from '../../domain/scale-types';
import { navigate, paths, useLeaveGuard } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { usePreferences } from '../../state/preferences';
import { bandConventionFor, courseRules, type ClinicalRules } from '../../domain/clinical-rules';
import { finishChecks } from './finish-checks';
import { FinishBar } from './FinishBar';
import { ScaleChoice } from './ScaleChoice';
import { useEntryKeys } from './use-entry-keys';
import { ScaleEntry } from './ScaleEntry';
import { VisitNotes } from './VisitNotes';
import { useVisitEntries } from './use-visit-entries';
import { RefusedBanner } from './RefusedBanner';
import { VisitDateField } from './VisitDateField';
import { VisitTimeField } from './VisitTimeField';
import { HandOverPanel } from './HandOverPanel';
import { SelfReportBanner } from './SelfReportBanner';
import { VisitHeader } from './VisitHeader';
import { dateTimeText } from '../../domain/visit-time';

export function VisitPage({ patientId, visitId }: { patientId: string; visitId: string }) {
  const record = usePatientRecord(patientId);
  const rules = useClinicalRules();
  const visit = record?.visits.find((v) => v.id === visitId);
  usePageTitle(
    record === undefined ? null : visit ? `Visit of ${dateTimeText(visit)}` : 'Visit not found',
    record?.patient.code,
  );
  if (record === undefined || rules === undefined) return <p role="status">Loading…</p>;
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
  return <VisitEditor key={visit.id} record={record} visit={visit} rules={rules} />;
}

function VisitEditor({
  record,
  visit,
  rules,
}: {
  record: PatientRecord;
  visit: Visit;
  rules: ClinicalRules;
}) {
  const prefs = usePreferences();
  const isDraft = visit.status === 'draft';
  const rater = prefs.clinician.trim() || null;
  // The baseline the clinician chose on the course page, the same on every screen.
  const baselineVisitId = record.patient.baselineVisitId;
  const {
    entries,
    onChange,
    addScale,
    dropScale,
    dirty,
    baseOf,
    acceptSaved,
    pending,
    saved,
    setSaved,
    problem,
    setProblem,
    settle,
  } = useVisitEntries(visit, record.assessments, offeredScales(record, visit, prefs), rater);
  const clinicScales = useClinicScales();
  // The built-in scales, then those the clinic defined (src/db/clinic-scales-repo.ts).
  const scales = useMemo(() => [...SCALES, ...(clinicScales ?? [])], [clinicScales]);
  const chosen = scales.filter((s) => entries[s.id] !== undefined);
  const { dialog, confirm } = useConfirm();
  // Ctrl+Enter from any field clicks Finish (or Save changes), so it is refused the same way.
  const finishButton = useEntryKeys();
  // Values on screen that a form refused, per scale: never stored, never dropped silently.
  const [refusedBy, setRefusedBy] = useState<Partial<Record<ScaleId, readonly RefusedValue[]>>>({});
  const refused = safetyFirst(chosen.flatMap((s) => refusedBy[s.id] ?? []));
  // Counts refused Finish/Save clicks: the list then stays in view until all are fixed.
  const [refusedAttempt, setRefusedAttempt] = useState(0);
  const unsaved = [
    ...refused.map(describeRefused),
    ...(dirty.size > 0 ? [`The changes to ${[...dirty].join(', ')} are not saved.`] : []),
  ];
  useLeaveGuard(unsaved.length ? `Visit of ${visit.date}: ${unsaved.join(' ')}` : null);
  // A final scale whose explicit save met another tab's different value for the same item.
  const [conflict, setConflict] = useState<{
    scaleId: ScaleId;
    found: ConflictFailure<Assessment>['conflict'];
  } | null>(null);

  const toggleScale = async (scaleId: ScaleId, on: boolean) => {
    if (on) {
      addScale(scaleId);
      return;
    }
    const existing = record.assessments.find(
      (a) => a.visitId === visit.id && a.scaleId === scaleId,
    );
    if (existing || (refusedBy[scaleId]?.length ?? 0) > 0) {
      const ok = await confirm({
        title: `Remove ${scaleId} from this visit?`,
        message: existing
          ? `Its scores are deleted (kept in the history).`
          : `The values typed for ${scaleId} that were not saved are discarded.`,
        confirmLabel: `Remove ${scaleId}`,
        cancelLabel: `Keep ${scaleId}`,
        destructive: true,
      });
      if (!ok) return;
    }
    if (existing) {
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
    const here = scales.flatMap((s) => {
      const entry = entries[s.id];
      return entry ? [{ id: `${visit.id}:${s.id}`, visitId: visit.id, scaleId: s.id, entry }] : [];
    });
    return buildPatientCourses(record.visits, [...others, ...here], {
      indexDate: record.indexEvent?.date ?? null,
      indexTime: record.indexEvent?.time ?? null,
      baselineVisitId,
      rules: courseRules(rules),
    });
  }, [record, visit.id, entries, rules, baselineVisitId, scales]);

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

  /** Finish and Save are refused while a value on screen was not saved: true when refused. */
  const refuseIfUnsaved = () => {
    if (refused.length === 0) return false;
    setRefusedAttempt((n) => n + 1);
    return true;
  };

  const finish = async () => {
    if (refuseIfUnsaved()) return;
    // Wait for the last key press to be stored; a failed save blocks finishing.
    if (!(await settle())) {
      setProblem(
        'The visit cannot be finished while an entry is not saved. Change the field again to retry (see the message above).',
      );
      return;
    }
    const { withData, warnings } = finishChecks(chosen, entries);
    if (
      warnings.length &&
      !(await confirm({
        title: 'Finish the visit anyway?',
        message: warnings.join(' '),
        confirmLabel: 'Finish anyway',
        cancelLabel: 'Go back to the visit',
      }))
    )
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

  const saveEdits = async (choices?: { scaleId: ScaleId; picked: Record<string, Choice> }) => {
    if (refuseIfUnsaved()) return;
    setConflict(null);
    for (const scaleId of dirty) {
      const entry = entries[scaleId];
      if (!entry) continue;
      const result = await updateFinalAssessment(
        {
          visitId: visit.id,
          scaleId,
          entry,
          rater,
          base: baseOf(scaleId),
          ...(choices?.scaleId === scaleId ? { choices: choices.picked } : {}),
        },
        { by: prefs.clinician },
      );
      if (isConflict(result)) {
        setConflict({ scaleId, found: result.conflict });
        return;
      }
      if (!result.ok) {
        setProblem(`${scaleId} not saved: ${result.reason}`);
        return;
      }
      acceptSaved(scaleId, result.value);
    }
    setSaved('Changes saved; the previous values are kept in the history.');
  };

  return (
    <>
      <VisitHeader
        record={record}
        visit={visit}
        status={
          pending > 0
            ? 'Saving…'
            : problem
              ? 'Not saved (see the message below).'
              : isDraft
                ? (saved ?? 'Draft: every accepted entry is saved at once.')
                : dirty.size > 0
                  ? `Unsaved changes: ${[...dirty].join(', ')}. Click “Save changes”.`
                  : (saved ?? '')
        }
      />
      {problem && (
        <p className="banner banner-danger" role="alert">
          {problem}
        </p>
      )}
      <SelfReportBanner assessments={record.assessments.filter((a) => a.visitId === visit.id)} />
      <RefusedBanner
        refused={refused}
        action={isDraft ? 'finished' : 'saved'}
        attempt={refusedAttempt}
      />
      {conflict && (
        <ConflictChooser
          what={`${conflict.scaleId} of ${visit.date}`}
          conflicts={conflict.found.fields}
          onResolve={(picked) => void saveEdits({ scaleId: conflict.scaleId, picked })}
          onCancel={() => setConflict(null)}
        />
      )}
      <section className="card">
        <VisitDateField
          visit={visit}
          birthYear={record.patient.birthYear}
          by={prefs.clinician}
          confirm={confirm}
        />
        <VisitTimeField key={visit.time ?? ''} visit={visit} by={prefs.clinician} />
        <ScaleChoice
          scales={scales}
          offered={(id) => entries[id] !== undefined}
          onToggle={(id, on) => void toggleScale(id, on)}
        />
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
            onChange={(e) => onChange(scale.id, e, entry)}
            refused={refusedBy[scale.id] ?? []}
            onRefusedChange={(list) =>
              // Forms report on mount and on every change; an unchanged empty list is no change.
              setRefusedBy((r) =>
                list.length === 0 && !r[scale.id]?.length ? r : { ...r, [scale.id]: list },
              )
            }
            confirm={confirm}
            baseline={baseline}
            isBaseline={isBaseline}
            references={itemReferences(visit, record.visits, record.assessments, scale.id, baseId)}
            bandConventionId={bandConventionFor(rules, scale.id)}
            remissionRuleId={rules.remissionRule[scale.id]}
          />
        );
      })}
      <VisitNotes visit={visit} by={prefs.clinician} onProblem={setProblem} />
      {isDraft && <HandOverPanel patientId={record.patient.id} visitId={visit.id} />}
      <FinishBar
        ref={finishButton}
        isDraft={isDraft}
        unsaved={dirty.size > 0}
        onFinish={() => void finish()}
        onSave={() => void saveEdits()}
        patientId={record.patient.id}
        visit={visit}
        by={prefs.clinician}
        confirm={confirm}
        onProblem={setProblem}
      />
      {dialog}
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
