import type { AssessmentEntry, ItemResponses, SummaryEntry } from './assessment';
import type { ItemDef, ScaleDefinition, SubscaleDef } from './scale-types';
import { scoredItems, subscaleRange, totalRange } from './ranges';

/** One problem with an entry: which field, and what is wrong, in words a clinician reads. */
export interface Issue {
  /** 'item 3', 'total', 'subscale hobbies' */
  readonly field: string;
  readonly message: string;
  /** For a figure that disagrees with others: the range those others allow for it. */
  readonly allowed?: { readonly min: number; readonly max: number };
}

export type Validation = { ok: true } | { ok: false; issues: readonly Issue[] };

const checkValue = (label: string, value: unknown, min: number, max: number): string | null => {
  if (typeof value !== 'number' || Number.isNaN(value)) return `${label} must be a number.`;
  if (!Number.isInteger(value))
    return `${label} must be a whole number between ${min} and ${max} (got ${value}).`;
  if (value < min || value > max)
    return `${label} must be between ${min} and ${max} (got ${value}).`;
  return null;
};

/** Field-level check of one item response, for the entry form. null = acceptable. */
export function checkItemValue(
  scale: ScaleDefinition,
  item: ItemDef,
  value: unknown,
): string | null {
  if (item.notAssessedCode !== undefined && value === item.notAssessedCode) return null;
  return checkValue(`${scale.id} item ${item.number}`, value, item.min, item.max);
}

export function validateItemResponses(
  scale: ScaleDefinition,
  responses: ItemResponses,
): Validation {
  const issues: Issue[] = [];
  if (responses.length !== scale.items.length) {
    issues.push({
      field: 'items',
      message: `${scale.id} has ${scale.items.length} items; ${responses.length} responses were given.`,
    });
  }
  scale.items.forEach((item, index) => {
    const value = responses[index];
    if (value === null || value === undefined) return;
    const message = checkItemValue(scale, item, value);
    if (message) issues.push({ field: `item ${item.number}`, message });
  });
  return issues.length ? { ok: false, issues } : { ok: true };
}

const itemByNumber = (scale: ScaleDefinition, key: string): ItemDef | undefined =>
  scale.items.find((i) => String(i.number) === key);

/** Lowest and highest total that the known items of `itemNumbers` leave possible. */
const boundsFromKnown = (
  scale: ScaleDefinition,
  itemNumbers: readonly number[],
  knownItems: Readonly<Record<string, number>>,
  knownSubscales: readonly { sub: SubscaleDef; value: number }[],
): { low: number; high: number } => {
  let low = 0;
  let high = 0;
  const covered = new Set<number>();
  for (const { sub, value } of knownSubscales) {
    if (!sub.items.every((n) => itemNumbers.includes(n))) continue;
    if (sub.items.some((n) => covered.has(n))) continue;
    sub.items.forEach((n) => covered.add(n));
    low += value;
    high += value;
  }
  for (const n of itemNumbers) {
    if (covered.has(n)) continue;
    const item = scale.items.find((i) => i.number === n);
    if (!item) continue;
    const given = knownItems[String(n)];
    // "Not assessed" (HAMD-17 item 16 = 3) scores 0, whatever its code.
    const known = given !== undefined && given === item.notAssessedCode ? 0 : given;
    low += known ?? item.min;
    high += known ?? item.max;
  }
  return { low, high };
};

export function validateSummary(scale: ScaleDefinition, summary: SummaryEntry): Validation {
  const issues: Issue[] = [];
  const range = totalRange(scale);
  if (summary.total !== null) {
    const message = checkValue(`${scale.id} total`, summary.total, range.min, range.max);
    if (message) issues.push({ field: 'total', message });
  }
  const knownSubscales: { sub: SubscaleDef; value: number }[] = [];
  for (const [id, value] of Object.entries(summary.subscales)) {
    const sub = scale.subscales.find((s) => s.id === id);
    if (!sub) {
      issues.push({ field: `subscale ${id}`, message: `${scale.id} has no subscale "${id}".` });
      continue;
    }
    const r = subscaleRange(scale, sub);
    const message = checkValue(`${scale.id} ${sub.name}`, value, r.min, r.max);
    if (message) issues.push({ field: `subscale ${id}`, message });
    else knownSubscales.push({ sub, value });
  }
  const knownItems: Record<string, number> = {};
  for (const [key, value] of Object.entries(summary.items)) {
    const item = itemByNumber(scale, key);
    if (!item) {
      issues.push({ field: `item ${key}`, message: `${scale.id} has no item ${key}.` });
      continue;
    }
    const message = checkItemValue(scale, item, value);
    if (message) issues.push({ field: `item ${key}`, message });
    else knownItems[key] = value;
  }
  if (issues.length) return { ok: false, issues };

  // Consistency: each subscale against its known items, the total against everything known.
  for (const { sub, value } of knownSubscales) {
    const b = boundsFromKnown(scale, sub.items, knownItems, []);
    if (value < b.low || value > b.high) {
      issues.push({
        field: `subscale ${sub.id}`,
        message: `${scale.id} ${sub.name} is ${value}, but its items given here allow only ${b.low}–${b.high}.`,
        allowed: { min: b.low, max: b.high },
      });
    }
  }
  const scored = scoredItems(scale).map((i) => i.number);
  const partition = partitionsAllItems(scale, knownSubscales, scored);
  if (summary.total !== null && partition) {
    const sum = knownSubscales.reduce((acc, s) => acc + s.value, 0);
    if (sum !== summary.total) {
      issues.push({
        field: 'total',
        message: `${scale.id} ${scale.subscales.length > 1 ? 'subscales' : 'subscale'} add up to ${sum}, but the total is ${summary.total}.`,
      });
    }
  } else if (summary.total !== null) {
    const b = boundsFromKnown(scale, scored, knownItems, knownSubscales);
    if (summary.total < b.low || summary.total > b.high) {
      issues.push({
        field: 'total',
        message: `${scale.id} total is ${summary.total}, but the subscales and items given allow only ${b.low}–${b.high}.`,
        allowed: { min: b.low, max: b.high },
      });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true };
}

/** True when the given subscales cover every scored item exactly once. */
export function partitionsAllItems(
  scale: ScaleDefinition,
  known: readonly { sub: SubscaleDef }[],
  scored: readonly number[] = scoredItems(scale).map((i) => i.number),
): boolean {
  const covered = known.flatMap((k) => k.sub.items);
  return (
    covered.length === scored.length &&
    new Set(covered).size === covered.length &&
    scored.every((n) => covered.includes(n))
  );
}

/** Each recorded variant names an item that has variants, and one of its variants. */
export function variantIssues(scale: ScaleDefinition, entry: AssessmentEntry): Issue[] {
  return Object.entries(entry.variants ?? {}).flatMap(([key, id]): Issue[] => {
    const item = itemByNumber(scale, key);
    const ids = item?.variants?.map((v) => v.id) ?? [];
    if (ids.includes(id)) return [];
    return [
      {
        field: `item ${key}`,
        message: ids.length
          ? `${scale.id} item ${key} is rated as ${ids.map((v) => `${key}${v}`).join(' or ')} (got "${id}").`
          : `${scale.id} item ${key} has no variants (got "${id}").`,
      },
    ];
  });
}

export function validateEntry(scale: ScaleDefinition, entry: AssessmentEntry): Validation {
  const base =
    entry.mode === 'items'
      ? validateItemResponses(scale, entry.responses)
      : validateSummary(scale, entry);
  const variants = variantIssues(scale, entry);
  if (!variants.length) return base;
  return { ok: false, issues: [...(base.ok ? [] : base.issues), ...variants] };
}
