import { useState } from 'react';
import { useListedConflicts, type ListedConflict } from '../../db/sync-hooks';
import { paths } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { usePreferences } from '../../state/preferences';
import { RuleConflict } from './RuleConflict';
import { VersionsConflict } from './VersionsConflict';
import './sync-conflicts.css';

const TABLE_WORDS = {
  patients: 'Patient record',
  events: 'Treatment event',
  visits: 'Visit',
  assessments: 'Assessment',
  safetyAcks: 'Safety acknowledgement',
  cohorts: 'Cohort',
  enrolments: 'Enrolment in a cohort',
} as const;

const KIND_WORDS = {
  versions: 'changed on two devices',
  'patient-code': 'patient code used twice',
  'index-event': 'two index events',
  'draft-visit': 'two draft visits',
  'visit-copy': 'assessment and visit disagree',
} as const;

/** 'HAMD-17 of 2024-01-10', 'Visit of 2024-01-10', 'Patient record'. */
function whatOf({ conflict }: ListedConflict): string {
  const record = (conflict.versions[0]?.record ?? conflict.versions[1]?.record) as
    { scaleId?: string; date?: string; label?: string } | null | undefined;
  if (conflict.table === 'assessments' && record?.scaleId)
    return `${record.scaleId}${record.date ? ` of ${record.date}` : ''}`;
  if (conflict.table === 'events' && record?.label) return `Event ${record.label}`;
  if (conflict.table === 'visits' && record?.date) return `Visit of ${record.date}`;
  return TABLE_WORDS[conflict.table];
}

/**
 * What sync could not settle alone (#/sync/conflicts): records two devices changed apart,
 * and rules across records they broke between them. Nothing here was picked silently; each
 * entry goes once the clinician resolves it, and the patient's history keeps every version.
 */
export function SyncConflictsPage() {
  usePageTitle('Sync conflicts');
  const listed = useListedConflicts();
  const clinician = usePreferences((s) => s.clinician);
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <div className="page-head">
        <h1>Sync conflicts</h1>
      </div>
      <p role="status" className="sync-done">
        {done}
      </p>
      {listed === undefined ? (
        <p role="status">Loading…</p>
      ) : listed.length === 0 ? (
        <section className="card">
          <p>No conflicts: every record that arrived by sync fitted with the records here.</p>
          <p>
            <a href={paths.patients()}>Back to the patient list</a>
          </p>
        </section>
      ) : (
        <>
          <p>
            {listed.length === 1 ? 'One conflict needs' : `${listed.length} conflicts need`} a
            decision. Until then the record stays as it is on this device and the other versions are
            kept.
          </p>
          {listed.map((item) => {
            const what = whatOf(item);
            const kind = item.conflict.kind ?? 'versions';
            const headingId = `conflict-${item.conflict.id}`;
            return (
              <section key={item.conflict.id} className="card" aria-labelledby={headingId}>
                <h2 id={headingId}>
                  {item.patientCode ? `${item.patientCode}: ` : ''}
                  {kind === 'versions' ? what : TABLE_WORDS[item.conflict.table]} —{' '}
                  {KIND_WORDS[kind]}
                </h2>
                {kind === 'versions' ? (
                  <VersionsConflict
                    conflict={item.conflict}
                    what={what}
                    by={clinician || undefined}
                    onResolved={setDone}
                  />
                ) : (
                  <RuleConflict
                    conflict={item.conflict}
                    rule={item.rule}
                    by={clinician || undefined}
                    onResolved={setDone}
                  />
                )}
              </section>
            );
          })}
        </>
      )}
    </>
  );
}
