/**
 * How a wide spreadsheet's headers are read: one column per item, subscale or total of a
 * scale, written the way clinics write them ("HAMD17_3", "hamd-17 item 3", "PHQ9_total",
 * "MADRS anhedonia", "DARS_hobbies", "CGI-S"), plus the patient code, visit date, and
 * optionally the visit time, status and rater.
 */
import type { ScaleDefinition } from '../../domain/scale-types';
import { SCALES } from '../../domain/scales/registry';

export type WideColumn =
  | { readonly kind: 'code' | 'date' | 'time' | 'status' | 'rater' }
  | { readonly kind: 'item'; readonly scale: ScaleDefinition; readonly item: number }
  | { readonly kind: 'total'; readonly scale: ScaleDefinition }
  | { readonly kind: 'subscale'; readonly scale: ScaleDefinition; readonly subscale: string };

const NAMES: Record<'code' | 'date' | 'time' | 'status' | 'rater', readonly string[]> = {
  code: ['patient_code', 'patient', 'code', 'patient_id', 'record_id', 'subject'],
  date: ['visit_date', 'date', 'visit', 'assessment_date'],
  time: ['visit_time', 'time', 'assessment_time'],
  status: ['status', 'visit_status'],
  rater: ['rater', 'rated_by'],
};

const key = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s.-]+/g, '_');

/** 'HAMD-17' → /^hamd_?17/ */
const prefixOf = (scale: ScaleDefinition) =>
  new RegExp(`^${scale.id.toLowerCase().replace('-', '_?')}(?![a-z])`);

export function wideColumn(header: string): WideColumn | null {
  const k = key(header);
  for (const kind of ['code', 'date', 'time', 'status', 'rater'] as const)
    if (NAMES[kind].includes(k)) return { kind };
  // Anchored prefixes: 'dars' never matches 'madrs_…', 'cgi_s' never 'cgi_i'.
  for (const scale of SCALES) {
    const m = prefixOf(scale).exec(k);
    if (!m) continue;
    const rest = k.slice(m[0].length).replace(/^_+/, '');
    if (rest === '')
      return scale.items.length === 1 ? { kind: 'item', scale, item: 1 } : { kind: 'total', scale };
    const item = /^(?:item_?|q_?|i_?)?0*(\d{1,2})$/.exec(rest)?.[1];
    if (item !== undefined) {
      const n = Number(item);
      return scale.items.some((i) => i.number === n) ? { kind: 'item', scale, item: n } : null;
    }
    if (['total', 'score', 'sum'].includes(rest)) return { kind: 'total', scale };
    const sub = scale.subscales.find((s) => s.id === rest || key(s.name) === rest);
    return sub ? { kind: 'subscale', scale, subscale: sub.id } : null;
  }
  return null;
}

export function describeColumn(c: WideColumn): string {
  switch (c.kind) {
    case 'code':
      return 'patient code';
    case 'date':
      return 'visit date (YYYY-MM-DD)';
    case 'time':
      return 'visit time of day (HH:mm, 24-hour clock)';
    case 'status':
      return 'visit status (final or draft; empty = final)';
    case 'rater':
      return 'rater of every scale in the row';
    case 'item':
      return `${c.scale.id} item ${c.item}`;
    case 'total':
      return `${c.scale.id} total`;
    case 'subscale':
      return `${c.scale.id} ${c.scale.subscales.find((s) => s.id === c.subscale)?.name ?? c.subscale}`;
  }
}
