/**
 * The REDCap project layout of the export (../docs/INTEROP.md): a `visit` instrument
 * (record_id = patient code, visit_date), then one instrument per scale with
 * `<p>_entry` (items or summary), one radio field per item with its choices, the total and
 * subscales as `calc` fields (REDCap computes them; they are not imported), the transcribed
 * total and subscales of summary entries as `<p>_total_recorded` etc., and `<p>_rater`.
 */
import type { ItemDef, ScaleDefinition } from '../../domain/scale-types';
import { scoredItems, subscaleRange, totalRange } from '../../domain/ranges';
import { SCALES } from '../../domain/scales/registry';

/** The 18 columns of a REDCap data dictionary, in REDCap's order. */
export const DICTIONARY_COLUMNS = [
  'Variable / Field Name',
  'Form Name',
  'Section Header',
  'Field Type',
  'Field Label',
  'Choices, Calculations, OR Slider Labels',
  'Field Note',
  'Text Validation Type OR Show Slider Number',
  'Text Validation Min',
  'Text Validation Max',
  'Identifier?',
  'Branching Logic (Show field only if...)',
  'Required Field?',
  'Custom Alignment',
  'Question Number (surveys only)',
  'Matrix Group Name',
  'Matrix Ranking?',
  'Field Annotation',
] as const;

export type DictionaryRow = Partial<Record<(typeof DICTIONARY_COLUMNS)[number], string>>;

/** 'HAMD-17' → 'hamd17', 'CGI-S' → 'cgi_s': REDCap names are lower case, digits and _. */
export const formOf = (scale: ScaleDefinition) =>
  scale.id.toLowerCase().replace(/-(\d)/g, '$1').replace(/-/g, '_');

export const itemField = (scale: ScaleDefinition, n: number) => `${formOf(scale)}_${n}`;
export const entryField = (scale: ScaleDefinition) => `${formOf(scale)}_entry`;
export const raterField = (scale: ScaleDefinition) => `${formOf(scale)}_rater`;
export const totalField = (scale: ScaleDefinition) => `${formOf(scale)}_total`;
export const subscaleField = (scale: ScaleDefinition, id: string) => `${formOf(scale)}_${id}`;
export const recorded = (field: string) => `${field}_recorded`;
export const completeField = (form: string) => `${form}_complete`;

export const VISIT_FORM = 'visit';

function choices(item: ItemDef): string {
  const values = Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i);
  if (item.notAssessedCode !== undefined && !values.includes(item.notAssessedCode))
    values.push(item.notAssessedCode);
  return values
    .map((v) => {
      const label =
        v === item.notAssessedCode
          ? 'not assessed'
          : (item.anchors?.find((a) => a.value === v)?.label ?? String(v));
      return `${v}, ${label.replace(/\|/g, '/')}`;
    })
    .join(' | ');
}

/** REDCap arithmetic: blank when any item is blank, so an incomplete scale has no total. */
function sumOf(scale: ScaleDefinition, items: readonly ItemDef[]): string {
  return items
    .map((i) =>
      i.notAssessedCode === undefined
        ? `[${itemField(scale, i.number)}]`
        : `if([${itemField(scale, i.number)}]=${i.notAssessedCode},0,[${itemField(scale, i.number)}])`,
    )
    .join('+');
}

export function dictionaryRows(): DictionaryRow[] {
  const rows: DictionaryRow[] = [
    {
      'Variable / Field Name': 'record_id',
      'Form Name': VISIT_FORM,
      'Field Type': 'text',
      'Field Label': 'Patient code (pseudonymous)',
      'Identifier?': '',
      'Required Field?': 'y',
    },
    {
      'Variable / Field Name': 'visit_date',
      'Form Name': VISIT_FORM,
      'Field Type': 'text',
      'Field Label': 'Visit date',
      'Text Validation Type OR Show Slider Number': 'date_ymd',
      'Required Field?': 'y',
    },
  ];
  for (const scale of SCALES) {
    const form = formOf(scale);
    const isItems = `[${entryField(scale)}] = 'items'`;
    const isSummary = `[${entryField(scale)}] = 'summary'`;
    rows.push({
      'Variable / Field Name': entryField(scale),
      'Form Name': form,
      'Section Header': `${scale.name}: ${scale.version}`,
      'Field Type': 'radio',
      'Field Label': `${scale.id}: how it was recorded`,
      'Choices, Calculations, OR Slider Labels':
        'items, Every item rated | summary, Summary: only totals, subscales or single items transcribed',
      'Required Field?': 'y',
    });
    for (const item of scale.items) {
      rows.push({
        'Variable / Field Name': itemField(scale, item.number),
        'Form Name': form,
        'Field Type': 'radio',
        'Field Label': `${scale.id} item ${item.number}: ${item.shortName}`,
        'Choices, Calculations, OR Slider Labels': choices(item),
        ...(item.flags.includes('unscored') ? { 'Field Note': 'not part of the total' } : {}),
      });
    }
    const scored = scoredItems(scale);
    const range = totalRange(scale);
    rows.push({
      'Variable / Field Name': totalField(scale),
      'Form Name': form,
      'Field Type': 'calc',
      'Field Label': `${scale.id} total (${range.min}–${range.max})`,
      'Choices, Calculations, OR Slider Labels': sumOf(scale, scored),
      'Field Note':
        scale.missing.kind === 'prorate-mean'
          ? 'blank when an item is missing; Trajectory prorates up to 2 missing items, REDCap does not'
          : 'blank when an item is missing',
      'Branching Logic (Show field only if...)': isItems,
    });
    for (const sub of scale.subscales) {
      const r = subscaleRange(scale, sub);
      rows.push({
        'Variable / Field Name': subscaleField(scale, sub.id),
        'Form Name': form,
        'Field Type': 'calc',
        'Field Label': `${scale.id} ${sub.name} (${r.min}–${r.max})`,
        'Choices, Calculations, OR Slider Labels': sumOf(
          scale,
          scale.items.filter((i) => sub.items.includes(i.number)),
        ),
        'Branching Logic (Show field only if...)': isItems,
      });
    }
    rows.push({
      'Variable / Field Name': recorded(totalField(scale)),
      'Form Name': form,
      'Field Type': 'text',
      'Field Label': `${scale.id} total as transcribed`,
      'Text Validation Type OR Show Slider Number': 'number',
      'Text Validation Min': String(range.min),
      'Text Validation Max': String(range.max),
      'Branching Logic (Show field only if...)': isSummary,
    });
    for (const sub of scale.subscales) {
      const r = subscaleRange(scale, sub);
      rows.push({
        'Variable / Field Name': recorded(subscaleField(scale, sub.id)),
        'Form Name': form,
        'Field Type': 'text',
        'Field Label': `${scale.id} ${sub.name} as transcribed`,
        'Text Validation Type OR Show Slider Number': 'integer',
        'Text Validation Min': String(r.min),
        'Text Validation Max': String(r.max),
        'Branching Logic (Show field only if...)': isSummary,
      });
    }
    rows.push({
      'Variable / Field Name': raterField(scale),
      'Form Name': form,
      'Field Type': 'text',
      'Field Label': `${scale.id} rated by`,
    });
  }
  return rows;
}

/** The fields of the data file, per instrument, in dictionary order, calc fields left out. */
export function dataFields(): { form: string; fields: string[] }[] {
  const forms: { form: string; fields: string[] }[] = [];
  for (const row of dictionaryRows()) {
    const form = row['Form Name'] ?? '';
    const name = row['Variable / Field Name'] ?? '';
    if (row['Field Type'] === 'calc' || name === 'record_id') continue;
    const last = forms[forms.length - 1];
    if (last?.form === form) last.fields.push(name);
    else forms.push({ form, fields: [name] });
  }
  return forms;
}
