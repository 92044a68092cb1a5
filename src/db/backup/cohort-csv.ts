/**
 * The cohort's long CSV (rows from src/domain/cohort/long-rows.ts) in the app's CSV dialect
 * (csv-format.ts): '#' lines first say what the file is and document every column, so R reads
 * it with read.csv(file, comment.char = "#", na.strings = "").
 */
import type { CohortSummary } from '../../domain/cohort/cohort-summary';
import { OBSERVED_CASES_LABEL } from '../../domain/cohort/cohort-summary';
import { cohortLongRows, LONG_COLUMNS } from '../../domain/cohort/long-rows';
import { CRLF, csvCell } from './csv-format';

export function buildCohortCsv(summary: CohortSummary, cohortName: string): string {
  const arms = summary.arms.map((a) => `${a.name} (${summary.armCounts.get(a.id) ?? 0})`);
  const comments = [
    `Trajectory cohort export: ${cohortName}`,
    `Arms (patients): ${arms.join('; ')}`,
    `${OBSERVED_CASES_LABEL}. Day 0 = each patient's index event; week k = day 7k ± ${summary.window.halfWidth}; in each window the visit nearest day 7k counts (window_week); change is from each patient's own baseline.`,
    'Columns:',
    ...LONG_COLUMNS.map((c) => `  ${c.name}: ${c.description}`),
  ];
  // A comment line must begin with '#' for R: written raw on one line, never quoted.
  const raw = comments.map((line) => `# ${line.replace(/[\r\n]+/g, ' ')}`);
  const out = [...raw, LONG_COLUMNS.map((c) => c.name).join(',')];
  for (const row of cohortLongRows(summary)) {
    out.push(LONG_COLUMNS.map((c) => csvCell(row[c.name] ?? null, c.kind)).join(','));
  }
  return out.join(CRLF) + CRLF;
}
