import type { ScaleDefinition } from '../../domain/scale-types';
import { markedTitle } from '../../domain/scales/scale-title';
import type { ScaleId } from '../../domain/scale-types';

/** Which scales are rated at this visit, and the keys that enter them. */
export function ScaleChoice({
  scales,
  offered,
  onToggle,
}: {
  /** The built-in scales, then the clinic-defined ones. */
  scales: readonly ScaleDefinition[];
  offered: (scaleId: ScaleId) => boolean;
  onToggle: (scaleId: ScaleId, on: boolean) => void;
}) {
  return (
    <>
      <fieldset className="scale-choice">
        <legend>Scales at this visit</legend>
        {scales.map((s) => (
          <label key={s.id} className="check">
            <input
              type="checkbox"
              checked={offered(s.id)}
              onChange={(e) => onToggle(s.id, e.currentTarget.checked)}
            />{' '}
            {markedTitle(s)}
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
