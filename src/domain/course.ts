import { changeFromBaseline, type Change } from './change';
import { isRemission, isResponse, reliableChange, type ReliableChange } from './outcomes';
import type { RelapseRule, RemissionRule, ScaleDefinition } from './scale-types';
import type { IsoDate } from './time';
import { onOrBeforeIndex, type ClockTime } from './visit-time';

/** One scored time point of one scale: a total, or null where the visit has none. */
export interface CourseInput {
  readonly id: string;
  readonly date: IsoDate;
  /** The visit's time of day ('HH:mm'), when several visits share a day. */
  readonly time?: ClockTime | undefined;
  readonly total: number | null;
}

/**
 * - before-baseline: earlier than the chosen baseline, not compared;
 * - no-response: not yet responded;
 * - response / remission: meets the criterion at this visit (remission is the stronger);
 * - response-lost: responded earlier, no longer meets it, relapse rule not met;
 * - relapse: the relapse rule is met after response or remission;
 * - rated: the scale has no response rule (DARS): change only;
 * - no-total: no total at this visit (a gap, never a zero).
 */
export type CourseStatus =
  | 'before-baseline'
  | 'baseline'
  | 'no-response'
  | 'response'
  | 'remission'
  | 'response-lost'
  | 'relapse'
  | 'rated'
  | 'no-total';

export interface CoursePoint extends CourseInput {
  readonly status: CourseStatus;
  readonly change: Change | null;
  readonly response: boolean | null;
  readonly remission: boolean | null;
  readonly reliable: ReliableChange | null;
}

export interface PointRef {
  readonly id: string;
  readonly date: IsoDate;
  readonly index: number;
}

export interface CourseEvents {
  readonly response?: PointRef;
  readonly remission?: PointRef;
  readonly responseLost?: PointRef;
  readonly relapse?: PointRef;
}

export interface CourseRules {
  readonly remission: RemissionRule | null;
  readonly relapse: RelapseRule | null;
}

export interface Course {
  readonly baselineIndex: number | null;
  readonly points: readonly CoursePoint[];
  /** The first visit at which each state began. */
  readonly events: CourseEvents;
  readonly rules: CourseRules;
  /** Anything the reader must know, e.g. an unknown rule id replaced by the default. */
  readonly notes: readonly string[];
}

export interface CourseOptions {
  /** Id of the baseline point; default: see defaultBaselineIndex. */
  readonly baselineId?: string | undefined;
  readonly indexDate?: IsoDate | null | undefined;
  /** The index event's time of day, when recorded: a visit later that day is after it. */
  readonly indexTime?: ClockTime | null | undefined;
  readonly remissionRuleId?: string | undefined;
  readonly relapseRuleId?: string | undefined;
}

/** The last point with a total on or before the index event, else the first with a total. */
export function defaultBaselineIndex(
  points: readonly CourseInput[],
  indexDate?: IsoDate | null,
  indexTime?: ClockTime | null,
): number | null {
  const rated = points.map((p, i) => ({ p, i })).filter(({ p }) => p.total !== null);
  if (!rated.length) return null;
  if (indexDate) {
    const before = rated.filter(({ p }) =>
      onOrBeforeIndex(p, { date: indexDate, time: indexTime }),
    );
    const last = before[before.length - 1];
    if (last) return last.i;
  }
  return rated[0]?.i ?? null;
}

/** The chosen rule, or the default with a note when the id is unknown (a stale preference). */
function pickRule<R extends { id: string; label: string }>(
  scale: ScaleDefinition,
  rules: readonly R[],
  what: string,
  id: string | undefined,
  notes: string[],
): R | null {
  const found = id === undefined ? undefined : rules.find((r) => r.id === id);
  if (found) return found;
  const fallback = rules[0] ?? null;
  if (id !== undefined) {
    notes.push(
      fallback
        ? `${scale.id} has no ${what} rule "${id}"; the default (${fallback.label}) is used.`
        : `${scale.id} has no ${what} rule "${id}", and no default.`,
    );
  }
  return fallback;
}

const ref = (p: CourseInput, index: number): PointRef => ({ id: p.id, date: p.date, index });

/** Follows one scale over a patient's visits (sorted by date) from the baseline on. */
export function analyseCourse(
  scale: ScaleDefinition,
  input: readonly CourseInput[],
  options: CourseOptions = {},
): Course {
  if (scale.kind === 'change') return analyseChangeScale(scale, input);
  const notes: string[] = [];
  const rules: CourseRules = {
    remission: pickRule(scale, scale.remission, 'remission', options.remissionRuleId, notes),
    relapse: pickRule(scale, scale.relapse, 'relapse', options.relapseRuleId, notes),
  };
  const chosen =
    options.baselineId === undefined
      ? -1
      : input.findIndex((p) => p.id === options.baselineId && p.total !== null);
  const baselineIndex =
    chosen >= 0 ? chosen : defaultBaselineIndex(input, options.indexDate, options.indexTime);
  const baseline = baselineIndex === null ? null : (input[baselineIndex]?.total ?? null);

  const events: { -readonly [K in keyof CourseEvents]: CourseEvents[K] } = {};
  const points: CoursePoint[] = [];
  // 'none': never responded; 'active': responded, no relapse since; 'relapsed'.
  let state: 'none' | 'active' | 'relapsed' = 'none';
  let highRun: number[] = [];

  input.forEach((p, i) => {
    const empty = { change: null, response: null, remission: null, reliable: null };
    if (baselineIndex === null || baseline === null || i < baselineIndex) {
      points.push({ ...p, ...empty, status: p.total === null ? 'no-total' : 'before-baseline' });
      return;
    }
    if (i === baselineIndex) {
      points.push({ ...p, ...empty, status: 'baseline' });
      return;
    }
    if (p.total === null) {
      points.push({ ...p, ...empty, status: 'no-total' });
      return;
    }
    const total = p.total;
    const change = changeFromBaseline(scale, baseline, total);
    const response = isResponse(scale, baseline, total);
    const remission = rules.remission ? isRemission(scale, total, rules.remission.id) : null;
    const rc = reliableChange(scale, baseline, total);
    const resp = response.ok ? response.value : null;
    const remit = remission?.ok ? remission.value : null;
    const base = {
      ...p,
      change: change.ok ? change.value : null,
      response: resp,
      remission: remit,
      reliable: rc.ok ? rc.value : null,
    };
    if (resp === null) {
      // No response rule (DARS; CGI-S has a remission cut-off only): never "no response".
      if (remit && !events.remission) events.remission = ref(p, i);
      points.push({ ...base, status: remit ? 'remission' : 'rated' });
      return;
    }
    const good = resp || remit === true;
    const goodStatus: CourseStatus = remit ? 'remission' : 'response';
    if (good && !events.response && resp) events.response = ref(p, i);
    if (remit && !events.remission) events.remission = ref(p, i);

    if (state !== 'active') {
      if (good) {
        state = 'active';
        highRun = [];
        points.push({ ...base, status: goodStatus });
      } else {
        points.push({ ...base, status: state === 'relapsed' ? 'relapse' : 'no-response' });
      }
      return;
    }
    // An episode of response or remission is under way: has it been lost, or relapsed?
    const relapse = rules.relapse;
    let relapsed = false;
    if (relapse?.kind === 'threshold') {
      // A visit that still meets response or remission is not a relapse, whatever its total:
      // a patient with a baseline of 36 who is at 18 still has a 50 % response.
      highRun = total >= relapse.minTotal && !good ? [...highRun, i] : [];
      if (highRun.length >= relapse.consecutive) relapsed = true;
    } else if (relapse?.kind === 'loss-of-response') {
      relapsed = !good;
    }
    if (relapsed) {
      const first = highRun.length ? (highRun[0] ?? i) : i;
      for (const j of highRun) {
        const earlier = points[j];
        if (earlier && j !== i) points[j] = { ...earlier, status: 'relapse' };
      }
      if (!events.relapse) {
        const firstPoint = input[first] ?? p;
        events.relapse = ref(firstPoint, first);
      }
      state = 'relapsed';
      highRun = [];
      points.push({ ...base, status: 'relapse' });
      return;
    }
    if (good) {
      points.push({ ...base, status: goodStatus });
    } else {
      if (!events.responseLost) events.responseLost = ref(p, i);
      points.push({ ...base, status: 'response-lost' });
    }
  });
  return { baselineIndex, points, events, rules, notes };
}

/**
 * A change scale (CGI-I) rates improvement itself: there is no baseline and no arithmetic
 * on totals. Every rating is judged by the scale's own rule (CGI-I 1–2 = response).
 */
function analyseChangeScale(scale: ScaleDefinition, input: readonly CourseInput[]): Course {
  const events: { -readonly [K in keyof CourseEvents]: CourseEvents[K] } = {};
  const points = input.map((p, i): CoursePoint => {
    const empty = { change: null, remission: null, reliable: null };
    if (p.total === null) return { ...p, ...empty, response: null, status: 'no-total' };
    const response = isResponse(scale, 0, p.total);
    const resp = response.ok ? response.value : null;
    if (resp && !events.response) events.response = ref(p, i);
    return {
      ...p,
      ...empty,
      response: resp,
      status: resp === null ? 'rated' : resp ? 'response' : 'no-response',
    };
  });
  return {
    baselineIndex: null,
    points,
    events,
    rules: { remission: null, relapse: null },
    notes: [],
  };
}
