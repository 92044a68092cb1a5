import { useState } from 'react';
import type { CohortView } from '../../domain/cohort/cohort-view';
import { timeToEvent, type TimeToEventKind } from '../../domain/cohort/time-to-event';
import { getScale } from '../../domain/scales/registry';
import type { ScaleId } from '../../domain/scale-types';
import { KaplanMeierChart } from '../../charts/CohortCharts';
import { TimeToEventTable } from './TimeToEventTable';

const KINDS: readonly TimeToEventKind[] = ['response', 'remission', 'relapse'];

/** Kaplan–Meier time to response, remission and relapse after response, per arm. */
export function TimeToEventSection({ summary }: { summary: CohortView }) {
  const scales = [...new Set(summary.series.map((s) => s.scaleId))].filter(
    (id) => getScale(id).kind === 'severity' && getScale(id).response !== undefined,
  );
  const [picked, setPicked] = useState<ScaleId | ''>('');
  const scaleId = picked !== '' && scales.includes(picked) ? picked : scales[0];
  if (scaleId === undefined) {
    return (
      <section className="card" aria-labelledby="km-heading">
        <h2 id="km-heading">Time to event</h2>
        <p>No scale with a response rule is rated in this cohort.</p>
      </section>
    );
  }
  const armName = new Map(summary.arms.map((a) => [a.id, a.name]));
  return (
    <section className="card" aria-labelledby="km-heading">
      <h2 id="km-heading">Time to event (Kaplan–Meier)</h2>
      <p className="muted">
        Censored at each patient’s last rated visit of the scale. Relapse is counted from the first
        response, among patients who responded. The median is the first day the proportion without
        the event is 50 % or less; its 95 % CI follows R’s survfit (log interval).
      </p>
      <div className="field">
        <label htmlFor="km-scale">Scale for time to event</label>
        <select
          id="km-scale"
          value={scaleId}
          onChange={(e) => {
            setPicked(e.currentTarget.value as ScaleId);
          }}
        >
          {scales.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </div>
      {KINDS.map((kind) => (
        <KaplanMeierChart key={kind} summary={summary} scaleId={scaleId} kind={kind} />
      ))}
      {KINDS.flatMap((kind) =>
        timeToEvent(summary.arms, summary.series, scaleId, kind).map((km) => (
          <TimeToEventTable
            key={`${kind}-${km.armId}`}
            km={km}
            armName={armName.get(km.armId) ?? km.armId}
          />
        )),
      )}
    </section>
  );
}
