/**
 * Building one assessment from spreadsheet cells (long, wide and REDCap files alike): item
 * responses, and totals or subscales that are either checked against the items (an item
 * entry; the domain computes them) or transcribed (a summary entry). Every problem names the
 * cell it comes from.
 */
import type { ExternalAssessment } from '../../db/backup/external-import';
import type { AssessmentEntry } from '../../domain/assessment';
import type { ScaleDefinition, ScaleId } from '../../domain/scale-types';
import { SCALE_IDS } from '../../domain/scales/registry';
import { scoreEntry } from '../../domain/scoring';
import { isIsoDate } from '../../domain/time';
import { validateEntry } from '../../domain/validation';
import { isClockTime } from '../../domain/visit-time';
import type { Problems } from '../problems';

/** A number read from a cell, with the cell's place for messages. */
export interface Cell {
  readonly value: number;
  readonly place: string;
}

export interface SheetMeasures {
  readonly items: ReadonlyMap<number, Cell>;
  readonly total?: Cell | undefined;
  readonly subscales: ReadonlyMap<string, Cell>;
}

const show = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}…` : text);

/** Empty = null; a plain decimal number; anything else is a problem. */
export function numberCell(
  text: string,
  place: string,
  problems: Problems,
): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (/^-?\d{1,6}(\.\d{1,20})?$/.test(t)) return Number(t);
  problems.add(place, `expected a number, or nothing when missing (got ${show(text)})`);
  return undefined;
}

export function dateCell(text: string, place: string, problems: Problems): string | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  problems.add(
    place,
    `expected a date written YYYY-MM-DD, e.g. 2023-11-24 (got ${show(text)}); format the column as yyyy-mm-dd`,
  );
  return null;
}

/** Empty = no time; 'HH:mm' (or 'H:mm', or 'HH:mm:ss' with zero seconds) on the 24-hour clock. */
export function timeCell(text: string, place: string, problems: Problems): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const m = /^(\d{1,2}):(\d{2})(:00)?$/.exec(t);
  const time = m ? `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? ''}` : '';
  if (isClockTime(time)) return time;
  problems.add(
    place,
    `expected a time of day written HH:mm on the 24-hour clock, e.g. 08:00, or nothing (got ${show(text)})`,
  );
  return undefined;
}

export function codeCell(text: string, place: string, problems: Problems): string | null {
  const t = text.trim();
  if (t !== '' && t.length <= 64) return t;
  problems.add(place, `expected the patient code, 1–64 characters (got ${show(text)})`);
  return null;
}

export function textCell(
  text: string,
  place: string,
  max: number,
  problems: Problems,
): string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (t.length <= max) return t;
  problems.add(place, `expected at most ${max} characters (got ${t.length})`);
  return undefined;
}

/** 'HAMD-17', 'hamd17', 'HAMD_17' → 'HAMD-17'. */
export function scaleIdOf(text: string): ScaleId | null {
  const key = text
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  return SCALE_IDS.find((id) => id.replace(/[^A-Z0-9]/g, '') === key) ?? null;
}

function placeOf(field: string, m: SheetMeasures, fallback: string): string {
  const item = /^item (\d+)$/.exec(field)?.[1];
  if (item) return m.items.get(Number(item))?.place ?? fallback;
  const sub = /^subscale (.+)$/.exec(field)?.[1];
  if (sub) return m.subscales.get(sub)?.place ?? fallback;
  if (field === 'total') return m.total?.place ?? fallback;
  return fallback;
}

/**
 * The entry of one scale, or null with problems added. `mode` 'auto': items when any item has
 * a value, else a summary of what is given; undefined when nothing is given at all.
 */
export function sheetAssessment(
  scale: ScaleDefinition,
  m: SheetMeasures,
  mode: 'items' | 'summary' | 'auto',
  at: string,
  rater: string | undefined,
  problems: Problems,
): ExternalAssessment | null | undefined {
  const chosen =
    mode !== 'auto'
      ? mode
      : m.items.size > 0
        ? 'items'
        : m.total || m.subscales.size
          ? 'summary'
          : null;
  if (!chosen) return undefined;
  for (const [n, cell] of m.items)
    if (!scale.items.some((i) => i.number === n))
      problems.add(cell.place, `${scale.id} has no item ${n} (items 1–${scale.items.length})`);
  const entry: AssessmentEntry =
    chosen === 'items'
      ? { mode: 'items', responses: scale.items.map((i) => m.items.get(i.number)?.value ?? null) }
      : {
          mode: 'summary',
          total: m.total?.value ?? null,
          subscales: Object.fromEntries([...m.subscales].map(([id, c]) => [id, c.value])),
          items: Object.fromEntries([...m.items].map(([n, c]) => [String(n), c.value])),
        };
  const valid = validateEntry(scale, entry);
  if (!valid.ok) {
    for (const issue of valid.issues)
      problems.add(placeOf(issue.field, m, at), issue.message.replace(/\.$/, ''));
    return null;
  }
  if (chosen === 'items') {
    const scored = scoreEntry(scale, entry);
    if (!scored.ok) return null;
    const check = (cell: Cell | undefined, expected: number | null, what: string) => {
      if (!cell) return;
      if (expected === null)
        problems.add(
          cell.place,
          `expected nothing: the ${what} cannot be computed, as items are missing (got ${cell.value})`,
        );
      else if (Math.abs(cell.value - expected) > 0.005)
        problems.add(
          cell.place,
          `expected ${expected}, the ${what} of the item responses (got ${cell.value})`,
        );
    };
    check(m.total, scored.score.total, `${scale.id} total`);
    for (const s of scored.score.subscales)
      check(m.subscales.get(s.id), s.score, `${scale.id} ${s.name}`);
    for (const [id, cell] of m.subscales)
      if (!scale.subscales.some((s) => s.id === id))
        problems.add(cell.place, `${scale.id} has no subscale ${id}`);
  }
  return { at, scaleId: scale.id, entry, ...(rater === undefined ? {} : { rater }) };
}
