/**
 * A seeded, generated cohort in backup shape, for round-trip and fuzz tests: patients with
 * every kind of treatment event, final visits and at most one draft, and every scale entered
 * item by item (some items missing, PHQ-9 prorated) or as a summary.
 */
import { BACKUP_FORMAT, type Backup } from '../../db/backup/backup-format';
import type { AssessmentData, EventKind, TreatmentEvent, Visit } from '../../db/schema';
import type { AssessmentEntry } from '../../domain/assessment';
import type { ScaleDefinition } from '../../domain/scale-types';
import { SCALES } from '../../domain/scales/registry';

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(rnd: Random, list: readonly T[]): T =>
  list[Math.floor(rnd() * list.length)] as T;
const int = (rnd: Random, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));

const uuid = (rnd: Random) =>
  'xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx'.replace(/x/g, () => int(rnd, 0, 15).toString(16));

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function itemsEntry(rnd: Random, scale: ScaleDefinition): AssessmentEntry {
  const missing = scale.id === 'PHQ-9' ? int(rnd, 0, 2) : rnd() < 0.1 ? 1 : 0;
  const gaps = new Set(Array.from({ length: missing }, () => int(rnd, 1, scale.items.length - 1)));
  return {
    mode: 'items',
    responses: scale.items.map((i) => (gaps.has(i.number) ? null : int(rnd, i.min, i.max))),
  };
}

function summaryEntry(rnd: Random, scale: ScaleDefinition): AssessmentEntry {
  if (scale.subscales.length && rnd() < 0.5) {
    const subscales = Object.fromEntries(
      scale.subscales.map((s) => [s.id, s.items.reduce((n) => n + int(rnd, 0, 4), 0)]),
    );
    return { mode: 'summary', total: null, subscales, items: {} };
  }
  const scored = scale.items.filter((i) => !i.flags.includes('unscored'));
  const chosen = scored.slice(0, int(rnd, 0, Math.min(3, scored.length)));
  const items = Object.fromEntries(chosen.map((i) => [String(i.number), int(rnd, i.min, i.max)]));
  const floor = chosen.reduce((n, i) => n + (items[String(i.number)] ?? 0), 0);
  const rest = scored.filter((i) => !chosen.includes(i));
  const min = rest.reduce((n, i) => n + i.min, 0);
  const max = rest.reduce((n, i) => n + i.max, 0);
  return { mode: 'summary', total: floor + int(rnd, min, max), subscales: {}, items };
}

const KINDS: readonly EventKind[] = [
  'single-dose',
  'medication-start',
  'medication-change',
  'medication-stop',
  'procedure',
  'note',
];

function event(
  rnd: Random,
  patientId: string,
  date: string,
  kind: EventKind,
  isIndex: boolean,
): TreatmentEvent {
  const medication = kind !== 'procedure' && kind !== 'note';
  const drug = pick(rnd, ['dezocine', 'ketamine', 'sertraline', 'bupropion SR']);
  const label = medication ? drug : pick(rnd, ['rhinoplasty', 'ECT session', 'call from family']);
  return {
    id: uuid(rnd),
    patientId,
    date,
    kind,
    label,
    ...(medication ? { drug } : {}),
    ...(medication && rnd() < 0.8
      ? { dose: int(rnd, 1, 300) / 10, unit: pick(rnd, ['mg', 'mg/kg']) }
      : {}),
    ...(medication && rnd() < 0.5 ? { route: pick(rnd, ['IV', 'oral']) } : {}),
    ...(kind === 'single-dose' && rnd() < 0.5 ? { totalDose: '5 mg total' } : {}),
    ...(rnd() < 0.5 ? { details: 'given once, tolerated; note, with a comma' } : {}),
    isIndex,
    ...(kind === 'procedure' ? { endDate: addDays(date, 2) } : {}),
  };
}

export function generateCohort(seed: number, size: number): Backup {
  const rnd = seeded(seed);
  const at = '2024-01-01T00:00:00.000Z';
  const out = { patients: [], events: [], visits: [], assessments: [] } as {
    patients: Backup['patients'][number][];
    events: TreatmentEvent[];
    visits: Visit[];
    assessments: AssessmentData[];
  };
  for (let p = 0; p < size; p += 1) {
    const id = uuid(rnd);
    out.patients.push({
      id,
      code: `GEN-${String(p + 1).padStart(3, '0')}`,
      ...(rnd() < 0.5 ? { name: `Test Person ${p + 1}` } : {}),
      ...(rnd() < 0.8 ? { sex: pick(rnd, ['female', 'male', 'other', 'unknown'] as const) } : {}),
      ...(rnd() < 0.5 ? { birthYear: int(rnd, 1940, 2005) } : {}),
      createdAt: at,
      updatedAt: at,
    });
    const start = addDays('2023-01-02', int(rnd, 0, 300));
    const index = addDays(start, int(rnd, 1, 6));
    out.events.push(event(rnd, id, index, 'single-dose', true));
    // Events are told apart by date, kind and label, as an import without ids tells them apart.
    const keys = new Set([`${index}/single-dose`]);
    for (let e = int(rnd, 0, 3); e > 0; e -= 1) {
      const next = event(rnd, id, addDays(start, int(rnd, -60, 40)), pick(rnd, KINDS), false);
      const key = `${next.date}/${next.kind}/${next.label}`;
      if (!keys.has(key)) out.events.push(next);
      keys.add(key);
    }
    const visits = int(rnd, 1, 7);
    for (let v = 0; v < visits; v += 1) {
      const draft = v === visits - 1 && rnd() < 0.2;
      const visit: Visit = {
        id: uuid(rnd),
        patientId: id,
        date: addDays(start, v * 7),
        status: draft ? 'draft' : 'final',
        createdAt: at,
        updatedAt: at,
        ...(draft ? {} : { finalizedAt: at }),
      };
      out.visits.push(visit);
      for (const scale of SCALES.filter(() => rnd() < 0.6)) {
        if (scale.id === 'CGI-I' && v === 0) continue;
        out.assessments.push({
          id: uuid(rnd),
          visitId: visit.id,
          patientId: id,
          date: visit.date,
          scaleId: scale.id,
          scaleVersion: scale.version,
          entry: rnd() < 0.8 ? itemsEntry(rnd, scale) : summaryEntry(rnd, scale),
          ...(rnd() < 0.7 ? { rater: pick(rnd, ['Dr Lee', 'Dr Wang', 'nurse K']) } : {}),
          status: visit.status,
          updatedAt: at,
        });
      }
    }
  }
  // Version 1 (no checksum), so that JSON.stringify of it is a file; backupToJson writes version 2.
  return {
    format: BACKUP_FORMAT,
    formatVersion: 1,
    exportedAt: at,
    scope: 'all',
    ...out,
    safetyAcks: [],
  };
}
