/**
 * Time to response, to remission, and to relapse after response, per arm, as Kaplan–Meier
 * estimates. Time to response and remission count from the index event (day 0); time to
 * relapse counts from the first response, among patients who responded. A patient without
 * the event is censored at their last rated visit of that scale.
 */
import type { ScaleId } from '../scale-types';
import type { CohortArm } from './cohort-types';
import { kaplanMeier, type KmEstimate, type Observation } from './kaplan-meier';
import type { PatientSeries } from './patient-series';

export type TimeToEventKind = 'response' | 'remission' | 'relapse';

export const TIME_TO_EVENT_LABEL: Record<TimeToEventKind, string> = {
  response: 'Time to response (days since index)',
  remission: 'Time to remission (days since index)',
  relapse: 'Time to relapse after response (days since first response)',
};

export interface ArmTimeToEvent {
  readonly armId: string;
  readonly kind: TimeToEventKind;
  readonly scaleId: ScaleId;
  readonly estimate: KmEstimate;
}

/** One observation per patient, or none when the patient is not at risk (relapse: no response). */
/** What time to event reads of a patient's series (a `PatientSeries` fits it). */
export type EventTimes = Pick<
  PatientSeries,
  'armId' | 'scaleId' | 'responseDay' | 'remissionDay' | 'relapseDay' | 'lastDay'
>;

export function observationOf(s: EventTimes, kind: TimeToEventKind): Observation | null {
  const last = Math.max(0, s.lastDay);
  if (kind === 'relapse') {
    if (s.responseDay === null) return null;
    const from = Math.max(0, s.responseDay);
    return s.relapseDay === null
      ? { time: last - from, event: false }
      : { time: s.relapseDay - from, event: true };
  }
  const day = kind === 'response' ? s.responseDay : s.remissionDay;
  return day === null ? { time: last, event: false } : { time: Math.max(0, day), event: true };
}

export function timeToEvent(
  arms: readonly CohortArm[],
  series: readonly EventTimes[],
  scaleId: ScaleId,
  kind: TimeToEventKind,
): ArmTimeToEvent[] {
  return arms.map((arm) => {
    const observations = series
      .filter((s) => s.armId === arm.id && s.scaleId === scaleId)
      .map((s) => observationOf(s, kind))
      .filter((o): o is Observation => o !== null);
    return { armId: arm.id, kind, scaleId, estimate: kaplanMeier(observations) };
  });
}
