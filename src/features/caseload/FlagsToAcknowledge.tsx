import { useState } from 'react';
import { ScrollBox } from '../../components/ScrollBox';
import { useOpenSafetyFlags } from '../../db/hooks';
import { acknowledgeSafetyFlags, type SafetyFlag } from '../../db/safety-repo';
import { paths } from '../../state/navigation';
import { usePreferences } from '../../state/preferences';

const keyOf = (f: SafetyFlag) => `${f.assessmentId}:${f.item}`;
const flagWords = (f: SafetyFlag) => `${f.patientCode} ${f.scaleId} item ${f.item} = ${f.value}`;

/**
 * Open safety flags of every patient. The clinician picks several and acknowledges them with
 * one name and one note: one write, one acknowledgement (and history entry) per flag.
 */
export function FlagsToAcknowledge() {
  const flags = useOpenSafetyFlags();
  const clinician = usePreferences((s) => s.clinician);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [by, setBy] = useState(clinician);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  if (flags === undefined) return null;
  // A flag acknowledged elsewhere meanwhile drops out of the choice.
  const picked = flags.filter((f) => chosen.has(keyOf(f)));
  const allPicked = flags.length > 0 && picked.length === flags.length;
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setChosen(next);
    setDone(null);
  };

  const acknowledge = async () => {
    setDone(null);
    if (!picked.length) {
      setProblem('Choose at least one safety flag to acknowledge.');
      return;
    }
    if (!by.trim()) {
      setProblem('Enter the name of the clinician acknowledging these flags.');
      return;
    }
    setSaving(true);
    const result = await acknowledgeSafetyFlags(
      picked.map((f) => ({ assessmentId: f.assessmentId, item: f.item })),
      { acknowledgedBy: by.trim(), ...(note.trim() ? { note: note.trim() } : {}) },
    );
    setSaving(false);
    if (!result.ok) {
      setProblem(result.reason);
      return;
    }
    setProblem(null);
    setChosen(new Set());
    setNote('');
    const n = result.value.length;
    setDone(`Acknowledged ${n} safety ${n === 1 ? 'flag' : 'flags'}.`);
  };

  return (
    <section className="card safety-card" aria-labelledby="flags-heading">
      <h2 id="flags-heading">Open safety flags</h2>
      <p role="status">
        {done ? `${done} ` : ''}
        {flags.length === 0
          ? 'No open safety flags.'
          : `${flags.length} open ${flags.length === 1 ? 'flag' : 'flags'} to acknowledge.`}
      </p>
      {flags.length > 0 && (
        <>
          <ScrollBox label="Open safety flags table">
            <table className="data flag-table">
              <thead>
                <tr>
                  <th scope="col" className="pick">
                    <input
                      type="checkbox"
                      aria-label="Choose every open flag"
                      checked={allPicked}
                      onChange={(e) => {
                        setChosen(e.currentTarget.checked ? new Set(flags.map(keyOf)) : new Set());
                        setDone(null);
                      }}
                    />
                  </th>
                  <th scope="col">Patient</th>
                  <th scope="col">Item</th>
                  <th scope="col">Date</th>
                  <th scope="col">Rule</th>
                </tr>
              </thead>
              <tbody>
                {flags.map((f) => (
                  <tr key={keyOf(f)}>
                    <td className="pick">
                      <input
                        type="checkbox"
                        aria-label={`Choose ${flagWords(f)} of ${f.date}`}
                        checked={chosen.has(keyOf(f))}
                        onChange={(e) => toggle(keyOf(f), e.currentTarget.checked)}
                      />
                    </td>
                    <th scope="row">
                      <a href={paths.patient(f.patientId)}>{f.patientCode}</a>
                    </th>
                    <td>
                      {f.scaleId} item {f.item} = {f.value}
                    </td>
                    <td>
                      {f.date}
                      {f.status === 'draft' ? ' (draft visit)' : ''}
                    </td>
                    <td>{f.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
          <div className="ack-many">
            <div className="field">
              <label htmlFor="ack-many-by">Acknowledged by</label>
              <input id="ack-many-by" value={by} onChange={(e) => setBy(e.currentTarget.value)} />
            </div>
            <div className="field">
              <label htmlFor="ack-many-note">Action taken (one note for every chosen flag)</label>
              <input
                id="ack-many-note"
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
              />
            </div>
            <div>
              <button type="button" disabled={saving} onClick={() => void acknowledge()}>
                Acknowledge {picked.length} chosen {picked.length === 1 ? 'flag' : 'flags'}
              </button>
            </div>
          </div>
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
        </>
      )}
    </section>
  );
}
