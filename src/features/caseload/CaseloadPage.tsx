import { useCaseloadRecords } from '../../db/caseload-hooks';
import { useClinicalRules } from '../../db/choices-hooks';
import { caseloadCounts, caseloadRows } from '../../domain/caseload/caseload';
import { localToday } from '../../domain/date-rules';
import { usePageTitle } from '../../state/page-title';
import { DueTable } from './DueTable';
import { FlagsToAcknowledge } from './FlagsToAcknowledge';
import './caseload.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The clinic's overview: who is overdue or due this week (from each patient's expected
 * interval, weekly unless set), their latest course status, and every open safety flag.
 */
export function CaseloadPage() {
  usePageTitle('Caseload');
  const records = useCaseloadRecords();
  const rules = useClinicalRules();
  const today = localToday();
  const rows = records && rules ? caseloadRows(records, rules, today) : undefined;
  const counts = rows ? caseloadCounts(rows) : null;
  return (
    <>
      <div className="page-head">
        <h1>Caseload</h1>
      </div>
      <FlagsToAcknowledge />
      <section className="card" aria-labelledby="due-heading">
        <h2 id="due-heading">Visits due</h2>
        {rows === undefined || counts === null ? (
          <p role="status">Loading…</p>
        ) : rows.length === 0 ? (
          <p>No patients yet.</p>
        ) : (
          <>
            <p role="status" className="caseload-counts">
              Today {today}: {plural(counts.overdue, 'patient', 'patients')} overdue,{' '}
              {counts.dueThisWeek} due in the next 7 days,{' '}
              {plural(counts.firstVisit, 'patient', 'patients')} without a finished visit,{' '}
              {counts.later} due later.
            </p>
            <p className="muted">
              A visit is due the expected interval after the last finished visit (weekly unless set
              on the patient). Overdue: that day has passed.
            </p>
            <DueTable rows={rows} />
          </>
        )}
      </section>
    </>
  );
}
