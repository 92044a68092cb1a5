/**
 * Safety items for the printed summary, over the whole record whatever scales or dates are
 * chosen: a flag must never drop off the paper because a scale was left out. Flagged items
 * come with their acknowledgement (who, when, note) or are marked as NOT acknowledged; the
 * rule is the repository's: an acknowledgement holds for the value it acknowledged.
 */
import type { AssessmentEntry } from '../../domain/assessment';
import { entrySafetyChecks, safetyChecks, type SafetyStatus } from '../../domain/safety';
import { scaleOf } from '../../domain/scales/registry';
import type { ScaleId } from '../../domain/scale-types';
import { scoreEntry } from '../../domain/scoring';
import type { IsoDate } from '../../domain/time';

export interface SafetyAssessment {
  readonly id: string;
  readonly date: IsoDate;
  readonly scaleId: ScaleId;
  /** The definition version it was recorded under (absent: the current one). */
  readonly scaleVersion?: string;
  readonly entry: AssessmentEntry;
  readonly status: 'draft' | 'final';
}

export interface SafetyAckLike {
  readonly assessmentId: string;
  readonly item: number;
  readonly value: number;
  readonly acknowledgedBy: string;
  readonly acknowledgedAt: string;
  readonly note?: string | undefined;
}

export interface FlagLine {
  readonly key: string;
  readonly date: IsoDate;
  readonly scaleId: ScaleId;
  readonly item: number;
  readonly value: number;
  readonly message: string;
  readonly draft: boolean;
  /** null: NOT acknowledged (open). */
  readonly ack: { readonly by: string; readonly at: string; readonly note: string | null } | null;
}

export interface LatestCheck {
  readonly scaleId: ScaleId;
  readonly item: number;
  readonly date: IsoDate;
  readonly status: SafetyStatus;
  readonly value: number | null;
}

export interface SafetySummary {
  /** Newest first; open flags before acknowledged ones on the same date. */
  readonly flags: readonly FlagLine[];
  /** The safety item at each scale's latest assessment. */
  readonly latest: readonly LatestCheck[];
}

export function summariseSafety(
  assessments: readonly SafetyAssessment[],
  acks: readonly SafetyAckLike[],
): SafetySummary {
  const flags: FlagLine[] = [];
  const latest = new Map<string, LatestCheck>();
  for (const a of assessments) {
    const scale = scaleOf(a);
    if (scale.safety.length === 0) continue;
    const scored = scoreEntry(scale, a.entry);
    // An entry that no longer validates has no score, but its safety items stay in view.
    const checks = scored.ok
      ? safetyChecks(scale, scored.score)
      : entrySafetyChecks(scale, a.entry);
    for (const check of checks) {
      const key = `${a.scaleId}:${check.rule.item}`;
      const seen = latest.get(key);
      if (!seen || a.date >= seen.date) {
        latest.set(key, {
          scaleId: a.scaleId,
          item: check.rule.item,
          date: a.date,
          status: check.status,
          value: check.value,
        });
      }
      if (check.status !== 'flagged' || check.value === null) continue;
      const ack = acks.find(
        (k) => k.assessmentId === a.id && k.item === check.rule.item && k.value === check.value,
      );
      flags.push({
        key: `${a.id}:${check.rule.item}`,
        date: a.date,
        scaleId: a.scaleId,
        item: check.rule.item,
        value: check.value,
        message: check.rule.message,
        draft: a.status === 'draft',
        ack: ack
          ? { by: ack.acknowledgedBy, at: ack.acknowledgedAt, note: ack.note ?? null }
          : null,
      });
    }
  }
  flags.sort(
    (x, y) => y.date.localeCompare(x.date) || Number(x.ack !== null) - Number(y.ack !== null),
  );
  return { flags, latest: [...latest.values()] };
}

/** "2024-01-05 09:30" in the device's time zone: when an acknowledgement was made. */
export function formatInstant(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${localDate(d)} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** Today's calendar date on this device, 'YYYY-MM-DD' (not UTC: a late-evening print is today). */
export function localDate(d: Date = new Date()): IsoDate {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}
