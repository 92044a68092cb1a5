import { useState } from 'react';
import { useHistory } from '../../db/history-hooks';
import { undo } from '../../db/history-repo';
import type { HistoryEntry } from '../../db/schema';
import { usePreferences } from '../../state/preferences';
import { ScrollBox } from '../../components/ScrollBox';

const TABLE_NAME: Record<HistoryEntry['table'], string> = {
  patients: 'patient',
  events: 'treatment event',
  visits: 'visit',
  assessments: 'assessment',
  safetyAcks: 'safety acknowledgement',
  cohorts: 'cohort',
  enrolments: 'enrolment',
  clinicalRules: 'conventions',
  scaleDefinitions: 'clinic-defined scale',
};

/** Every change, grouped by the user action that made it; each group can be undone. */
export function HistoryPanel({ patientId }: { patientId: string }) {
  const history = useHistory({ patientId }, 200);
  const clinician = usePreferences((s) => s.clinician);
  const [message, setMessage] = useState<string | null>(null);
  if (!history) return null;
  const groups: HistoryEntry[][] = [];
  for (const entry of history) {
    const last = groups[groups.length - 1];
    if (last?.[0]?.groupId === entry.groupId) last.push(entry);
    else groups.push([entry]);
  }
  const onUndo = async (entry: HistoryEntry) => {
    const result = await undo(entry.id, { by: clinician });
    setMessage(result.ok ? `Undone: ${entry.operation}.` : result.reason);
  };
  return (
    <section className="card" aria-labelledby="history-heading">
      <details>
        <summary>
          <h2 id="history-heading" className="inline-heading">
            History ({groups.length} {groups.length === 1 ? 'change' : 'changes'})
          </h2>
        </summary>
        {message && <p role="status">{message}</p>}
        <ScrollBox label="History table">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">By</th>
                <th scope="col">Records</th>
                <th scope="col">
                  <span className="visually-hidden">Undo</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {groups.slice(0, 50).map((group) => {
                const first = group[0];
                if (!first) return null;
                return (
                  <tr key={first.groupId}>
                    <td>{new Date(first.at).toLocaleString()}</td>
                    <td>{first.operation}</td>
                    <td>{first.by ?? ''}</td>
                    <td>{group.map((e) => `${e.action} ${TABLE_NAME[e.table]}`).join(', ')}</td>
                    <td>
                      {first.action !== 'undo' && (
                        <button
                          type="button"
                          className="secondary"
                          onClick={() => void onUndo(first)}
                        >
                          Undo
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollBox>
      </details>
    </section>
  );
}
