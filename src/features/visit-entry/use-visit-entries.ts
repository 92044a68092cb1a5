import { useEffect, useRef, useState } from 'react';
import { saveDraftAssessment } from '../../db/assessments-repo';
import type { Assessment, Visit } from '../../db/schema';
import { emptyItemEntry, type AssessmentEntry } from '../../domain/assessment';
import { mergeEntries } from '../../domain/entry-merge';
import { getScale } from '../../domain/scales/registry';
import type { ScaleId } from '../../domain/scale-types';

export type Entries = Partial<Record<ScaleId, AssessmentEntry>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The entries of one visit as the clinician types them. In a draft visit every accepted
 * change is saved at once (`pending` counts writes in flight); in a final visit changes wait
 * for an explicit save (`dirty`). When the same draft visit is open in another tab, saves
 * and live updates are merged three-way so neither tab erases the other's items.
 */
export function useVisitEntries(
  visit: Visit,
  assessments: readonly Assessment[],
  defaultScales: readonly ScaleId[],
  rater: string | null,
) {
  const isDraft = visit.status === 'draft';
  const stored = assessments.filter((a) => a.visitId === visit.id);
  const [entries, setEntries] = useState<Entries>(() =>
    Object.fromEntries(
      stored.length
        ? stored.map((a) => [a.scaleId, a.entry])
        : defaultScales.map((id) => [id, emptyItemEntry(getScale(id).items.length)]),
    ),
  );
  const [dirty, setDirty] = useState<Set<ScaleId>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Writes in flight: the status says "Saving…" until every one has landed.
  const [pending, setPending] = useState(0);
  // Per scale, the entry this tab last sent or took from the store: the base of a
  // three-way merge when another tab edits the same visit (domain/entry-merge.ts).
  const base = useRef<Partial<Record<ScaleId, AssessmentEntry | null>>>(
    Object.fromEntries(stored.map((a) => [a.scaleId, a.entry])),
  );
  const inFlight = useRef<Partial<Record<ScaleId, number>>>({});
  // After a failed save the store no longer matches `base`: the next save writes the form
  // as it stands (the clinician's entries), and merging resumes from what that save stored.
  const unsynced = useRef(new Set<ScaleId>());
  // Saves in flight, so that finishing waits for the last key press to be stored.
  const saving = useRef(new Set<Promise<unknown>>());

  // Another tab saved this visit: merge its entries into the form, keeping this tab's own.
  useEffect(() => {
    if (!isDraft) return;
    for (const a of assessments) {
      if (a.visitId !== visit.id || (inFlight.current[a.scaleId] ?? 0) > 0) continue;
      const known = base.current[a.scaleId];
      if (known !== undefined && known !== null && same(known, a.entry)) continue;
      base.current[a.scaleId] = a.entry;
      setEntries((e) => {
        const mine = e[a.scaleId];
        return { ...e, [a.scaleId]: mine && known ? mergeEntries(known, mine, a.entry) : a.entry };
      });
    }
  }, [assessments, visit.id, isDraft]);

  const saveNow = async (scaleId: ScaleId, entry: AssessmentEntry) => {
    setPending((n) => n + 1);
    inFlight.current[scaleId] = (inFlight.current[scaleId] ?? 0) + 1;
    const sentBase = base.current[scaleId] ?? null;
    base.current[scaleId] = entry;
    const resync = unsynced.current.delete(scaleId);
    const result = await saveDraftAssessment(
      { visitId: visit.id, scaleId, entry, rater, ...(resync ? {} : { base: sentBase }) },
      rater === null ? {} : { by: rater },
    );
    inFlight.current[scaleId] = (inFlight.current[scaleId] ?? 1) - 1;
    setPending((n) => n - 1);
    if (result.ok) {
      const saved = result.value.entry;
      if (!same(saved, entry)) {
        // The save merged in another tab's entries: show them, keeping what was typed since.
        base.current[scaleId] = saved;
        setEntries((e) => ({ ...e, [scaleId]: mergeEntries(entry, e[scaleId] ?? saved, saved) }));
      }
      setProblem(null);
      setSaved(`Draft saved at ${new Date().toLocaleTimeString()}: all changes saved.`);
    } else {
      unsynced.current.add(scaleId);
      setSaved(null);
      setProblem(`Not saved: ${result.reason}`);
    }
  };

  const save = (scaleId: ScaleId, entry: AssessmentEntry) => {
    const p = saveNow(scaleId, entry).finally(() => saving.current.delete(p));
    saving.current.add(p);
    return p;
  };

  /** Resolves when every save started so far has landed; true if all of them succeeded. */
  const settle = async (): Promise<boolean> => {
    await Promise.all([...saving.current]);
    return unsynced.current.size === 0;
  };

  const onChange = (scaleId: ScaleId, entry: AssessmentEntry) => {
    setEntries((e) => ({ ...e, [scaleId]: entry }));
    if (isDraft) void save(scaleId, entry);
    else {
      setSaved(null);
      setDirty((d) => new Set(d).add(scaleId));
    }
  };

  const addScale = (scaleId: ScaleId) => {
    setEntries((e) => ({ ...e, [scaleId]: emptyItemEntry(getScale(scaleId).items.length) }));
  };
  const dropScale = (scaleId: ScaleId) => {
    setEntries((e) => Object.fromEntries(Object.entries(e).filter(([id]) => id !== scaleId)));
  };

  return {
    entries,
    onChange,
    addScale,
    dropScale,
    dirty,
    clearDirty: () => setDirty(new Set()),
    pending,
    saved,
    setSaved,
    problem,
    setProblem,
    settle,
  };
}
