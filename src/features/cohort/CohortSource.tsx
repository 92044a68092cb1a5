import type { CohortListItem } from '../../db/stored-cohort-queries';
import { paths } from '../../state/navigation';

/**
 * Which cohort the view shows: a stored cohort (its arms and enrolled patients, from the
 * Cohorts page) or the patients grouped by the drug of their index event.
 */
export function CohortSource({
  stored,
  hasDrugs,
  value,
  onChange,
}: {
  stored: readonly CohortListItem[];
  hasDrugs: boolean;
  /** A stored cohort's id, or '' for the cohort by index drug. */
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <div className="card cohort-controls">
      <div className="field">
        <label htmlFor="cohort-source">Cohort</label>
        <select id="cohort-source" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          {hasDrugs && <option value="">Patients by the drug of their index event</option>}
          {stored.map(({ cohort, total }) => (
            <option key={cohort.id} value={cohort.id}>
              {cohort.name} ({cohort.kind}, {cohort.arms.length}{' '}
              {cohort.arms.length === 1 ? 'arm' : 'arms'}, {total}{' '}
              {total === 1 ? 'patient' : 'patients'})
            </option>
          ))}
        </select>
      </div>
      <p className="list-meta">
        <a href={paths.cohorts()}>Manage stored cohorts</a>
      </p>
    </div>
  );
}
