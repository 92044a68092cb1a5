import { useState } from 'react';
import { useRuleHistory } from '../../db/choices-hooks';
import { undo } from '../../db/history-repo';
import { usePreferences } from '../../state/preferences';

/**
 * Every change of the conventions (they change the figures of every patient), newest first,
 * with who made it; the latest can be undone, and the undo is itself a change in the list.
 */
export function RuleHistory() {
  const entries = useRuleHistory();
  const clinician = usePreferences((s) => s.clinician);
  const [message, setMessage] = useState<string | null>(null);
  if (!entries || entries.length === 0) return null;
  const latest = entries[0];
  const onUndo = async (id: number) => {
    const result = await undo(id, clinician ? { by: clinician } : {});
    setMessage(
      result.ok ? `Undone: ${result.value.operation.replace(/^undo /, '')}.` : result.reason,
    );
  };
  return (
    <div className="rule-history">
      <p id="rule-history-heading">
        <strong>Changes of conventions</strong>
      </p>
      {message && <p role="status">{message}</p>}
      <ul aria-labelledby="rule-history-heading">
        {entries.map((e) => (
          <li key={e.id}>
            {new Date(e.at).toLocaleString()}: {e.operation}
            {e.by ? ` (${e.by})` : ''}
            {e === latest && (
              <button type="button" className="secondary" onClick={() => void onUndo(e.id)}>
                Undo “{e.operation}”
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
