import { useState } from 'react';
import { removeEnrolment } from '../../db/enrolments-repo';
import { listHistory, undo } from '../../db/history-repo';
import type { CohortDetail } from '../../db/stored-cohort-queries';
import { paths } from '../../state/navigation';
import { usePreferences } from '../../state/preferences';

/** Each arm with its patients; a patient can be taken out, and the removal undone. */
export function ArmsPanel({ detail }: { detail: CohortDetail }) {
  const clinician = usePreferences((s) => s.clinician);
  const [message, setMessage] = useState<{ text: string; undoId: number | null } | null>(null);
  const codeOf = new Map(detail.patients.map((p) => [p.id, p.code]));
  const remove = async (enrolmentId: string, code: string) => {
    const result = await removeEnrolment(enrolmentId, { by: clinician });
    if (!result.ok) {
      setMessage({ text: result.reason, undoId: null });
      return;
    }
    const [entry] = await listHistory({ recordId: enrolmentId }, 1);
    setMessage({ text: `${code} removed from ${detail.cohort.name}.`, undoId: entry?.id ?? null });
  };
  const takeBack = async (id: number) => {
    const result = await undo(id, { by: clinician });
    setMessage({ text: result.ok ? 'Removal undone.' : result.reason, undoId: null });
  };
  return (
    <section className="card" aria-labelledby="arms-heading">
      <h2 id="arms-heading">Arms</h2>
      <div className="cohort-arms">
        {detail.cohort.arms.map((arm, i) => {
          const enrolled = detail.enrolments
            .filter((e) => e.armId === arm.id)
            .map((e) => ({ e, code: codeOf.get(e.patientId) ?? e.patientId }))
            .sort((a, b) => a.code.localeCompare(b.code));
          return (
            <section key={arm.id} aria-labelledby={`arm-${arm.id}`}>
              <h3 id={`arm-${arm.id}`}>
                Arm {i + 1}: {arm.name} (n = {enrolled.length})
              </h3>
              {enrolled.length === 0 ? (
                <p className="list-meta">No patient enrolled yet.</p>
              ) : (
                <ul aria-label={`Patients in arm ${arm.name}`}>
                  {enrolled.map(({ e, code }) => (
                    <li key={e.id}>
                      <span>
                        <a href={paths.patient(e.patientId)}>{code}</a>
                        {e.enrolledOn ? ` since ${e.enrolledOn}` : ''}
                      </span>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Remove ${code} from arm ${arm.name}`}
                        onClick={() => void remove(e.id, code)}
                      >
                        Remove
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          );
        })}
      </div>
      {message && (
        <p role="status" className="list-meta">
          {message.text}{' '}
          {message.undoId !== null && (
            <button
              type="button"
              className="secondary"
              onClick={() => message.undoId !== null && void takeBack(message.undoId)}
            >
              Undo
            </button>
          )}
        </p>
      )}
    </section>
  );
}
