import { useState } from 'react';
import { addArm, updateCohort } from '../../db/cohorts-repo';
import type { Cohort, CohortKind } from '../../db/cohort-schema';
import { isConflict } from '../../db/result';
import { useCohortDetail } from '../../db/stored-cohort-hooks';
import { paths } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { usePreferences } from '../../state/preferences';
import { ArmsPanel } from './ArmsPanel';
import { EnrolPanel } from './EnrolPanel';
import { CohortFields } from './CohortFields';
import './cohorts.css';

/** One stored cohort: its name, kind and arms, who is enrolled where, and enrolling more. */
export function StoredCohortPage({ cohortId }: { cohortId: string }) {
  const detail = useCohortDetail(cohortId);
  usePageTitle(detail ? `Cohort ${detail.cohort.name}` : 'Cohort');
  if (detail === undefined) return <p role="status">Loading the cohort…</p>;
  if (detail === null)
    return (
      <div className="card">
        <h1>Cohort not found</h1>
        <p>
          There is no stored cohort with this address. <a href={paths.cohorts()}>All cohorts</a>.
        </p>
      </div>
    );
  const { cohort } = detail;
  return (
    <>
      <div className="page-head">
        <div>
          <h1>{cohort.name}</h1>
          <p className="list-meta">
            {cohort.kind}, {detail.enrolments.length}{' '}
            {detail.enrolments.length === 1 ? 'patient' : 'patients'} in {cohort.arms.length}{' '}
            {cohort.arms.length === 1 ? 'arm' : 'arms'}
            {cohort.description ? `. ${cohort.description}` : ''}
          </p>
        </div>
        <div className="actions">
          <a className="button secondary" href={paths.cohort(cohort.id)}>
            Open in the cohort view
          </a>
          <a href={paths.cohorts()}>All cohorts</a>
        </div>
      </div>
      <ArmsPanel detail={detail} />
      <EnrolPanel detail={detail} />
      <EditCohort key={cohort.id} cohort={cohort} />
    </>
  );
}

function EditCohort({ cohort }: { cohort: Cohort }) {
  const clinician = usePreferences((s) => s.clinician);
  const [name, setName] = useState(cohort.name);
  const [kind, setKind] = useState<CohortKind>(cohort.kind);
  const [description, setDescription] = useState(cohort.description ?? '');
  const [arm, setArm] = useState('');
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const save = async () => {
    const result = await updateCohort(
      cohort.id,
      { name, kind, description: description.trim() || null },
      { base: cohort, by: clinician },
    );
    if (result.ok) setMessage({ text: `Saved: ${result.value.name}.`, bad: false });
    else
      setMessage({ text: isConflict(result) ? result.reason : result.issues.join(' '), bad: true });
  };
  const add = async () => {
    const result = await addArm(cohort.id, arm, { base: cohort, by: clinician });
    if (result.ok) setMessage({ text: `Arm ${arm.trim()} added.`, bad: false });
    else setMessage({ text: result.reason, bad: true });
  };
  return (
    <section className="card" aria-labelledby="edit-cohort-heading">
      <h2 id="edit-cohort-heading">Rename, describe, add an arm</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="form-grid">
          <CohortFields
            idPrefix="edit-cohort"
            value={{ name, kind, description }}
            onChange={(v) => {
              setName(v.name);
              setKind(v.kind);
              setDescription(v.description);
            }}
          />
        </div>
        <div className="actions">
          <button type="submit">Save cohort</button>
        </div>
      </form>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <div className="field">
          <label htmlFor="new-arm-name">New arm name</label>
          <input
            id="new-arm-name"
            autoComplete="off"
            value={arm}
            onChange={(e) => setArm(e.currentTarget.value)}
          />
        </div>
        <button type="submit" className="secondary">
          Add arm
        </button>
      </form>
      {message && (
        <p
          className={message.bad ? 'field-error' : 'list-meta'}
          role={message.bad ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
