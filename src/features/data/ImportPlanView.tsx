import type { ExternalPatientPlan, ExternalPlan } from '../../db/backup/external-import';
import type { ColumnUse } from '../../interop/csv/sheet-import';

/** '1 patient', '2 visits'. */
export const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function patientLine(p: ExternalPatientPlan): string {
  if (p.kind === 'identical') return 'already here, identical: nothing would change';
  const parts = [
    p.newVisits ? count(p.newVisits, 'new visit') : '',
    p.newAssessments ? count(p.newAssessments, 'new assessment') : '',
    p.newEvents ? count(p.newEvents, 'new treatment event') : '',
    p.changed.length
      ? `different values here for ${p.changed.join(', ')} (the file's would replace them)`
      : '',
  ].filter(Boolean);
  return p.kind === 'new'
    ? `new patient: ${parts.join(', ') || 'no visits'}`
    : `already here; the file adds or changes: ${parts.join('; ') || 'patient details'}`;
}

interface Props {
  readonly fileName: string;
  readonly plan: ExternalPlan;
  readonly columns: readonly ColumnUse[] | null;
  readonly onImport: (mode: 'skip' | 'replace') => void;
  readonly onCancel: () => void;
}

/** What the file holds, how each column was read and what importing would do: shown before writing. */
export function ImportPlanView({ fileName, plan, columns, onImport, onCancel }: Props) {
  const changing = plan.patients.filter((p) => p.kind === 'changes');
  return (
    <div className="banner banner-info" role="status">
      <p>
        {fileName}, read as {plan.source}: {count(plan.patients.length, 'patient')},{' '}
        {count(plan.visits, 'visit')}, {count(plan.assessments, 'assessment')}. Every row was
        checked; nothing has been written yet.
      </p>
      {columns && (
        <div className="table-scroll">
          <table className="data">
            <caption>How each column is read</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Header</th>
                <th scope="col">Read as</th>
              </tr>
            </thead>
            <tbody>
              {columns.map((c) => (
                <tr key={c.index}>
                  <td>{c.column}</td>
                  <td>{c.header}</td>
                  <td>{c.meaning ?? 'not imported'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ul aria-label="What importing would do">
        {plan.patients.map((p) => (
          <li key={p.code}>
            <strong>{p.code}</strong>: {patientLine(p)}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => onImport('replace')}>
          {changing.length ? 'Import, adding to and updating existing patients' : 'Import'}
        </button>
        {changing.length > 0 && (
          <button type="button" className="secondary" onClick={() => onImport('skip')}>
            Import new patients only
          </button>
        )}
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
