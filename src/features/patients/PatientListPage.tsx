import { useState } from 'react';
import { useEvictionState } from '../../db/eviction';
import { useOpenFlagTotals, usePatientListPage } from '../../db/hooks';
import type { ListSort } from '../../db/patient-list-query';
import { SCALE_IDS } from '../../domain/scales/registry';
import { paths } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { PatientRow } from './PatientRow';
import { LoadExampleButton } from './LoadExampleButton';
import { SortHeader } from './SortHeader';
import { ScrollBox } from '../../components/ScrollBox';

const PAGE_SIZE = 100;

/**
 * Search by code or name; each row shows last visit, the latest total of each scale, status
 * and open flags, all from the patient summaries, a page at a time, sorted by any column.
 */
export function PatientListPage() {
  usePageTitle('Patients');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<ListSort>({ column: 'code', direction: 'ascending' });
  const [start, setStart] = useState(0);
  const list = usePatientListPage({ search, sort, start, pageSize: PAGE_SIZE });
  const flags = useOpenFlagTotals();
  const onSort = (next: ListSort) => {
    setSort(next);
    setStart(0);
  };
  const header = { sort, onSort };
  // An empty list is "No patients yet" only once it is known the browser did not clear them.
  const eviction = useEvictionState(list?.patientCount);

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
      {flags && flags.flags > 0 && (
        <p className="banner banner-danger" role="status">
          {flags.flags} open safety {flags.flags === 1 ? 'flag' : 'flags'} to acknowledge (
          {flags.patients} {flags.patients === 1 ? 'patient' : 'patients'}).
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
          setStart(0);
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
            {listMessage(list, search)}
          </p>
          {list.rows.length > 0 && (
            <ScrollBox label="Patient table">
              <table className="data patient-table">
                <thead>
                  <tr>
                    <SortHeader column="code" label="Code" {...header} />
                    <SortHeader column="name" label="Name" {...header} />
                    <SortHeader
                      column="lastVisit"
                      label="Last visit"
                      first="descending"
                      {...header}
                    />
                    {SCALE_IDS.map((id) => (
                      <SortHeader key={id} column={id} label={id} first="descending" {...header} />
                    ))}
                    <SortHeader column="status" label="Status" {...header} />
                    <SortHeader column="flags" label="Safety" first="descending" {...header} />
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((s) => (
                    <PatientRow key={s.patientId} summary={s} scales={SCALE_IDS} />
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
          {!search && list.patientCount > PAGE_SIZE && (
            <nav className="actions pager" aria-label="Pages of the patient list">
              <button
                type="button"
                disabled={list.start === 0}
                onClick={() => {
                  setStart(Math.max(0, list.start - PAGE_SIZE));
                }}
              >
                Previous {PAGE_SIZE}
              </button>
              <button
                type="button"
                disabled={list.start + PAGE_SIZE >= list.patientCount}
                onClick={() => {
                  setStart(list.start + PAGE_SIZE);
                }}
              >
                Next {PAGE_SIZE}
              </button>
            </nav>
          )}
        </>
      )}
    </>
  );
}

function listMessage(
  list: { rows: readonly unknown[]; start: number; truncated: boolean; patientCount: number },
  search: string,
): string {
  if (search) {
    if (list.rows.length === 0) return `No patient matches “${search}”.`;
    const more = list.truncated ? ': type more of a code or name to narrow the list' : '';
    return `Showing ${list.rows.length} of ${list.patientCount} patients${more}.`;
  }
  if (list.patientCount === 1) return 'Showing the one patient.';
  if (list.rows.length === list.patientCount) return `Showing all ${list.patientCount} patients.`;
  return `Showing ${list.start + 1}–${list.start + list.rows.length} of ${list.patientCount} patients.`;
}
