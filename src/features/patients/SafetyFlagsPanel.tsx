import { useState } from 'react';
import { useOpenSafetyFlags } from '../../db/hooks';
import { acknowledgeSafetyFlag, type SafetyFlag } from '../../db/safety-repo';
import { usePreferences } from '../../state/preferences';

/**
 * Open safety flags stay on the patient until a named clinician acknowledges them; the
 * acknowledgement (who, when, note) is kept in the history.
 */
export function SafetyFlagsPanel({ patientId }: { patientId: string }) {
  const flags = useOpenSafetyFlags(patientId);
  if (!flags || flags.length === 0) return null;
  return (
    <section className="card safety-card" aria-labelledby="safety-heading">
      <h2 id="safety-heading">Safety flags to acknowledge</h2>
      <ul className="flag-list">
        {flags.map((f) => (
          <FlagItem key={`${f.assessmentId}:${f.item}`} flag={f} />
        ))}
      </ul>
    </section>
  );
}

function FlagItem({ flag }: { flag: SafetyFlag }) {
  const clinician = usePreferences((s) => s.clinician);
  const [by, setBy] = useState(clinician);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = `ack-${flag.assessmentId}-${flag.item}`;
  const acknowledge = async () => {
    if (!by.trim()) {
      setProblem('Enter the name of the clinician acknowledging this flag.');
      return;
    }
    const result = await acknowledgeSafetyFlag({
      assessmentId: flag.assessmentId,
      item: flag.item,
      acknowledgedBy: by.trim(),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (!result.ok) setProblem(result.reason);
  };
  return (
    <li className="safety-flag" role="alert">
      <strong>
        {flag.scaleId} item {flag.item} = {flag.value}
      </strong>{' '}
      on {flag.date}
      {flag.status === 'draft' ? ' (draft visit)' : ''}: {flag.message}
      <div className="actions ack-form">
        <label htmlFor={`${id}-by`}>Acknowledged by</label>
        <input id={`${id}-by`} value={by} onChange={(e) => setBy(e.currentTarget.value)} />
        <label htmlFor={`${id}-note`}>Action taken</label>
        <input id={`${id}-note`} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        <button type="button" onClick={() => void acknowledge()}>
          Acknowledge {flag.scaleId} item {flag.item}
        </button>
      </div>
      {problem && <p className="field-error">{problem}</p>}
    </li>
  );
}
