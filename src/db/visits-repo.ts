/**
 * Visits. A visit starts as a draft (its assessments are drafts too); finalizing marks the
 * visit and all its assessments final in one change. A patient has at most one draft visit
 * and several visits on one day only with a time each (src/domain/visit-time.ts).
 */
import { db } from './db';
import { sameData } from './derived';
import { applyChanges, type Change, stampFor } from './history-writer';
import { compact, parseRecord } from './input';
import { patientRange } from './patient-bundle';
import { visitSchema } from './record-schemas';
import { refuse, succeed, type DbResult, type SaveResult } from './result';
import { revise, withoutStamps } from './revision';
import type { Patient, Visit } from './schema';
import { newId, nowIso, runWrite, type SaveOptions, type WriteOptions } from './write';
import { normaliseAdverseEvents } from '../domain/adverse-events';
import { visitSlotClash } from '../domain/visit-time';
import { mergeSinceLoaded } from './save-merge';

export interface VisitInput {
  readonly patientId: string;
  readonly date: string;
  /** 'HH:mm' local; needed when the patient has another visit that day. */
  readonly time?: string;
  readonly notes?: string;
}

export interface VisitChanges {
  readonly date?: string;
  /** 'HH:mm'; null clears the time. */
  readonly time?: string | null;
  /** null (or an empty string) clears the notes. */
  readonly notes?: string | null;
  /** Normalised (trimmed, no repeats); an empty list or null clears them. */
  readonly adverseEvents?: readonly string[] | null;
}

/** A visit cannot be dated before the patient was born (a mistyped year). */
function beforeBirth(patient: Patient | undefined, date: string): string | null {
  if (patient?.birthYear === undefined || Number(date.slice(0, 4)) >= patient.birthYear)
    return null;
  return `The visit date ${date} is before ${patient.code}'s birth year (${patient.birthYear}). Check the year.`;
}

function visitsOf(patientId: string): Promise<Visit[]> {
  const [from, to] = patientRange(patientId);
  return db.visits.where('[patientId+date]').between(from, to, true, true).toArray();
}

// Read apart (patient-queries.ts) so the first screen loads no record schemas.
export { getDraftVisit } from './patient-queries';

export function createVisit(
  input: VisitInput,
  options: WriteOptions = {},
): Promise<DbResult<Visit>> {
  return runWrite(async () => {
    const patient = await db.patients.get(input.patientId);
    if (!patient) return refuse(`There is no patient with id ${input.patientId}.`);
    const now = nowIso();
    const parsed = parseRecord(
      visitSchema,
      compact({ ...input, id: newId(), status: 'draft', createdAt: now, updatedAt: now }),
    );
    if (!parsed.ok) return parsed;
    const visit = revise(null, { ...parsed.value, ...stampFor(options.by) });
    const impossible = beforeBirth(patient, visit.date);
    if (impossible) return refuse(impossible);
    const visits = await visitsOf(visit.patientId);
    const draft = visits.find((v) => v.status === 'draft');
    if (draft) {
      return refuse(
        `${patient.code} already has a draft visit (${draft.date}): finish or delete it first.`,
      );
    }
    const clash = visitSlotClash(visits, visit, patient.code);
    if (clash) return refuse(clash);
    await applyChanges({ name: `start visit ${visit.date}`, by: options.by }, [
      { table: 'visits', before: null, after: visit },
    ]);
    return succeed(visit);
  });
}

/**
 * Changes date, notes or adverse events. A new date is copied to the visit's assessments.
 * `options.base` is the visit as the screen loaded it: a save against a visit changed since
 * merges field by field or stops with both values (see updatePatient).
 */
export function updateVisit(
  id: string,
  changes: VisitChanges,
  options: SaveOptions<Visit>,
): Promise<SaveResult<Visit>> {
  return runWrite<Visit, SaveResult<Visit> & { ok: false }>(async () => {
    const existing = await db.visits.get(id);
    if (!existing) return refuse(`There is no visit with id ${id}.`);
    const events =
      changes.adverseEvents === undefined
        ? {}
        : { adverseEvents: normaliseAdverseEvents(changes.adverseEvents ?? []) };
    let merged = compact({
      ...withoutStamps(options.base),
      ...changes,
      ...events,
      ...(events.adverseEvents?.length === 0 ? { adverseEvents: null } : {}),
    });
    const outcome = mergeSinceLoaded(existing, options, merged, {
      what: `The visit of ${existing.date}`,
      ignore: ['id', 'patientId', 'createdAt', 'updatedAt'],
      label: (key) =>
        key === 'notes'
          ? 'visit notes'
          : key === 'date'
            ? 'visit date'
            : key === 'time'
              ? 'visit time'
              : key === 'adverseEvents'
                ? 'adverse events'
                : key,
    });
    if (!outcome.ok) return outcome;
    merged = outcome.value;
    if (sameData({ ...merged, updatedAt: existing.updatedAt }, existing)) return succeed(existing);
    const parsed = parseRecord(visitSchema, { ...merged, updatedAt: nowIso() });
    if (!parsed.ok) return parsed;
    const visit = revise(existing, { ...parsed.value, ...stampFor(options.by) });
    if (visit.date !== existing.date || visit.time !== existing.time) {
      const patient = await db.patients.get(visit.patientId);
      const impossible = visit.date !== existing.date ? beforeBirth(patient, visit.date) : null;
      if (impossible) return refuse(impossible);
      const clash = visitSlotClash(
        await visitsOf(visit.patientId),
        visit,
        patient?.code ?? 'This patient',
      );
      if (clash) return refuse(clash);
    }
    await applyChanges({ name: `edit visit ${visit.date}`, by: options.by }, [
      { table: 'visits', before: existing, after: visit },
    ]);
    // The assessments' date is a copy kept for indexed queries, not a clinical change of
    // the assessment: it follows the visit without history entries of its own.
    if (visit.date !== existing.date) {
      // Each copy still gets its next revision, so a replica sees that the record changed.
      await db.assessments
        .where('visitId')
        .equals(id)
        .modify((a, ref) => {
          ref.value = revise(a, { ...a, date: visit.date, ...stampFor(options.by) });
        });
    }
    return succeed(visit);
  });
}

/** Marks the visit and every assessment in it final, in one change. */
export function finalizeVisit(
  visitId: string,
  options: WriteOptions = {},
): Promise<DbResult<Visit>> {
  return runWrite(async () => {
    const visit = await db.visits.get(visitId);
    if (!visit) return refuse(`There is no visit with id ${visitId}.`);
    if (visit.status === 'final') return refuse(`The visit of ${visit.date} is already final.`);
    const now = nowIso();
    const final: Visit = revise(visit, {
      ...visit,
      status: 'final',
      finalizedAt: now,
      updatedAt: now,
      ...stampFor(options.by),
    });
    const assessments = await db.assessments.where('visitId').equals(visitId).toArray();
    await applyChanges({ name: `finalize visit ${visit.date}`, by: options.by }, [
      { table: 'visits', before: visit, after: final },
      ...assessments.map((a): Change => ({
        table: 'assessments',
        before: a,
        after: { ...a, status: 'final', updatedAt: now },
      })),
    ]);
    return succeed(final);
  });
}

/** Deletes the visit with its assessments and their safety acknowledgements, in one change. */
export function deleteVisit(
  id: string,
  options: WriteOptions = {},
): Promise<DbResult<{ records: number }>> {
  return runWrite(async () => {
    const visit = await db.visits.get(id);
    if (!visit) return refuse(`There is no visit with id ${id}.`);
    const assessments = await db.assessments.where('visitId').equals(id).toArray();
    const acks = await db.safetyAcks
      .where('assessmentId')
      .anyOf(assessments.map((a) => a.id))
      .toArray();
    const changes: Change[] = [
      ...acks.map((r): Change => ({ table: 'safetyAcks', before: r, after: null })),
      ...assessments.map((r): Change => ({ table: 'assessments', before: r, after: null })),
      { table: 'visits', before: visit, after: null },
    ];
    // A visit chosen as baseline takes the choice with it (the default rule applies again).
    const patient = await db.patients.get(visit.patientId);
    if (patient?.baselineVisitId === id) {
      const after = { ...patient, updatedAt: nowIso() };
      delete (after as { baselineVisitId?: string }).baselineVisitId;
      changes.push({ table: 'patients', before: patient, after });
    }
    await applyChanges({ name: `delete visit ${visit.date}`, by: options.by }, changes);
    return succeed({ records: changes.length });
  });
}
