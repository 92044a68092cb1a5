/** The columns of the long CSV export, documented once for the file's comment lines and dictionary. */
import { SCALE_IDS } from '../../domain/scales/registry';
import type { CsvKind } from './csv-format';

export interface CsvColumn {
  readonly name: string;
  readonly kind: CsvKind;
  readonly description: string;
}

export const CSV_COLUMNS = [
  { name: 'patient_code', kind: 'text', description: 'pseudonymous patient code' },
  { name: 'visit_date', kind: 'text', description: 'date of the visit, YYYY-MM-DD' },
  {
    name: 'days_since_index',
    kind: 'number',
    description:
      'whole days from the index event (e.g. the dezocine dose) to the visit; negative before it; empty when the patient has no index event',
  },
  {
    name: 'scale',
    kind: 'text',
    description: `scale id: ${SCALE_IDS.join(', ')}, or clinic:<key> for a clinic-defined scale (imported from a FHIR Questionnaire; its scale_version ends in "(clinic-defined)")`,
  },
  {
    name: 'scale_version',
    kind: 'text',
    description:
      'version of the scale definition the entry was made with; its bands and rules scored it',
  },
  {
    name: 'entry_mode',
    kind: 'text',
    description:
      'items = every item entered; summary = only totals, subscales or single items transcribed (e.g. from a published table)',
  },
  { name: 'measure', kind: 'text', description: 'item, subscale or total' },
  {
    name: 'measure_id',
    kind: 'text',
    description: 'item number, subscale id (e.g. hobbies), or total',
  },
  {
    name: 'measure_label',
    kind: 'text',
    description: 'short name of the item or subscale, or Total',
  },
  {
    name: 'value',
    kind: 'number',
    description:
      'the score; empty = missing (items: not answered; total: cannot be computed); a prorated total may have decimals; HAMD-17 item 16 = 3 means not assessed (scores 0 in the total)',
  },
  {
    name: 'completeness',
    kind: 'text',
    description:
      'how the total of this assessment came about: complete, prorated, incomplete (no total) or summary (transcribed)',
  },
  { name: 'status', kind: 'text', description: 'draft or final (drafts may still change)' },
  {
    name: 'rater',
    kind: 'text',
    description: 'who rated the scale at this visit, as entered; empty = not recorded',
  },
  {
    name: 'visit_time',
    kind: 'text',
    description:
      'time of day of the visit, HH:mm local time (several visits on one day); empty = not recorded (the last column, so the columns of earlier files keep their places)',
  },
] as const satisfies readonly CsvColumn[];

export type CsvColumnName = (typeof CSV_COLUMNS)[number]['name'];

export type CsvRow = Readonly<Record<CsvColumnName, string | number | null>>;

/** The data dictionary as plain text lines (also written as '#' lines at the top of the file). */
export function csvDictionaryLines(): string[] {
  return [
    'Trajectory CSV export, long format: one row per patient, visit, scale and measure (item, subscale or total).',
    'UTF-8, comma-separated, RFC 4180 quoting, CRLF line ends; the first line after these comments names the columns.',
    'R: read.csv(file, comment.char = "#", na.strings = "", colClasses = c(measure_id = "character"))',
    'SPSS, Excel: export without comment lines and keep this dictionary beside the file.',
    "Empty value = missing. Text beginning with = + - @ is prefixed with ' (spreadsheet formula guard).",
    'Columns:',
    ...CSV_COLUMNS.map((c) => `  ${c.name} (${c.kind}): ${c.description}`),
  ];
}
