import { useState } from 'react';
import { enrolPatients } from '../../db/enrolments-repo';
import type { CohortDetail, EnrolCandidate } from '../../db/stored-cohort-queries';
import { distinctDrugs } from '../../domain/cohort/drug-name';
import { usePreferences } from '../../state/preferences';

const matches = (p: EnrolCandidate, query: string) => {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [p.code, p.name ?? '', p.indexDrug ?? ''].some((t) => t.toLowerCase().includes(q));
};

/**
 * Enrolling patients in one arm: chosen from a searchable list of the patients not yet in
 * this cohort, or all of those whose index event is one drug. One write, one undo.
 */
export function EnrolPanel({ detail }: { detail: CohortDetail }) {
  const clinician = usePreferences((s) => s.clinician);
  const { cohort } = detail;
  const [armId, setArmId] = useState(cohort.arms[0]?.id ?? '');
  const [enrolledOn, setEnrolledOn] = useState('');
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [drug, setDrug] = useState('');
  const [message, setMessage] = useState<{ text: string; bad: boolean } | null>(null);
  const enrolled = new Set(detail.enrolments.map((e) => e.patientId));
  const free = detail.patients.filter((p) => !enrolled.has(p.id));
  const shown = free.filter((p) => matches(p, query));
  const drugs = distinctDrugs(free.flatMap((p) => (p.indexDrug ? [p.indexDrug] : [])));
  const arm = cohort.arms.find((a) => a.id === armId) ?? cohort.arms[0];
  const drugKey = drug || drugs[0]?.key || '';
  const ofDrug = free.filter((p) => p.indexDrugKey === drugKey);

  const enrol = async (ids: readonly string[]) => {
    if (!arm) return;
    const result = await enrolPatients(cohort.id, arm.id, ids, {
      by: clinician,
      ...(enrolledOn ? { enrolledOn } : {}),
    });
    if (!result.ok) {
      setMessage({ text: result.issues.join(' '), bad: true });
      return;
    }
    setChosen(new Set());
    const n = result.value.length;
    setMessage({
      text: `${n} ${n === 1 ? 'patient' : 'patients'} enrolled in arm ${arm.name}.`,
      bad: false,
    });
  };
  const toggle = (id: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(id);
    else next.delete(id);
    setChosen(next);
  };
  const picked = free.filter((p) => chosen.has(p.id)).map((p) => p.id);

  return (
    <section className="card" aria-labelledby="enrol-heading">
      <h2 id="enrol-heading">Enrol patients</h2>
      <div className="inline-form">
        <div className="field">
          <label htmlFor="enrol-arm">Arm</label>
          <select
            id="enrol-arm"
            value={arm?.id ?? ''}
            onChange={(e) => setArmId(e.currentTarget.value)}
          >
            {cohort.arms.map((a, i) => (
              <option key={a.id} value={a.id}>
                Arm {i + 1}: {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="enrol-date">Enrolment date (optional)</label>
          <input
            id="enrol-date"
            type="date"
            value={enrolledOn}
            onChange={(e) => setEnrolledOn(e.currentTarget.value)}
          />
        </div>
      </div>
      {free.length === 0 ? (
        <p className="list-meta">Every patient is already in this cohort.</p>
      ) : (
        <>
          <h3>Choose patients</h3>
          <div className="field">
            <label htmlFor="enrol-search">Search patients (code, name or index drug)</label>
            <input
              id="enrol-search"
              type="search"
              autoComplete="off"
              value={query}
              onChange={(e) => setQuery(e.currentTarget.value)}
            />
          </div>
          <fieldset className="enrol-choices">
            <legend className="visually-hidden">Patients not yet in this cohort</legend>
            {shown.length === 0 && <p className="list-meta">No patient matches “{query}”.</p>}
            {shown.map((p) => (
              <label key={p.id}>
                <input
                  type="checkbox"
                  checked={chosen.has(p.id)}
                  onChange={(e) => toggle(p.id, e.currentTarget.checked)}
                />
                {p.code}
                {p.name ? `, ${p.name}` : ''}
                {p.indexDrug ? ` (index: ${p.indexDrug})` : ' (no index event)'}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="button" disabled={picked.length === 0} onClick={() => void enrol(picked)}>
              Enrol {picked.length} chosen {picked.length === 1 ? 'patient' : 'patients'} in arm{' '}
              {arm?.name}
            </button>
          </div>
          {drugs.length > 0 && (
            <div className="inline-form">
              <div className="field">
                <label htmlFor="enrol-drug">All patients whose index event is</label>
                <select
                  id="enrol-drug"
                  value={drugKey}
                  onChange={(e) => setDrug(e.currentTarget.value)}
                >
                  {drugs.map((d) => (
                    <option key={d.key} value={d.key}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="secondary"
                disabled={ofDrug.length === 0}
                onClick={() => void enrol(ofDrug.map((p) => p.id))}
              >
                Enrol all {ofDrug.length} in arm {arm?.name}
              </button>
            </div>
          )}
        </>
      )}
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
