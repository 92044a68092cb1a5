import { useState } from 'react';
import { ScrollBox } from '../../components/ScrollBox';
import { createCohort } from '../../db/cohorts-repo';
import type { CohortKind } from '../../db/cohort-schema';
import { useCohortList } from '../../db/stored-cohort-hooks';
import { navigate, paths } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { usePreferences } from '../../state/preferences';
import { CohortFields } from './CohortFields';
import './cohorts.css';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Stored cohorts: a study or a case series with named arms, whose patients the clinician
 * enrols by hand (StoredCohortPage). "All patients whose index event is <drug>" needs no
 * storing: the cohort view offers it from the events.
 */
export function CohortsPage() {
  usePageTitle('Cohorts');
  const cohorts = useCohortList();
  return (
    <>
      <div className="page-head">
        <h1>Cohorts</h1>
      </div>
      <section className="card" aria-labelledby="cohort-list-heading">
        <h2 id="cohort-list-heading">Stored cohorts</h2>
        {cohorts === undefined ? (
          <p role="status">Loading the cohorts…</p>
        ) : cohorts.length === 0 ? (
          <p>
            No stored cohort yet. Create one below; the cohort view also groups every patient by the
            drug of their index event.
          </p>
        ) : (
          <ScrollBox label="Stored cohorts">
            <table className="data">
              <caption className="visually-hidden">Stored cohorts</caption>
              <thead>
                <tr>
                  <th scope="col">Cohort</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Arms (patients)</th>
                  <th scope="col" className="num">
                    Patients
                  </th>
                </tr>
              </thead>
              <tbody>
                {cohorts.map(({ cohort, counts, total }) => (
                  <tr key={cohort.id}>
                    <th scope="row">
                      <a href={paths.storedCohort(cohort.id)}>{cohort.name}</a>
                    </th>
                    <td>{cohort.kind}</td>
                    <td>
                      {cohort.arms.map((a) => `${a.name} (${counts.get(a.id) ?? 0})`).join(', ')}
                    </td>
                    <td className="num">{total}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
        {cohorts && cohorts.length > 0 && (
          <p className="list-meta">{plural(cohorts.length, 'cohort', 'cohorts')}.</p>
        )}
      </section>
      <NewCohortForm />
    </>
  );
}

function NewCohortForm() {
  const clinician = usePreferences((s) => s.clinician);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<CohortKind>('study');
  const [description, setDescription] = useState('');
  const [arms, setArms] = useState(['', '']);
  const [problem, setProblem] = useState<string | null>(null);
  const create = async () => {
    const named = arms.map((a) => a.trim()).filter(Boolean);
    const result = await createCohort(
      {
        name,
        kind,
        arms: named,
        ...(description.trim() ? { description } : {}),
      },
      { by: clinician },
    );
    if (!result.ok) {
      setProblem(result.issues.join(' '));
      return;
    }
    setProblem(null);
    navigate(paths.storedCohort(result.value.id));
  };
  return (
    <section className="card" aria-labelledby="new-cohort-heading">
      <h2 id="new-cohort-heading">New cohort</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <div className="form-grid">
          <CohortFields
            idPrefix="cohort"
            value={{ name, kind, description }}
            onChange={(v) => {
              setName(v.name);
              setKind(v.kind);
              setDescription(v.description);
            }}
          />
          {arms.map((arm, i) => (
            <ArmField
              key={i}
              number={i + 1}
              value={arm}
              onChange={(v) => setArms(arms.map((a, k) => (k === i ? v : a)))}
            />
          ))}
        </div>
        <p className="list-meta">
          Leave an arm empty for a cohort of one arm; add more arms later.
        </p>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="actions">
          <button type="submit">Create cohort</button>
        </div>
      </form>
    </section>
  );
}

function ArmField({
  number,
  value,
  onChange,
}: {
  number: number;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <>
      <label htmlFor={`cohort-arm-${number}`}>Arm {number} name</label>
      <input
        id={`cohort-arm-${number}`}
        autoComplete="off"
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </>
  );
}
