import { SCALES } from '../../domain/scales/registry';
import type { ScaleId } from '../../domain/scale-types';

/** Which scales are rated at this visit, and the keys that enter them. */
export function ScaleChoice({
  offered,
  onToggle,
}: {
  offered: (scaleId: ScaleId) => boolean;
  onToggle: (scaleId: ScaleId, on: boolean) => void;
}) {
  return (
    <>
      <fieldset className="scale-choice">
        <legend>Scales at this visit</legend>
        {SCALES.map((s) => (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              checked={offered(s.id)}
              onChange={(e) => onToggle(s.id, e.currentTarget.checked)}
            />{' '}
            {s.id}
          </label>
        ))}
      </fieldset>
      <p className="muted">
        Keys: a digit sets the item and moves to the next · Backspace clears (on an empty item, goes
        back) · ↑ ↓ or Tab move · Enter on a scale with nothing entered skips it (dropped at finish)
        · Ctrl+Enter finishes from any field.
      </p>
    </>
  );
}
