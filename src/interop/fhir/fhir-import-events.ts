/** Treatment events read back from MedicationAdministration, MedicationStatement, Procedure, Basic. */
import type { ExternalEvent } from '../../db/backup/external-import';
import type { EventKind } from '../../db/schema';
import type { Problems } from '../problems';
import {
  EXT_EVENT_END,
  EXT_EVENT_KIND,
  EXT_EVENT_LABEL,
  EXT_INDEX_EVENT,
  EXT_NOTE_TEXT,
  EXT_TOTAL_DOSE,
} from './fhir-codes';
import { dateOf, extensionOf, isObject, show, textOf, type Located } from './fhir-read';

const KINDS: readonly EventKind[] = [
  'single-dose',
  'medication-start',
  'medication-change',
  'medication-stop',
  'procedure',
  'note',
];

/** Which kinds each resource type may carry. */
const ALLOWED: Record<string, readonly EventKind[]> = {
  MedicationAdministration: ['single-dose'],
  MedicationStatement: ['medication-start', 'medication-change', 'medication-stop'],
  Procedure: ['procedure'],
  Basic: ['note'],
};

function kindOf(l: Located, problems: Problems): EventKind | null {
  const r = l.resource;
  const ext = extensionOf(r, EXT_EVENT_KIND);
  const allowed = ALLOWED[r.resourceType] ?? [];
  if (ext) {
    const kind = KINDS.find((k) => k === ext.valueCode);
    if (kind && allowed.includes(kind)) return kind;
    problems.add(
      `${l.path}.extension`,
      `event-kind must be one of ${allowed.join(', ')} on a ${r.resourceType} (got ${show(ext.valueCode)})`,
    );
    return null;
  }
  if (r.resourceType === 'MedicationStatement')
    return r.status === 'stopped' ? 'medication-stop' : 'medication-start';
  return allowed[0] ?? null;
}

const first = (v: unknown): unknown => (Array.isArray(v) ? (v as unknown[])[0] : undefined);
const field = (v: unknown, key: string): unknown => (isObject(v) ? v[key] : undefined);

function dosageOf(l: Located): { dose?: unknown; route?: unknown; at: string } {
  const r = l.resource;
  if (r.resourceType === 'MedicationAdministration')
    return {
      dose: field(r.dosage, 'dose'),
      route: field(r.dosage, 'route'),
      at: `${l.path}.dosage`,
    };
  const d = first(r.dosage);
  return {
    dose: field(first(field(d, 'doseAndRate')), 'doseQuantity'),
    route: field(d, 'route'),
    at: `${l.path}.dosage[0]`,
  };
}

export function readEvent(l: Located, problems: Problems): ExternalEvent | null {
  const r = l.resource;
  const before = problems.list.length;
  const kind = kindOf(l, problems);
  const isMedication = r.resourceType.startsWith('Medication');
  const concept = isMedication ? r.medicationCodeableConcept : r.code;
  const name = textOf(
    field(concept, 'text'),
    `${l.path}.${isMedication ? 'medicationCodeableConcept' : 'code'}.text`,
    200,
    problems,
  );
  if (name === undefined && problems.list.length === before)
    problems.add(
      `${l.path}.${isMedication ? 'medicationCodeableConcept' : 'code'}.text`,
      'expected the name of the drug, procedure or note',
    );
  const periodKey = r.resourceType === 'Procedure' ? 'performedPeriod' : 'effectivePeriod';
  const start =
    r.resourceType === 'Basic'
      ? r.created
      : r[periodKey] !== undefined
        ? field(r[periodKey], 'start')
        : r.effectiveDateTime;
  const date = dateOf(
    start,
    `${l.path}.${r.resourceType === 'Basic' ? 'created' : r[periodKey] !== undefined ? `${periodKey}.start` : 'effectiveDateTime'}`,
    problems,
  );
  const endRaw =
    r.resourceType === 'Basic'
      ? extensionOf(r, EXT_EVENT_END)?.valueDate
      : field(r[periodKey], 'end');
  const endDate =
    endRaw === undefined ? undefined : dateOf(endRaw, `${l.path}.${periodKey}.end`, problems);
  if (date && endDate && endDate < date)
    problems.add(
      `${l.path}.${periodKey}.end`,
      `expected a date on or after the start ${date} (got ${endDate})`,
    );
  const label =
    textOf(
      extensionOf(r, EXT_EVENT_LABEL)?.valueString,
      `${l.path}.extension(event-label)`,
      200,
      problems,
    ) ?? name;
  const index = extensionOf(r, EXT_INDEX_EVENT)?.valueBoolean;
  if (index !== undefined && typeof index !== 'boolean')
    problems.add(`${l.path}.extension(index-event)`, `expected true or false (got ${show(index)})`);
  const totalDose = textOf(
    extensionOf(r, EXT_TOTAL_DOSE)?.valueString,
    `${l.path}.extension(total-dose)`,
    200,
    problems,
  );
  const details =
    r.resourceType === 'Basic'
      ? textOf(
          extensionOf(r, EXT_NOTE_TEXT)?.valueString,
          `${l.path}.extension(note-text)`,
          2000,
          problems,
        )
      : textOf(field(first(r.note), 'text'), `${l.path}.note[0].text`, 2000, problems);
  const { dose: doseQ, route: routeC, at } = dosageOf(l);
  const doseValue = field(doseQ, 'value');
  if (
    doseValue !== undefined &&
    (typeof doseValue !== 'number' || !Number.isFinite(doseValue) || doseValue < 0)
  )
    problems.add(`${at}.dose.value`, `expected a dose of 0 or more (got ${show(doseValue)})`);
  const unit = textOf(field(doseQ, 'unit'), `${at}.dose.unit`, 40, problems);
  const route = textOf(field(routeC, 'text'), `${at}.route.text`, 40, problems);
  if (problems.list.length > before || !kind || !date || label === undefined) return null;
  return {
    at: l.path,
    date,
    kind,
    label,
    ...(isMedication && name !== undefined ? { drug: name } : {}),
    ...(typeof doseValue === 'number' ? { dose: doseValue } : {}),
    ...(unit === undefined ? {} : { unit }),
    ...(route === undefined ? {} : { route }),
    ...(totalDose === undefined ? {} : { totalDose }),
    ...(details === undefined ? {} : { details }),
    isIndex: index === true,
    ...(endDate ? { endDate } : {}),
  };
}
