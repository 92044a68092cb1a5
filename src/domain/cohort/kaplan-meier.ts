/**
 * Kaplan–Meier estimate of the proportion still without the event (Kaplan & Meier 1958), with
 * Greenwood's variance and the log-transformed pointwise 95 % interval (the default of R's
 * `survfit`, conf.type = "log"). The median is the first time the curve is at or below 0.5; its
 * interval runs from the first time the lower limit is at or below 0.5 to the first time the
 * upper limit is (Brookmeyer & Crowley 1982, as `survfit` reports it); a limit the curve never
 * reaches is null ("not reached").
 */
import { zQuantile, CONFIDENCE, type Interval } from './stats';

export interface Observation {
  /** Time from the origin (days). */
  readonly time: number;
  /** true: the event happened at `time`; false: censored (last seen without it). */
  readonly event: boolean;
}

export interface KmStep {
  readonly time: number;
  /** At risk just before `time`. */
  readonly atRisk: number;
  readonly events: number;
  readonly censored: number;
  /** Proportion still without the event just after `time`. */
  readonly survival: number;
  /** Greenwood standard error of `survival`; null once survival is 0. */
  readonly se: number | null;
  readonly ci: Interval | null;
}

export interface KmMedian {
  /** null: the curve never reached 0.5 ("not reached"). */
  readonly median: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface KmEstimate {
  readonly n: number;
  readonly events: number;
  /** One step per distinct time with an event or a censoring, in time order. */
  readonly steps: readonly KmStep[];
  readonly median: KmMedian;
}

export function kaplanMeier(
  observations: readonly Observation[],
  confidence = CONFIDENCE,
): KmEstimate {
  const z = zQuantile(confidence);
  const times = [...new Set(observations.map((o) => o.time))].sort((a, b) => a - b);
  let atRisk = observations.length;
  let survival = 1;
  let greenwood = 0;
  const steps: KmStep[] = [];
  for (const time of times) {
    const here = observations.filter((o) => o.time === time);
    const events = here.filter((o) => o.event).length;
    const censored = here.length - events;
    if (events > 0) {
      survival *= 1 - events / atRisk;
      greenwood += atRisk > events ? events / (atRisk * (atRisk - events)) : Infinity;
    }
    const se = survival > 0 && Number.isFinite(greenwood) ? survival * Math.sqrt(greenwood) : null;
    // log transform: exp(log S ± z · se(log S)), se(log S) = sqrt(Greenwood sum).
    const ci =
      survival > 0 && Number.isFinite(greenwood)
        ? {
            lower: Math.max(0, survival * Math.exp(-z * Math.sqrt(greenwood))),
            upper: Math.min(1, survival * Math.exp(z * Math.sqrt(greenwood))),
          }
        : null;
    steps.push({ time, atRisk, events, censored, survival, se, ci });
    atRisk -= here.length;
  }
  const eventSteps = steps.filter((s) => s.events > 0);
  const firstAtOrBelowHalf = (value: (s: KmStep) => number | null) =>
    eventSteps.find((s) => {
      const v = value(s);
      return v !== null && v <= 0.5 + 1e-12;
    })?.time ?? null;
  return {
    n: observations.length,
    events: observations.filter((o) => o.event).length,
    steps,
    median: {
      median: firstAtOrBelowHalf((s) => s.survival),
      lower: firstAtOrBelowHalf((s) => (s.ci ? s.ci.lower : s.survival)),
      upper: firstAtOrBelowHalf((s) => (s.ci ? s.ci.upper : s.survival)),
    },
  };
}
