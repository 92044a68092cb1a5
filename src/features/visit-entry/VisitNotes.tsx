import { useRef, useState } from 'react';
import type { Visit } from '../../db/schema';
import { updateVisit } from '../../db/visits-repo';
import {
  COMMON_ADVERSE_EVENTS,
  normaliseAdverseEvents,
  splitAdverseEvents,
} from '../../domain/adverse-events';

interface Props {
  visit: Visit;
  by: string;
  onProblem: (reason: string) => void;
}

const isCommon = (e: string) =>
  (COMMON_ADVERSE_EVENTS as readonly string[]).includes(e.toLowerCase());

/**
 * The visit's adverse events (quick picks and free text) and note. Each change is stored at
 * once (a finished visit keeps the old value in the history), like the visit date.
 */
export function VisitNotes({ visit, by, onProblem }: Props) {
  // What the form shows: set at once on a change, while the write goes to the database.
  const [events, setEvents] = useState<readonly string[]>(() => visit.adverseEvents ?? []);
  const [other, setOther] = useState(() => events.filter((e) => !isCommon(e)).join(', '));
  // The visit as this form last saved it: each save names it, so it never overwrites a change
  // made meanwhile in another tab (updateVisit merges field by field or reports a conflict).
  // Saves run one after another, so two quick ticks never conflict with each other.
  const base = useRef(visit);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const save = (changes: { adverseEvents?: readonly string[]; notes?: string | null }) => {
    queue.current = queue.current.then(async () => {
      const r = await updateVisit(visit.id, changes, { base: base.current, by });
      if (r.ok) base.current = r.value;
      else onProblem(r.reason);
    });
  };
  const saveEvents = (next: readonly string[]) => {
    const list = normaliseAdverseEvents(next);
    setEvents(list);
    save({ adverseEvents: list });
  };
  const picked = (name: string) => events.some((e) => e.toLowerCase() === name);
  const toggle = (name: string, on: boolean) =>
    saveEvents(on ? [...events, name] : events.filter((e) => e.toLowerCase() !== name));

  return (
    <section className="card" aria-labelledby="visit-notes-heading">
      <h2 id="visit-notes-heading">Adverse events and note</h2>
      <fieldset className="scale-choice">
        <legend>Adverse events / side effects</legend>
        {COMMON_ADVERSE_EVENTS.map((name) => (
          <label key={name} className="check">
            <input
              type="checkbox"
              checked={picked(name)}
              onChange={(e) => toggle(name, e.currentTarget.checked)}
            />{' '}
            {name}
          </label>
        ))}
        <div className="form-grid notes-grid">
          <label htmlFor="visit-ae-other">Other (separate with commas)</label>
          <input
            id="visit-ae-other"
            value={other}
            maxLength={500}
            onChange={(e) => setOther(e.currentTarget.value)}
            onBlur={() => saveEvents([...events.filter(isCommon), ...splitAdverseEvents(other)])}
          />
        </div>
      </fieldset>
      <div className="form-grid notes-grid">
        <label htmlFor="visit-note">Note</label>
        <textarea
          id="visit-note"
          rows={2}
          maxLength={10_000}
          defaultValue={visit.notes ?? ''}
          onBlur={(e) => {
            const notes = e.currentTarget.value.trim();
            if (notes !== (visit.notes ?? '')) save({ notes: notes === '' ? null : notes });
          }}
        />
      </div>
    </section>
  );
}
