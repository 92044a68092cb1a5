import type { SummaryEntry } from '../../domain/assessment';
import { itemLabel, type RefusedValue } from '../../domain/refused';
import type { ScaleDefinition } from '../../domain/scale-types';
import type { Issue } from '../../domain/validation';
import type { SummaryField } from './summary-fields';

/** The name validation gives a field: 'total', 'subscale hobbies', 'item 3'. */
export const issueFieldOf = (field: SummaryField): string =>
  field.kind === 'total' ? 'total' : `${field.kind} ${field.id}`;

/** 'HAMD-17 item 3 (suicide)', 'MADRS Anhedonia subscale', 'PHQ-9 total'. */
export function refusedLabel(scale: ScaleDefinition, field: SummaryField): string {
  const item =
    field.kind === 'item' ? scale.items.find((i) => String(i.number) === field.id) : null;
  return item ? itemLabel(scale, item) : field.label;
}

/** The other figures of the entry, as a clinician reads them: 'item 3 = 4, Anhedonia subscale 20'. */
function otherFigures(scale: ScaleDefinition, entry: SummaryEntry, field: SummaryField): string {
  const parts: string[] = [];
  for (const sub of scale.subscales) {
    const v = entry.subscales[sub.id];
    if (v !== undefined && !(field.kind === 'subscale' && field.id === sub.id))
      parts.push(`${sub.name} ${v}`);
  }
  for (const [key, v] of Object.entries(entry.items))
    if (!(field.kind === 'item' && field.id === key)) parts.push(`item ${key} = ${v}`);
  return parts.join(', ') || 'other figures';
}

const nameOfIssueField = (scale: ScaleDefinition, issueField: string): string => {
  if (issueField === 'total') return 'the total';
  const sub = scale.subscales.find((s) => `subscale ${s.id}` === issueField);
  return sub ? `the ${sub.name}` : issueField;
};

const valueOfIssueField = (entry: SummaryEntry, issueField: string): number | null => {
  if (issueField === 'total') return entry.total;
  if (issueField.startsWith('subscale ')) return entry.subscales[issueField.slice(9)] ?? null;
  return entry.items[issueField.slice(5)] ?? null;
};

/**
 * Why `text` in `field` was refused, saying which numbers disagree and how to fix them.
 * `candidate` is the entry with the typed value in it; `issues` what validation found.
 */
export function summaryRefusal(
  scale: ScaleDefinition,
  field: SummaryField,
  text: string,
  candidate: SummaryEntry | null,
  issues: readonly Issue[],
): RefusedValue {
  const label = refusedLabel(scale, field);
  const base = {
    scaleId: scale.id,
    key: field.key,
    label,
    text,
    safety: field.kind === 'item' && label.endsWith('(suicide)'),
  };
  const range = `${field.min}–${field.max}`;
  if (candidate === null)
    return { ...base, reason: `${field.label} must be a whole number from ${range}.` };
  const mine = issueFieldOf(field);
  const reasons = issues.map((issue) => {
    if (issue.field === mine && !issue.allowed)
      return `${issue.message} Type a number from ${range}, or clear the field.`;
    if (issue.field === mine && issue.allowed)
      return `with ${otherFigures(scale, candidate, field)}, ${field.kind === 'total' ? 'the total' : `the ${field.label.replace(`${scale.id} `, '')}`} must be ${issue.allowed.min}–${issue.allowed.max}. Correct it or the number that disagrees with it, or clear it.`;
    if (issue.allowed) {
      const other = nameOfIssueField(scale, issue.field);
      const value = valueOfIssueField(candidate, issue.field);
      return `${other} ${value ?? ''} cannot include it: with it, ${other} must be ${issue.allowed.min}–${issue.allowed.max}. Correct ${other} or this number, or clear the one that is wrong.`.replace(
        '  ',
        ' ',
      );
    }
    return `${issue.message} Correct the number that is wrong, or clear it.`;
  });
  return { ...base, reason: [...new Set(reasons)].join(' ') };
}
