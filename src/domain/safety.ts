import type { AssessmentEntry } from './assessment';
import type { ScaleDefinition, SafetyRule } from './scale-types';
import type { Score } from './scoring';

/**
 * A safety item is 'flagged' at or above its threshold. Below it the item is
 * 'not-endorsed', never "safe": a 0 on PHQ-9 item 9 does not rule out risk (Louzon 2016).
 * A summary entry that did not record the item says 'not-recorded'.
 */
export type SafetyStatus = 'flagged' | 'not-endorsed' | 'not-recorded';

export interface SafetyCheck {
  readonly rule: SafetyRule;
  readonly status: SafetyStatus;
  readonly value: number | null;
}

export function safetyChecks(scale: ScaleDefinition, score: Score): readonly SafetyCheck[] {
  return scale.safety.map((rule) => {
    const value = score.items.get(rule.item) ?? null;
    const status: SafetyStatus =
      value === null ? 'not-recorded' : value >= rule.minValue ? 'flagged' : 'not-endorsed';
    return { rule, status, value };
  });
}

/**
 * The safety checks read straight from the entry's values, without validating it first: a
 * stored entry that no longer validates (a definition changed, an old backup) cannot be
 * scored, but a recorded safety item stays visible (a value above the item's range is
 * flagged too: it is certainly not "not endorsed").
 */
export function entrySafetyChecks(
  scale: ScaleDefinition,
  entry: AssessmentEntry,
): readonly SafetyCheck[] {
  return scale.safety.map((rule) => {
    const raw =
      entry.mode === 'items' ? entry.responses[rule.item - 1] : entry.items[String(rule.item)];
    const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    const status: SafetyStatus =
      value === null ? 'not-recorded' : value >= rule.minValue ? 'flagged' : 'not-endorsed';
    return { rule, status, value };
  });
}

export function describeSafetyCheck(scale: ScaleDefinition, check: SafetyCheck): string {
  const item = `${scale.id} item ${check.rule.item}`;
  switch (check.status) {
    case 'flagged':
      return `${check.rule.message} (scored ${check.value ?? ''}).`;
    case 'not-endorsed':
      return `${item} scored ${check.value ?? ''}: not endorsed. This is not an assurance of safety.`;
    case 'not-recorded':
      // An unanswered safety item is never an all-clear (and is never imputed by prorating).
      return `${item} was not recorded: ask it. An unanswered item is not an all-clear.`;
  }
}
