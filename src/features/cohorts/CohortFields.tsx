import { COHORT_KINDS, type CohortKind } from '../../db/cohort-schema';

export interface CohortFieldValues {
  readonly name: string;
  readonly kind: CohortKind;
  readonly description: string;
}

/**
 * A cohort's name, kind and description, as the new-cohort and the edit forms show them
 * (inside their `form-grid`). `idPrefix` keeps both forms' ids apart on one page.
 */
export function CohortFields({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: CohortFieldValues;
  onChange: (next: CohortFieldValues) => void;
}) {
  return (
    <>
      <label htmlFor={`${idPrefix}-name`}>Name</label>
      <input
        id={`${idPrefix}-name`}
        autoComplete="off"
        value={value.name}
        onChange={(e) => onChange({ ...value, name: e.currentTarget.value })}
      />
      <label htmlFor={`${idPrefix}-kind`}>Kind</label>
      <select
        id={`${idPrefix}-kind`}
        value={value.kind}
        onChange={(e) => onChange({ ...value, kind: e.currentTarget.value as CohortKind })}
      >
        {COHORT_KINDS.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <label htmlFor={`${idPrefix}-description`}>Description (optional)</label>
      <textarea
        id={`${idPrefix}-description`}
        rows={2}
        value={value.description}
        onChange={(e) => onChange({ ...value, description: e.currentTarget.value })}
      />
    </>
  );
}
