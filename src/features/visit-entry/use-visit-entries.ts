import { useEffect, useRef, useState } from 'react';
import { saveDraftAssessment } from '../../db/assessments-repo';
import { revNumber } from '../../db/revision';
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
 * for an explicit save (`dirty`). When the same visit is open in another tab, saves and live
 * updates are merged three-way so neither tab erases the other's items.
 *
 * Race-free by construction: `latest` (a ref, updated synchronously) is the one truth of
 * what this tab shows. A key press arrives as the entry the child rendered plus one change;
 * only that change is applied, on top of `latest` (which a live update may have moved on
 * since that render), so a stale render can never put back values another tab replaced.
 */
export function useVisitEntries(
  visit: Visit,
  assessments: readonly Assessment[],
  defaultScales: readonly ScaleId[],
  rater: string | null,
) {
  const isDraft = visit.status === 'draft';
  const stored = assessments.filter((a) => a.visitId === visit.id);
  const latest = useRef<Entries>(
    Object.fromEntries(
      stored.length
        ? stored.map((a) => [a.scaleId, a.entry])
        : defaultScales.map((id) => [id, emptyItemEntry(getScale(id).items.length)]),
    ),
  );
  const [entries, setEntriesState] = useState<Entries>(latest.current);
  const setEntries = (next: Entries) => {
    latest.current = next;
    setEntriesState(next);
  };
  const [dirty, setDirty] = useState<Set<ScaleId>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Writes in flight: the status says "Saving…" until every one has landed.
  const [pending, setPending] = useState(0);
  // Per scale, the stored entry this tab's entries are based on: what it last sent or took
  // from the store. The base of every three-way merge (domain/entry-merge.ts), and of the
  // explicit save of a final visit (which names the entry it edited).
  const base = useRef<Partial<Record<ScaleId, AssessmentEntry | null>>>(
    Object.fromEntries(stored.map((a) => [a.scaleId, a.entry])),
  );
  // Per scale, the revision `base` was stored under. Revisions only grow, so a live query
  // that delivers an older state (it can lag behind this tab's own save) is never taken
  // for news: the form never goes back.
  const baseRev = useRef<Partial<Record<ScaleId, number>>>(
    Object.fromEntries(stored.map((a) => [a.scaleId, revNumber(a.rev)])),
  );
  const inFlight = useRef<Partial<Record<ScaleId, number>>>({});
  // Per scale, the save that produced the newest stored revision: what it sent and stored.
  const newest = useRef<
    Partial<Record<ScaleId, { sent: AssessmentEntry; stored: AssessmentEntry }>>
  >({});
  // After a failed save the store no longer matches `base`: the next save writes the form
  // as it stands (the clinician's entries), and merging resumes from what that save stored.
  const unsynced = useRef(new Set<ScaleId>());
  const dirtyRef = useRef(new Set<ScaleId>());
  // Per scale, the entry waiting for the in-flight save to land (see save).
  const queued = useRef<
    Partial<Record<ScaleId, { entry: AssessmentEntry; promise: Promise<void>; done: () => void }>>
  >({});
  // Saves in flight, so that finishing waits for the last key press to be stored.
  const saving = useRef(new Set<Promise<unknown>>());
  const storedNow = useRef(assessments);
  storedNow.current = assessments;

  /**
   * Brings the store's entries into the form: a scale with no save in flight takes the
   * stored entry merged with this tab's own unsaved changes (final visits: scales not being
   * edited simply follow the store). Run on every live update and after every save lands,
   * so an update that arrived while a save was in flight is never skipped.
   */
  const reconcile = () => {
    let next = latest.current;
    for (const a of storedNow.current) {
      if (a.visitId !== visit.id || (inFlight.current[a.scaleId] ?? 0) > 0) continue;
      if (revNumber(a.rev) <= (baseRev.current[a.scaleId] ?? -1)) continue;
      const known = base.current[a.scaleId];
      if (!isDraft && dirtyRef.current.has(a.scaleId)) continue; // kept for the explicit save
      base.current[a.scaleId] = a.entry;
      baseRev.current[a.scaleId] = revNumber(a.rev);
      const mine = next[a.scaleId];
      const merged = mine && known ? mergeEntries(known, mine, a.entry) : a.entry;
      if (!same(merged, mine)) next = { ...next, [a.scaleId]: merged };
      if (isDraft && mine && known && !same(merged, a.entry)) unsynced.current.add(a.scaleId);
    }
    if (next !== latest.current) setEntries(next);
  };

  // Another tab saved this visit: merge its entries into the form, keeping this tab's own.
  // reconcile reads refs only (storedNow follows `assessments`), so these are its inputs.
  useEffect(reconcile, [assessments, visit.id, isDraft]);

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
    // Key presses that arrived while this save was in flight: one write for all of them,
    // started before this one counts as done, so the form never looks settled in between.
    const next = queued.current[scaleId];
    if (next) {
      queued.current = Object.fromEntries(
        Object.entries(queued.current).filter(([id]) => id !== scaleId),
      );
      void start(scaleId, next.entry).then(next.done);
    }
    inFlight.current[scaleId] = (inFlight.current[scaleId] ?? 1) - 1;
    setPending((n) => n - 1);
    if (result.ok) {
      // Saves of one scale may land in any order: the highest revision is the newest state.
      const rev = revNumber(result.value.rev);
      if (rev > (baseRev.current[scaleId] ?? -1)) {
        baseRev.current[scaleId] = rev;
        newest.current[scaleId] = { sent: entry, stored: result.value.entry };
      }
      const last = newest.current[scaleId];
      if ((inFlight.current[scaleId] ?? 0) === 0 && last) {
        // The run of saves is over: what is stored is the base now. It may hold another
        // tab's items merged in: show them, keeping anything this tab changed since.
        const mine = latest.current[scaleId] ?? last.stored;
        base.current[scaleId] = last.stored;
        const merged = mergeEntries(last.sent, mine, last.stored);
        if (!same(merged, mine)) setEntries({ ...latest.current, [scaleId]: merged });
        if (!same(merged, last.stored)) unsynced.current.add(scaleId);
      }
      setProblem(null);
      setSaved(`Draft saved at ${new Date().toLocaleTimeString()}: all changes saved.`);
    } else {
      unsynced.current.add(scaleId);
      setSaved(null);
      setProblem(`Not saved: ${result.reason}`);
    }
    reconcile();
  };

  /**
   * Saves at once when no save of this scale is in flight; otherwise the entry waits as the
   * one queued write of the scale (a later key press replaces it), sent the moment the
   * in-flight save lands. Fast typing costs one write per landing instead of one per key,
   * and no key waits longer than it would have in a queue of writes.
   */
  const save = (scaleId: ScaleId, entry: AssessmentEntry): Promise<void> => {
    if ((inFlight.current[scaleId] ?? 0) > 0) {
      const waiting = queued.current[scaleId];
      if (waiting) {
        waiting.entry = entry;
        return waiting.promise;
      }
      let done: () => void = () => undefined;
      const promise = new Promise<void>((resolve) => {
        done = resolve;
      });
      queued.current[scaleId] = { entry, promise, done };
      const p = promise.finally(() => saving.current.delete(p));
      saving.current.add(p);
      return promise;
    }
    return start(scaleId, entry);
  };

  function start(scaleId: ScaleId, entry: AssessmentEntry): Promise<void> {
    const p = saveNow(scaleId, entry).finally(() => saving.current.delete(p));
    saving.current.add(p);
    return p;
  }

  /** Resolves when every save started so far has landed; true if all of them succeeded. */
  const settle = async (): Promise<boolean> => {
    while (saving.current.size > 0) await Promise.all([...saving.current]);
    if (unsynced.current.size > 0) {
      // Something this tab shows is not what is stored (a merge after a failed save):
      // send it now, once, and report whether it landed.
      for (const scaleId of [...unsynced.current]) {
        const entry = latest.current[scaleId];
        if (entry) await save(scaleId, entry);
      }
    }
    return unsynced.current.size === 0;
  };

  /**
   * One accepted change: `next` is the entry the child built from `rendered` (the entry it
   * was drawn with). Only what differs between them is applied, on top of what this tab
   * holds now.
   */
  const onChange = (scaleId: ScaleId, next: AssessmentEntry, rendered?: AssessmentEntry) => {
    const now = latest.current[scaleId];
    const entry = rendered && now ? mergeEntries(rendered, next, now) : next;
    setEntries({ ...latest.current, [scaleId]: entry });
    if (isDraft) void save(scaleId, entry);
    else {
      setSaved(null);
      dirtyRef.current.add(scaleId);
      setDirty(new Set(dirtyRef.current));
    }
  };

  /** A final visit's scale saved explicitly: `stored` is the new base, and the form shows it. */
  const acceptSaved = (scaleId: ScaleId, stored: Assessment) => {
    base.current[scaleId] = stored.entry;
    baseRev.current[scaleId] = revNumber(stored.rev);
    dirtyRef.current.delete(scaleId);
    setDirty(new Set(dirtyRef.current));
    setEntries({ ...latest.current, [scaleId]: stored.entry });
  };

  const addScale = (scaleId: ScaleId) => {
    setEntries({ ...latest.current, [scaleId]: emptyItemEntry(getScale(scaleId).items.length) });
  };
  const dropScale = (scaleId: ScaleId) => {
    setEntries(Object.fromEntries(Object.entries(latest.current).filter(([id]) => id !== scaleId)));
  };

  return {
    entries,
    onChange,
    addScale,
    dropScale,
    dirty,
    /** The stored entry this tab's edit of `scaleId` started from (null: none was stored). */
    baseOf: (scaleId: ScaleId): AssessmentEntry | null => base.current[scaleId] ?? null,
    acceptSaved,
    pending,
    saved,
    setSaved,
    problem,
    setProblem,
    settle,
  };
}
