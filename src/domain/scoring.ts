import type { AssessmentEntry, ItemResponses, SummaryEntry } from './assessment';
import type { ScaleDefinition, SubscaleDef } from './scale-types';
import { scoredItems, subscaleRange, totalRange, type Range } from './ranges';
import { partitionsAllItems, validateEntry, type Issue } from './validation';

/**
 * How a total came about:
 * - complete: every scored item answered;
 * - prorated: the scale's missing-item rule filled a few gaps (PHQ-9, NHS rule);
 * - incomplete: items missing beyond the rule: no total;
 * - summary: transcribed totals, not item responses.
 */
export type Completeness = 'complete' | 'prorated' | 'incomplete' | 'summary';

export interface SubscaleScore extends Range {
  readonly id: string;
  readonly name: string;
  /** null when any of its items is missing (items) or it was not transcribed (summary). */
  readonly score: number | null;
}

export interface Score {
  readonly scaleId: string;
  readonly completeness: Completeness;
  /** null when no total can be given; `note` says why. */
  readonly total: number | null;
  readonly range: Range;
  /** Plain words on how the total was reached, or why there is none. */
  readonly note: string;
  readonly subscales: readonly SubscaleScore[];
  /** Scored items without a response (item-by-item entry only). */
  readonly missingItems: readonly number[];
  /** Known single item values by item number (all items, or the transcribed ones). */
  readonly items: ReadonlyMap<number, number>;
  /** Items recorded as "not assessed" (HAMD-17 item 16 = 3): scored 0, no item value. */
  readonly notAssessed: readonly number[];
  /** Which variant of an item was rated, by item number (HAMD-17 16 -> 'A' or 'B'). */
  readonly variants: ReadonlyMap<number, string>;
}

export type ScoreResult = { ok: true; score: Score } | { ok: false; issues: readonly Issue[] };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const list = (ns: readonly number[]) => ns.join(', ');

const variantsOf = (recorded: Readonly<Record<string, string>> | undefined) =>
  new Map(Object.entries(recorded ?? {}).map(([key, id]) => [Number(key), id]));

function scoreItems(
  scale: ScaleDefinition,
  responses: ItemResponses,
  responsesVariants?: Readonly<Record<string, string>>,
): Score {
  const range = totalRange(scale);
  const items = new Map<number, number>();
  const notAssessed: number[] = [];
  scale.items.forEach((item, index) => {
    const v = responses[index];
    if (typeof v !== 'number') return;
    if (v === item.notAssessedCode) notAssessed.push(item.number);
    else items.set(item.number, v);
  });
  const scored = scoredItems(scale);
  const missingItems = scored
    .filter((i) => !items.has(i.number) && !notAssessed.includes(i.number))
    .map((i) => i.number);
  const answered = scored.filter((i) => items.has(i.number));
  const notAssessedNote = notAssessed.length
    ? ` Item ${notAssessed.join(', ')} not assessed (scores 0).`
    : '';
  const rawSum = answered.reduce((acc, i) => acc + (items.get(i.number) ?? 0), 0);

  const subscales = scale.subscales.map((sub): SubscaleScore => {
    const values = sub.items.map((n) => items.get(n));
    const known = values.filter((v): v is number => v !== undefined);
    return {
      id: sub.id,
      name: sub.name,
      ...subscaleRange(scale, sub),
      score: known.length === values.length ? known.reduce((acc, v) => acc + v, 0) : null,
    };
  });

  const base = {
    scaleId: scale.id,
    range,
    subscales,
    missingItems,
    items,
    notAssessed,
    variants: variantsOf(responsesVariants),
  };
  if (missingItems.length === 0) {
    return {
      ...base,
      completeness: 'complete',
      total: rawSum,
      note: `All items answered.${notAssessedNote}`,
    };
  }
  const rule = scale.missing;
  if (rule.kind === 'prorate-mean' && missingItems.length <= rule.maxMissing && answered.length) {
    const mean = rawSum / answered.length;
    return {
      ...base,
      completeness: 'prorated',
      total: mean * scored.length,
      note: `Prorated: ${missingItems.length === 1 ? 'item' : 'items'} ${list(missingItems)} missing, each replaced by the mean of the ${answered.length} answered items (${formatMean(mean)}). ${rule.source}.`,
    };
  }
  const why =
    rule.kind === 'prorate-mean'
      ? `more than ${rule.maxMissing} items are missing (${rule.source})`
      : rule.source;
  return {
    ...base,
    completeness: 'incomplete',
    total: null,
    note: `No total: ${plural(missingItems.length, 'item')} missing (${list(missingItems)}); ${why}`,
  };
}

const formatMean = (mean: number) => (Math.round(mean * 100) / 100).toString();

function scoreSummary(scale: ScaleDefinition, summary: SummaryEntry): Score {
  const range = totalRange(scale);
  const subscales = scale.subscales.map((sub): SubscaleScore => ({
    id: sub.id,
    name: sub.name,
    ...subscaleRange(scale, sub),
    score: summary.subscales[sub.id] ?? null,
  }));
  const items = new Map<number, number>();
  const notAssessed: number[] = [];
  for (const [key, value] of Object.entries(summary.items)) {
    const number = Number(key);
    // As in item entry: "not assessed" is no item value (it scores 0 in the total).
    if (value === scale.items.find((i) => i.number === number)?.notAssessedCode)
      notAssessed.push(number);
    else items.set(number, value);
  }
  const notAssessedNote = notAssessed.length
    ? ` Item ${notAssessed.join(', ')} not assessed (scores 0).`
    : '';
  const given = scale.subscales
    .filter((sub) => summary.subscales[sub.id] !== undefined)
    .map((sub: SubscaleDef) => ({ sub }));
  const base = {
    scaleId: scale.id,
    range,
    subscales,
    missingItems: [],
    items,
    notAssessed,
    variants: variantsOf(summary.variants),
  };

  if (summary.total !== null) {
    return {
      ...base,
      completeness: 'summary',
      total: summary.total,
      note: `Summary data: transcribed total.${notAssessedNote}`,
    };
  }
  if (given.length && partitionsAllItems(scale, given)) {
    const total = scale.subscales.reduce((acc, sub) => acc + (summary.subscales[sub.id] ?? 0), 0);
    return {
      ...base,
      completeness: 'summary',
      total,
      note: `Summary data: total computed from the transcribed subscale totals.${notAssessedNote}`,
    };
  }
  return {
    ...base,
    completeness: 'summary',
    total: null,
    note: `Summary data: no total recorded.${notAssessedNote}`,
  };
}

/** Validates, then scores. Invalid entries give their issues and no number. */
export function scoreEntry(scale: ScaleDefinition, entry: AssessmentEntry): ScoreResult {
  const validation = validateEntry(scale, entry);
  if (!validation.ok) return { ok: false, issues: validation.issues };
  const score =
    entry.mode === 'items'
      ? scoreItems(scale, entry.responses, entry.variants)
      : scoreSummary(scale, entry);
  return { ok: true, score };
}
