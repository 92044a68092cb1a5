import type { AssessmentEntry, SummaryEntry } from './assessment';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function mergeRecord<T>(
  base: Readonly<Record<string, T>>,
  mine: Readonly<Record<string, T>>,
  theirs: Readonly<Record<string, T>>,
): Record<string, T> {
  const keys = new Set([...Object.keys(base), ...Object.keys(mine), ...Object.keys(theirs)]);
  const out: Record<string, T> = {};
  for (const key of keys) {
    const changedHere = mine[key] !== base[key];
    const value = changedHere ? mine[key] : theirs[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * Three-way merge of one assessment edited in two places (two tabs on the same visit):
 * `base` is what this side last loaded or saved, `mine` is this side now, `theirs` is what
 * is stored now. Every item, total or subscale this side changed is kept; everything else
 * takes the stored value, so neither side silently erases the other's entries. If the two
 * sides use different entry modes (items vs summary), this side's entry wins whole: there is
 * nothing item-wise to merge.
 */
/** Item variants (HAMD-17 16A/16B) merge like items; absent when none is recorded. */
function mergedVariants(
  base: AssessmentEntry,
  mine: AssessmentEntry,
  theirs: AssessmentEntry,
): { variants?: Record<string, string> } {
  const merged = mergeRecord(base.variants ?? {}, mine.variants ?? {}, theirs.variants ?? {});
  return Object.keys(merged).length ? { variants: merged } : {};
}

export function mergeEntries(
  base: AssessmentEntry,
  mine: AssessmentEntry,
  theirs: AssessmentEntry,
): AssessmentEntry {
  if (same(theirs, base)) return mine;
  if (same(mine, base)) return theirs;
  if (base.mode === 'items' && mine.mode === 'items' && theirs.mode === 'items') {
    const length = Math.max(base.responses.length, mine.responses.length, theirs.responses.length);
    return {
      mode: 'items',
      responses: Array.from({ length }, (_, i) => {
        const b = base.responses[i] ?? null;
        const m = mine.responses[i] ?? null;
        return m !== b ? m : (theirs.responses[i] ?? null);
      }),
      ...mergedVariants(base, mine, theirs),
    };
  }
  if (base.mode === 'summary' && mine.mode === 'summary' && theirs.mode === 'summary') {
    const merged: SummaryEntry = {
      mode: 'summary',
      total: mine.total !== base.total ? mine.total : theirs.total,
      subscales: mergeRecord(base.subscales, mine.subscales, theirs.subscales),
      items: mergeRecord(base.items, mine.items, theirs.items),
      ...mergedVariants(base, mine, theirs),
    };
    return merged;
  }
  return mine;
}
