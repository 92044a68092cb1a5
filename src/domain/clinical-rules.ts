/**
 * The clinical conventions that change figures: band convention, remission cut-off and relapse
 * rule per scale (absent = the scale's default). Stored with the data (src/db, meta
 * `clinicalRules`) so two screens, tabs or devices never report different outcomes for the
 * same records. A stale rule id never drops a rule: the course falls back to the default and
 * says so.
 */
import type { RuleChoice } from './patient-course';
import type { ScaleId } from './scale-types';
import { getScale, isScaleId, SCALE_IDS } from './scales/registry';

export interface ClinicalRules {
  readonly bandConvention: Partial<Record<ScaleId, string>>;
  readonly remissionRule: Partial<Record<ScaleId, string>>;
  readonly relapseRule: Partial<Record<ScaleId, string>>;
}

export type RuleKind = keyof ClinicalRules;

export const DEFAULT_RULES: ClinicalRules = {
  bandConvention: {},
  remissionRule: {},
  relapseRule: {},
};

export function withRule(
  rules: ClinicalRules,
  kind: RuleKind,
  scaleId: ScaleId,
  ruleId: string,
): ClinicalRules {
  return { ...rules, [kind]: { ...rules[kind], [scaleId]: ruleId } };
}

/** The conventions in the shape the domain's course builder takes. */
export function courseRules(rules: ClinicalRules): Partial<Record<ScaleId, RuleChoice>> {
  return Object.fromEntries(
    SCALE_IDS.map((id) => [
      id,
      {
        bandConvention: rules.bandConvention[id],
        remissionRule: rules.remissionRule[id],
        relapseRule: rules.relapseRule[id],
      },
    ]),
  );
}

/**
 * The band convention to use for a scale: the chosen one when the scale still has it, else
 * undefined (the scale's default). A stale id never blanks a band.
 */
export function bandConventionFor(rules: ClinicalRules, scaleId: string): string | undefined {
  if (!isScaleId(scaleId)) return undefined;
  const id = rules.bandConvention[scaleId];
  return id !== undefined && getScale(scaleId).bandConventions.some((c) => c.id === id)
    ? id
    : undefined;
}

/** Rules read from an untrusted place (old localStorage): only string ids of known scales. */
export function rulesFrom(value: unknown): ClinicalRules | null {
  if (typeof value !== 'object' || value === null) return null;
  const pick = (kind: RuleKind): Partial<Record<ScaleId, string>> => {
    const raw = (value as Record<string, unknown>)[kind];
    if (typeof raw !== 'object' || raw === null) return {};
    return Object.fromEntries(
      Object.entries(raw).filter(
        (e): e is [ScaleId, string] => isScaleId(e[0]) && typeof e[1] === 'string',
      ),
    );
  };
  const rules = {
    bandConvention: pick('bandConvention'),
    remissionRule: pick('remissionRule'),
    relapseRule: pick('relapseRule'),
  };
  const empty = Object.values(rules).every((m) => Object.keys(m).length === 0);
  return empty ? null : rules;
}
