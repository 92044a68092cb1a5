import { useId, useState } from 'react';
import { readBackup } from '../../db/backup/export-backup';
import { usePatientList } from '../../db/hooks';
import { useCohortList } from '../../db/stored-cohort-hooks';
import { download } from '../../components/download';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * Exports for other systems: a FHIR R4 Bundle for an EHR, and a REDCap data dictionary and
 * longitudinal data file for a research database. The mapping code is loaded only when used.
 */
export function ExchangeExportPanel() {
  const list = usePatientList('', 500);
  const [patientId, setPatientId] = useState('all');
  const [names, setNames] = useState(false);
  const cohorts = useCohortList();
  const [armsFrom, setArmsFrom] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const ids = { scope: useId(), names: useId(), arms: useId() };

  const read = async () => {
    const scope =
      patientId === 'all' ? { scope: 'all' as const } : { scope: 'patient' as const, patientId };
    const data = await readBackup(scope);
    if (!data.ok) setMessage(data.reason);
    return data.ok ? data.value : null;
  };
  const label = (data: { scope: string; patients: readonly { code: string }[] }) =>
    data.scope === 'all'
      ? 'all'
      : (data.patients[0]?.code ?? 'patient').replace(/[^\p{L}\p{N}._-]+/gu, '_');

  const exportFhir = async () => {
    const data = await read();
    if (!data) return;
    const { buildFhirBundle } = await import('../../interop/fhir/fhir-export');
    const bundle = buildFhirBundle(data, { includeNames: names });
    download(
      new Blob([`${JSON.stringify(bundle, null, 2)}\n`], { type: 'application/fhir+json' }),
      `trajectory-fhir-${label(data)}-${today()}.json`,
    );
    setMessage(
      `FHIR R4 Bundle saved: ${data.patients.length} patients, ${bundle.entry.length} resources${names ? ', with names' : ', names left out'}.`,
    );
  };
  const exportRedcap = async (what: 'dictionary' | 'data') => {
    const { buildRedcapData, buildRedcapDictionary, redcapArms } =
      await import('../../interop/redcap/redcap-export');
    const csv = (text: string) => new Blob([text], { type: 'text/csv;charset=utf-8' });
    if (what === 'dictionary') {
      download(csv(buildRedcapDictionary()), `trajectory-redcap-dictionary-${today()}.csv`);
      setMessage('REDCap data dictionary saved: one instrument per scale, totals as calc fields.');
      return;
    }
    if (armsFrom) {
      // A stored cohort's arms: its enrolled patients, from the whole database.
      const all = await readBackup({ scope: 'all' });
      if (!all.ok) {
        setMessage(all.reason);
        return;
      }
      const arms = redcapArms(all.value, armsFrom);
      if (!arms) {
        setMessage('That cohort is no longer stored: choose another.');
        return;
      }
      const cohort = all.value.cohorts?.find((c) => c.id === armsFrom);
      const slug = (cohort?.name ?? 'cohort').replace(/[^\p{L}\p{N}._-]+/gu, '_');
      download(
        csv(buildRedcapData(all.value, arms)),
        `trajectory-redcap-data-${slug}-${today()}.csv`,
      );
      setMessage(
        `REDCap data saved: the ${arms.size} patients of ${cohort?.name ?? 'the cohort'}, each in their arm (events week_N_arm_K, K = ${cohort?.arms.map((a, i) => `${i + 1} ${a.name}`).join(', ')}).`,
      );
      return;
    }
    const data = await read();
    if (!data) return;
    download(csv(buildRedcapData(data)), `trajectory-redcap-data-${label(data)}-${today()}.csv`);
    setMessage(
      `REDCap data saved: ${data.visits.length} visits (events week_N_arm_1; complete = 2 for finished visits).`,
    );
  };

  return (
    <section className="card" aria-labelledby="exchange-export-heading">
      <h2 id="exchange-export-heading">Export to an EHR or REDCap</h2>
      <div className="actions">
        <label htmlFor={ids.scope}>Patients</label>
        <select
          id={ids.scope}
          value={patientId}
          onChange={(e) => setPatientId(e.currentTarget.value)}
        >
          <option value="all">All patients</option>
          {list?.patients.map((p) => (
            <option key={p.id} value={p.id}>
              {p.code}
            </option>
          ))}
        </select>
        <label>
          <input
            id={ids.names}
            type="checkbox"
            checked={names}
            onChange={(e) => setNames(e.currentTarget.checked)}
          />{' '}
          Include patient names in the FHIR Bundle
        </label>
      </div>
      {cohorts && cohorts.length > 0 && (
        <div className="actions">
          <label htmlFor={ids.arms}>REDCap arms</label>
          <select
            id={ids.arms}
            value={armsFrom}
            onChange={(e) => setArmsFrom(e.currentTarget.value)}
          >
            <option value="">Every chosen patient in arm 1</option>
            {cohorts.map(({ cohort }) => (
              <option key={cohort.id} value={cohort.id}>
                The arms of {cohort.name} (its patients only)
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="actions">
        <button type="button" onClick={() => void exportFhir()}>
          Export FHIR R4 Bundle
        </button>
        <button type="button" className="secondary" onClick={() => void exportRedcap('dictionary')}>
          Export REDCap data dictionary
        </button>
        <button type="button" className="secondary" onClick={() => void exportRedcap('data')}>
          Export REDCap data
        </button>
      </div>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
