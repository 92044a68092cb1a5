/**
 * Treatment events on a patient's course. At most one event per patient is the index event
 * (time is counted from it): making one the index clears the others in the same change.
 */
import { DRUG_EVENT_KINDS, structuredDrugName } from '../domain/cohort/drug-name';
import { db } from './db';
import { sameData } from './derived';
import { applyChanges, type Change, stampFor } from './history-writer';
import { compact, parseRecord } from './input';
import { patientRange } from './patient-bundle';
import { eventSchema } from './record-schemas';
import { refuse, succeed, type DbResult, type SaveResult } from './result';
import { revise, withoutStamps } from './revision';
import type { EventKind, TreatmentEvent } from './schema';
import { newId, runWrite, type SaveOptions, type WriteOptions } from './write';
import { mergeSinceLoaded } from './save-merge';

export interface EventInput {
  readonly patientId: string;
  readonly date: string;
  /** 'HH:mm' local: when a dose was given, for hours since the index event. */
  readonly time?: string;
  readonly kind: EventKind;
  readonly label: string;
  readonly drug?: string;
  readonly dose?: number;
  readonly unit?: string;
  readonly route?: string;
  readonly totalDose?: string;
  readonly details?: string;
  /** Default false. */
  readonly isIndex?: boolean;
  readonly endDate?: string;
}

/** Fields to change; null (or an empty string) clears an optional field. */
export interface EventChanges {
  readonly date?: string;
  readonly time?: string | null;
  readonly kind?: EventKind;
  readonly label?: string;
  readonly drug?: string | null;
  readonly dose?: number | null;
  readonly unit?: string | null;
  readonly route?: string | null;
  readonly totalDose?: string | null;
  readonly details?: string | null;
  readonly isIndex?: boolean;
  readonly endDate?: string | null;
}

/** The other events of the patient that must stop being the index when `event` becomes it. */
async function clearOtherIndex(event: TreatmentEvent): Promise<Change[]> {
  if (!event.isIndex) return [];
  const [from, to] = patientRange(event.patientId);
  const others = await db.events
    .where('[patientId+date]')
    .between(from, to, true, true)
    .filter((e) => e.isIndex && e.id !== event.id)
    .toArray();
  return others.map((e): Change => ({
    table: 'events',
    before: e,
    after: { ...e, isIndex: false },
  }));
}

/**
 * A dose or medication event always carries a structured drug name (the drug as typed,
 * spaces tidied, else the label), so patients group by drug (src/domain/cohort/drug-name.ts).
 */
function withDrugName(raw: Record<string, unknown>): Record<string, unknown> {
  const { kind, label, drug } = raw;
  if (typeof kind !== 'string' || !DRUG_EVENT_KINDS.includes(kind) || typeof label !== 'string')
    return raw;
  const name = structuredDrugName(typeof drug === 'string' ? { drug, label } : { label });
  return name === null || name === drug ? raw : { ...raw, drug: name };
}

export function addEvent(
  input: EventInput,
  options: WriteOptions = {},
): Promise<DbResult<TreatmentEvent>> {
  return runWrite(async () => {
    const patient = await db.patients.get(input.patientId);
    if (!patient) return refuse(`There is no patient with id ${input.patientId}.`);
    const parsed = parseRecord(
      eventSchema,
      withDrugName(compact({ isIndex: false, ...input, id: newId() })),
    );
    if (!parsed.ok) return parsed;
    const event = revise(null, { ...parsed.value, ...stampFor(options.by) });
    await applyChanges({ name: `add ${event.label}`, by: options.by }, [
      ...(await clearOtherIndex(event)),
      { table: 'events', before: null, after: event },
    ]);
    return succeed(event);
  });
}

const EVENT_FIELDS: Readonly<Record<string, string>> = {
  date: 'date',
  kind: 'kind',
  label: 'label',
  drug: 'drug',
  dose: 'dose',
  unit: 'unit',
  route: 'route',
  totalDose: 'total dose',
  details: 'details',
  isIndex: 'index event',
  endDate: 'end date',
};

/**
 * Saves an event form. `options.base` is the event as the form loaded it; a save against an
 * event changed since merges field by field, or stops with both values of each field changed
 * in both places (see updatePatient).
 */
export function updateEvent(
  id: string,
  changes: EventChanges,
  options: SaveOptions<TreatmentEvent>,
): Promise<SaveResult<TreatmentEvent>> {
  return runWrite<TreatmentEvent, SaveResult<TreatmentEvent> & { ok: false }>(async () => {
    const existing = await db.events.get(id);
    if (!existing) return refuse(`There is no treatment event with id ${id}.`);
    let merged = compact({ ...withoutStamps(options.base), ...changes });
    const outcome = mergeSinceLoaded(existing, options, merged, {
      what: `Treatment event ${existing.label}`,
      ignore: ['id', 'patientId'],
      label: (key) => EVENT_FIELDS[key] ?? key,
    });
    if (!outcome.ok) return outcome;
    merged = outcome.value;
    if (sameData(merged, existing)) return succeed(existing);
    const parsed = parseRecord(eventSchema, withDrugName(merged));
    if (!parsed.ok) return parsed;
    const event = revise(existing, { ...parsed.value, ...stampFor(options.by) });
    await applyChanges({ name: `edit ${event.label}`, by: options.by }, [
      ...(await clearOtherIndex(event)),
      { table: 'events', before: existing, after: event },
    ]);
    return succeed(event);
  });
}

export function deleteEvent(
  id: string,
  options: WriteOptions = {},
): Promise<DbResult<TreatmentEvent>> {
  return runWrite(async () => {
    const existing = await db.events.get(id);
    if (!existing) return refuse(`There is no treatment event with id ${id}.`);
    await applyChanges({ name: `delete ${existing.label}`, by: options.by }, [
      { table: 'events', before: existing, after: null },
    ]);
    return succeed(existing);
  });
}

/** Makes `eventId` the patient's index event (null: no index event), in one change. */
export function setIndexEvent(
  patientId: string,
  eventId: string | null,
  options: WriteOptions = {},
): Promise<DbResult<TreatmentEvent | null>> {
  return runWrite(async () => {
    const [from, to] = patientRange(patientId);
    const events = await db.events
      .where('[patientId+date]')
      .between(from, to, true, true)
      .toArray();
    const target = eventId === null ? null : events.find((e) => e.id === eventId);
    if (target === undefined)
      return refuse(`Patient ${patientId} has no treatment event with id ${String(eventId)}.`);
    const changes = events
      .filter((e) => e.isIndex !== (e.id === eventId))
      .map((e): Change => ({
        table: 'events',
        before: e,
        after: { ...e, isIndex: e.id === eventId },
      }));
    if (changes.length) {
      const name = target ? `make ${target.label} the index event` : 'clear the index event';
      await applyChanges({ name, by: options.by }, changes);
    }
    return succeed(target ? { ...target, isIndex: true } : null);
  });
}
