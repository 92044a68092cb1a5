import { useState } from 'react';
import { useEvictionState } from '../../db/eviction';
import { usePatientList, useOpenSafetyFlags } from '../../db/hooks';
import { paths } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { PatientRow } from './PatientRow';
import { LoadExampleButton } from './LoadExampleButton';
import { ScrollBox } from '../../components/ScrollBox';

/** Search by code or name; each row shows last visit, latest scores, status and flags. */
export function PatientListPage() {
  usePageTitle('Patients');
  const [search, setSearch] = useState('');
  const list = usePatientList(search);
  const flags = useOpenSafetyFlags();
  // An empty list is "No patients yet" only once it is known the browser did not clear them.
  const eviction = useEvictionState(list?.patientCount);
  const flagged = new Set(flags?.map((f) => f.patientId));

  return (
    <>
      <div className="page-head">
        <h1>Patients</h1>
        <div className="actions">
          <a className="button" href={paths.newPatient()}>
            New patient
          </a>
        </div>
      </div>
      {flags && flags.length > 0 && (
        <p className="banner banner-danger" role="status">
          {flags.length} open safety {flags.length === 1 ? 'flag' : 'flags'} to acknowledge (
          {[...flagged].length} {flagged.size === 1 ? 'patient' : 'patients'}).
        </p>
      )}
      <label htmlFor="patient-search" className="visually-hidden">
        Search patients by code or name
      </label>
      <input
        id="patient-search"
        className="search"
        type="search"
        placeholder="Search by code or name"
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
        }}
      />
      {list === undefined || (list.patientCount === 0 && eviction.kind === 'unknown') ? (
        <p role="status">Loading…</p>
      ) : list.patientCount === 0 && eviction.kind === 'evicted' ? (
        <div className="card empty">
          <p>
            The records this device held were cleared by the browser (see the message above).
            Restore them from a backup on the <a href={paths.data()}>Data &amp; settings</a> page.
          </p>
        </div>
      ) : list.patientCount === 0 ? (
        <div className="card empty">
          <p>No patients yet. Add the first one, or load the published example course.</p>
          <div className="actions">
            <a className="button" href={paths.newPatient()}>
              New patient
            </a>
            <LoadExampleButton />
          </div>
        </div>
      ) : (
        <>
          <p className="list-meta" role="status">
            {list.patients.length === 0
              ? `No patient matches “${search}”.`
              : `Showing ${list.patients.length} of ${list.patientCount} patients${list.truncated ? ': type more of a code or name to narrow the list' : ''}.`}
          </p>
          {list.patients.length > 0 && (
            <ScrollBox label="Patient table">
              <table className="data patient-table">
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Name</th>
                    <th scope="col">Last visit</th>
                    <th scope="col">Latest scores</th>
                    <th scope="col">Status</th>
                    <th scope="col">Safety</th>
                  </tr>
                </thead>
                <tbody>
                  {list.patients.map((p) => (
                    <PatientRow key={p.id} patient={p} flagged={flagged.has(p.id)} />
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </>
      )}
    </>
  );
}
