/**
 * Importing records that come from another system (FHIR, REDCap, a spreadsheet). Those files
 * carry no record ids: patients are matched by code, visits by date, assessments by scale
 * within the visit, treatment events by date, kind and label. Each file's reader (src/interop)
 * gives an ExternalImport; `prepareExternalImport` matches it against what is stored and turns
 * it into a backup that holds, for a patient already stored, the stored records with the
 * file's laid over them (so nothing of theirs is deleted), and checks that backup with the
 * backup's own reader. The import itself is `importBackup`: one transaction, one history
 * group, all or nothing.
 */
import type { AssessmentEntry } from '../../domain/assessment';
import type { ScaleId } from '../../domain/scale-types';
import { getScale } from '../../domain/scales/registry';
import { dateTimeText, visitSlotClash, type ClockTime } from '../../domain/visit-time';
import { db } from '../db';
import { assessmentDataOf, codeKeyOf, omitKeys, patientDataOf, sameData } from '../derived';
import { readPatientBundle, type PatientBundle } from '../patient-bundle';
import { withoutStamps } from '../revision';
import { refuseAll, succeed, type DbResult } from '../result';
import type {
  AssessmentData,
  PatientData,
  RecordStatus,
  Sex,
  TreatmentEvent,
  Visit,
} from '../schema';
import { newId, nowIso, runRead } from '../write';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type Backup,
  type ValidBackup,
} from './backup-format';
import { APP_VERSION } from './app-version';
import { backupToJson } from './backup-text';
import { parseBackup } from './parse-backup';

/** Where a record came from in its file, for messages: "row 12", "Bundle.entry[4].resource". */
export type SourcePlace = string;

export interface ExternalAssessment {
  readonly at: SourcePlace;
  readonly scaleId: ScaleId;
  /** The definition version the file names (absent: the current one). */
  readonly scaleVersion?: string;
  readonly entry: AssessmentEntry;
  readonly rater?: string;
}

export interface ExternalVisit {
  readonly at: SourcePlace;
  readonly date: string;
  /** The time of day ('HH:mm', local wall-clock), when the file gives one. */
  readonly time?: ClockTime | undefined;
  readonly status: RecordStatus;
  readonly assessments: readonly ExternalAssessment[];
}

export type ExternalEvent = Omit<TreatmentEvent, 'id' | 'patientId'> & { readonly at: SourcePlace };

export interface ExternalPatient {
  readonly at: SourcePlace;
  readonly code: string;
  readonly name?: string;
  readonly sex?: Sex;
  readonly birthYear?: number;
  readonly events: readonly ExternalEvent[];
  readonly visits: readonly ExternalVisit[];
}

export interface ExternalImport {
  /** 'FHIR Bundle', 'REDCap data', 'CSV (long)', 'CSV (wide)'. */
  readonly source: string;
  readonly patients: readonly ExternalPatient[];
}

/** What importing would do to one patient of the file. */
export interface ExternalPatientPlan {
  readonly code: string;
  /** new: not stored; identical: stored exactly so; changes: stored, and the file adds or changes records. */
  readonly kind: 'new' | 'identical' | 'changes';
  readonly newVisits: number;
  readonly newAssessments: number;
  readonly newEvents: number;
  /** Assessments stored with other values, e.g. "2023-12-07 HAMD-17". */
  readonly changed: readonly string[];
}

export interface ExternalPlan {
  readonly source: string;
  readonly patients: readonly ExternalPatientPlan[];
  readonly visits: number;
  readonly assessments: number;
  /** The checked backup to give importBackup ('replace' writes the changes, 'skip' only new patients). */
  readonly backup: ValidBackup;
}

type Stored = Awaited<ReturnType<typeof readPatientBundle>>;

const eventKey = (e: { date: string; kind: string; label: string }) =>
  `${e.date}/${e.kind}/${e.label}`;

interface Merged {
  readonly plan: ExternalPatientPlan;
  readonly patient: PatientData;
  readonly events: TreatmentEvent[];
  readonly visits: Visit[];
  readonly assessments: AssessmentData[];
  readonly safetyAcks: Stored['safetyAcks'];
}

/**
 * A stored patient's records as a backup holds them: without their revisions (a backup
 * carries none; the write gives every record its next one).
 */
function unrevised(b: PatientBundle): PatientBundle {
  return {
    patient: b.patient && withoutStamps(b.patient),
    events: b.events.map(withoutStamps),
    visits: b.visits.map(withoutStamps),
    assessments: b.assessments.map(withoutStamps),
    safetyAcks: b.safetyAcks.map(withoutStamps),
  };
}

/** The stored patient (if any) with the file's records laid over; problems name the file's places. */
function merge(
  file: ExternalPatient,
  stored: Stored | null,
  now: string,
  problems: string[],
): Merged {
  const base = stored?.patient ? patientDataOf(stored.patient) : null;
  const patientId = base?.id ?? newId();
  const fields = {
    ...(file.name === undefined ? {} : { name: file.name }),
    ...(file.sex === undefined ? {} : { sex: file.sex }),
    ...(file.birthYear === undefined ? {} : { birthYear: file.birthYear }),
  };
  const laid = base ? { ...base, ...fields } : null;
  const patient: PatientData =
    laid && base
      ? sameData(laid, base)
        ? base
        : { ...laid, updatedAt: now }
      : { id: patientId, code: file.code, ...fields, createdAt: now, updatedAt: now };
  const events = [...(stored?.events ?? [])];
  const knownEvents = new Set(events.map(eventKey));
  let newEvents = 0;
  const storedIndex = events.find((e) => e.isIndex);
  for (const e of file.events) {
    if (knownEvents.has(eventKey(e))) continue;
    if (e.isIndex && storedIndex)
      problems.push(
        `${e.at}: marks ${e.label} on ${e.date} as the index event, but patient ${file.code} already has one here (${storedIndex.label} on ${storedIndex.date}); a patient has at most one`,
      );
    events.push({ ...omitKeys(e, ['at']), id: newId(), patientId });
    knownEvents.add(eventKey(e));
    newEvents += 1;
  }
  const visits = [...(stored?.visits ?? [])];
  const assessments = (stored?.assessments ?? []).map(assessmentDataOf);
  let newVisits = 0;
  let newAssessments = 0;
  const changed: string[] = [];
  for (const v of file.visits) {
    // Matched by date and time: two visits on one day with distinct times are two visits.
    const same = visits.find((s) => s.date === v.date && (s.time ?? '') === (v.time ?? ''));
    const clash = same ? null : visitSlotClash(visits, { id: '', ...v }, file.code);
    if (clash) {
      problems.push(`${v.at}: ${clash}`);
      continue;
    }
    if (same && same.status !== v.status) {
      problems.push(
        `${v.at}: the visit of ${v.date} is ${v.status} in the file but ${same.status === 'draft' ? 'in progress (draft)' : 'finished'} here; finish or change it in the app first`,
      );
      continue;
    }
    const draft = visits.find((s) => s.status === 'draft');
    if (!same && v.status === 'draft' && draft) {
      problems.push(
        `${v.at}: a visit in progress on ${v.date}, but patient ${file.code} already has one on ${draft.date}; a patient has at most one`,
      );
    }
    const visit: Visit = same ?? {
      id: newId(),
      patientId,
      date: v.date,
      ...(v.time ? { time: v.time } : {}),
      status: v.status,
      createdAt: now,
      updatedAt: now,
      ...(v.status === 'final' ? { finalizedAt: now } : {}),
    };
    if (!same) {
      visits.push(visit);
      newVisits += 1;
    }
    for (const a of v.assessments) {
      const scaleVersion = a.scaleVersion ?? getScale(a.scaleId).version;
      const at = assessments.findIndex((s) => s.visitId === visit.id && s.scaleId === a.scaleId);
      const old = assessments[at];
      const next: AssessmentData = {
        id: old?.id ?? newId(),
        visitId: visit.id,
        patientId,
        date: visit.date,
        scaleId: a.scaleId,
        scaleVersion,
        entry: a.entry,
        ...(a.rater === undefined ? {} : { rater: a.rater }),
        status: visit.status,
        updatedAt: now,
      };
      if (!old) {
        assessments.push(next);
        newAssessments += 1;
      } else if (
        !sameData(old.entry, next.entry) ||
        (a.rater !== undefined && a.rater !== old.rater) ||
        old.scaleVersion !== scaleVersion
      ) {
        assessments[at] = a.rater === undefined && old.rater ? { ...next, rater: old.rater } : next;
        changed.push(`${dateTimeText(v)} ${a.scaleId}`);
      }
    }
  }
  const touched = newEvents + newVisits + newAssessments + changed.length;
  const kind = !base ? 'new' : touched === 0 && patient === base ? 'identical' : 'changes';
  return {
    plan: { code: file.code, kind, newVisits, newAssessments, newEvents, changed },
    patient,
    events,
    visits,
    assessments,
    safetyAcks: stored?.safetyAcks ?? [],
  };
}

/**
 * Matches the file against the database (in one read) and checks the result with the
 * backup's reader. A failure lists every problem; nothing has been written either way.
 */
export async function prepareExternalImport(file: ExternalImport): Promise<DbResult<ExternalPlan>> {
  const now = nowIso();
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const p of file.patients) {
    const earlier = seen.get(codeKeyOf(p.code));
    if (earlier !== undefined)
      problems.push(
        `${p.at}: patient ${p.code} appears again (first at ${earlier}); codes are unique, ignoring case`,
      );
    else seen.set(codeKeyOf(p.code), p.at);
  }
  if (problems.length) return refuseAll(problems);
  const merged = await runRead(async () => {
    const out: Merged[] = [];
    for (const p of file.patients) {
      const stored = await db.patients.where('codeKey').equals(codeKeyOf(p.code)).first();
      out.push(
        merge(p, stored ? unrevised(await readPatientBundle(stored.id)) : null, now, problems),
      );
    }
    return out;
  });
  if (problems.length) return refuseAll(problems);
  const backup: Backup = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: now,
    appVersion: APP_VERSION,
    scope: 'all',
    patients: merged.map((m) => m.patient),
    events: merged.flatMap((m) => m.events),
    visits: merged.flatMap((m) => m.visits),
    assessments: merged.flatMap((m) => m.assessments),
    safetyAcks: merged.flatMap((m) => m.safetyAcks),
  };
  // The backup's reader is the last word: the same checks as any backup file.
  const checked = parseBackup(backupToJson(backup));
  if (!checked.ok) return refuseAll(checked.issues.map((i) => `${file.source}: ${i}`));
  return succeed({
    source: file.source,
    patients: merged.map((m) => m.plan),
    visits: file.patients.reduce((n, p) => n + p.visits.length, 0),
    assessments: file.patients.reduce(
      (n, p) => n + p.visits.reduce((k, v) => k + v.assessments.length, 0),
      0,
    ),
    backup: checked.value,
  });
}
