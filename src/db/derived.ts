/**
 * Index keys the database derives from the data. They are recomputed on every write, on
 * import and by migrations, and stripped from backups, so they can never disagree with the
 * data they come from.
 */
import type { AssessmentEntry } from '../domain/assessment';
import type { ScaleId } from '../domain/scale-types';
import { scaleOf } from '../domain/scales/registry';
import { entrySafetyChecks } from '../domain/safety';
import type { Assessment, AssessmentData, Patient, PatientData } from './schema';

// Dashes that look like '-' (hyphen, non-breaking hyphen, figure dash, en/em dash, minus,
// small and full-width hyphen-minus) and characters that cannot be seen at all.
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * Codes are unique ignoring case, surrounding spaces and look-alike characters: after
 * Unicode compatibility normalisation (NFKC: full-width 'ＤＵＰ' is 'DUP'), every dash that
 * looks like a hyphen is '-', invisible characters (zero-width space, soft hyphen) are gone
 * and runs of spaces are one. 'DEZ-001', ' dez-001', 'DEZ‑001' (non-breaking hyphen) and
 * 'DEZ-\u200B001' all clash.
 */
export function codeKeyOf(code: string): string {
  return code
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(DASHES, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Search keys of a name: the whole name and each word, lower-cased ('hui wang', 'hui', 'wang'). */
export function nameWordsOf(name: string | undefined): string[] {
  if (name === undefined) return [];
  const whole = name.trim().normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
  if (!whole) return [];
  const words = whole.split(/[\s\-–,;/]+/).filter((w) => w.length > 0);
  return [...new Set([whole, ...words])];
}

/**
 * Items whose safety rule is met: [9] for a PHQ-9 with item 9 >= 1. Read from the values as
 * stored, so an entry that no longer validates (and so has no score) keeps its flags.
 */
export function flaggedItemsOf(
  scaleId: ScaleId,
  entry: AssessmentEntry,
  /** The definition version the entry was recorded under (absent: the current one). */
  scaleVersion?: string,
): number[] {
  return entrySafetyChecks(scaleOf({ scaleId, scaleVersion }), entry)
    .filter((check) => check.status === 'flagged')
    .map((check) => check.rule.item);
}

export function withPatientKeys(data: PatientData): Patient {
  return { ...data, codeKey: codeKeyOf(data.code), nameWords: nameWordsOf(data.name) };
}

export function withAssessmentKeys(data: AssessmentData): Assessment {
  return { ...data, flaggedItems: flaggedItemsOf(data.scaleId, data.entry, data.scaleVersion) };
}

/** A copy of `record` without `keys`. */
export function omitKeys<T extends object, K extends keyof T & string>(
  record: T,
  keys: readonly K[],
): Omit<T, K> {
  const drop = new Set<string>(keys);
  const entries = Object.entries(record as Record<string, unknown>).filter(
    ([key]) => !drop.has(key),
  );
  return Object.fromEntries(entries) as Omit<T, K>;
}

/** Bookkeeping every write stamps on a record: its revision, author and device. */
const STAMP_KEYS = ['rev', 'author', 'device'] as const;

/** The data a backup carries: derived keys and the stamps (bookkeeping) left out. */
export function patientDataOf(patient: Patient): PatientData {
  return omitKeys(patient, ['codeKey', 'nameWords', ...STAMP_KEYS]);
}

export function assessmentDataOf(assessment: Assessment): AssessmentData {
  return omitKeys(assessment, ['flaggedItems', ...STAMP_KEYS]);
}

/** JSON with object keys sorted: equal for records that hold the same data. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return Object.fromEntries(entries);
  });
}

/** Top-level stamps dropped: revision, author and device are bookkeeping about the data. */
const dataOnly = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? omitKeys(value as { rev?: unknown; author?: unknown; device?: unknown }, [...STAMP_KEYS])
    : value;

/** Whether two records hold the same data (key order, absent fields and stamps ignored). */
export function sameData(a: unknown, b: unknown): boolean {
  return canonicalJson(dataOnly(a)) === canonicalJson(dataOnly(b));
}
