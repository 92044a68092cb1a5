import type { SummaryEntry } from '../../domain/assessment';
import type { ScaleDefinition } from '../../domain/scale-types';
import { scoredItems, subscaleRange, totalRange } from '../../domain/ranges';

/** One transcribable figure of a summary entry: the total, a subscale, or a single item. */
export interface SummaryField {
  key: string;
  kind: 'total' | 'subscale' | 'item';
  id: string;
  label: string;
  hint: string;
  min: number;
  max: number;
}

/**
 * The fields offered when transcribing: total, every subscale, and the flagged single items
 * (anhedonia, safety) unless the subscales already cover every item (DARS).
 */
export function summaryFields(scale: ScaleDefinition): SummaryField[] {
  const total = totalRange(scale);
  const fields: SummaryField[] = [
    {
      key: 'total',
      kind: 'total',
      id: 'total',
      label: `${scale.id} total`,
      hint: 'Total',
      ...total,
    },
  ];
  for (const sub of scale.subscales) {
    fields.push({
      key: `subscale:${sub.id}`,
      kind: 'subscale',
      id: sub.id,
      label: `${scale.id} ${sub.name}`,
      hint: `${sub.name} (items ${sub.items.join(', ')})`,
      ...subscaleRange(scale, sub),
    });
  }
  const covered = new Set(scale.subscales.flatMap((s) => s.items));
  const allCovered = scoredItems(scale).every((i) => covered.has(i.number));
  if (!allCovered) {
    for (const item of scale.items) {
      if (!item.flags.some((f) => f === 'anhedonia' || f === 'suicide')) continue;
      fields.push({
        key: `item:${item.number}`,
        kind: 'item',
        id: String(item.number),
        label: `${scale.id} item ${item.number}`,
        hint: `Item ${item.number}: ${item.shortName}`,
        min: item.min,
        max: item.max,
      });
    }
  }
  return fields;
}

export function fieldValue(entry: SummaryEntry, field: SummaryField): number | null {
  if (field.kind === 'total') return entry.total;
  const source = field.kind === 'subscale' ? entry.subscales : entry.items;
  return source[field.id] ?? null;
}

export function withFieldValue(
  entry: SummaryEntry,
  field: SummaryField,
  value: number | null,
): SummaryEntry {
  if (field.kind === 'total') return { ...entry, total: value };
  const key = field.kind === 'subscale' ? 'subscales' : 'items';
  const rest = Object.entries(entry[key]).filter(([id]) => id !== field.id);
  const next = Object.fromEntries(value === null ? rest : [...rest, [field.id, value]]);
  return { ...entry, [key]: next };
}
