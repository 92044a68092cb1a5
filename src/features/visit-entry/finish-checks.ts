import { entryHasData, type AssessmentEntry } from '../../domain/assessment';
import { safetyChecks } from '../../domain/safety';
import type { ScaleDefinition, ScaleId } from '../../domain/scale-types';
import { scoreEntry } from '../../domain/scoring';

/**
 * What the clinician is asked before a visit is closed: scales entered but without a total,
 * and safety items left unanswered in item-by-item entry (a prorated PHQ-9 fills item 9 into
 * the total, never into the safety check). Scales never touched are not counted at all.
 */
export function finishChecks(
  scales: readonly ScaleDefinition[],
  entries: Partial<Record<ScaleId, AssessmentEntry>>,
): { withData: ScaleDefinition[]; warnings: string[] } {
  const withData = scales.filter((s) => {
    const entry = entries[s.id];
    return entry !== undefined && entryHasData(entry);
  });
  const incomplete: string[] = [];
  const unasked: string[] = [];
  for (const s of withData) {
    const entry = entries[s.id];
    if (!entry) continue;
    const r = scoreEntry(s, entry);
    if (!r.ok || r.score.total === null) incomplete.push(s.id);
    if (r.ok && entry.mode === 'items')
      for (const c of safetyChecks(s, r.score))
        if (c.status === 'not-recorded') unasked.push(`${s.id} item ${c.rule.item}`);
  }
  return {
    withData,
    warnings: [
      ...(incomplete.length ? [`${incomplete.join(', ')}: no total yet.`] : []),
      ...(unasked.length ? [`Safety item not answered: ${unasked.join(', ')}.`] : []),
    ],
  };
}
