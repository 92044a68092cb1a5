import { useMemo, useState } from 'react';
import { useClinicalRules } from '../../db/choices-hooks';
import { useCohortIndex } from '../../db/cohort-hooks';
import type { CohortIndex } from '../../db/cohort-queries';
import { useCohortList } from '../../db/stored-cohort-hooks';
import type { CohortListItem } from '../../db/stored-cohort-queries';
import {
  drugArmId,
  drugCohortMembers,
  enrolledCohortMembers,
  indexDrugKey,
  type CohortIndexEntry,
} from '../../domain/cohort/cohort-input';
import { OBSERVED_CASES_LABEL } from '../../domain/cohort/cohort-summary';
import type { CohortArm } from '../../domain/cohort/cohort-types';
import { distinctDrugs, eventDrugName } from '../../domain/cohort/drug-name';
import { checkWindow } from '../../domain/cohort/windows';
import { courseRules, type ClinicalRules } from '../../domain/clinical-rules';
import { getScale } from '../../domain/scales/registry';
import { CohortImprovementChart, CohortResponseChart } from '../../charts/CohortCharts';
import { ArmWeekTable } from './ArmWeekTable';
import { CohortControls, type CohortChoice, type DrugOption } from './CohortControls';
import { CohortSource } from './CohortSource';
import { DifferenceTable } from './DifferenceTable';
import { download } from '../../components/download';
import { TimeToEventSection } from './TimeToEventSection';
import { usePageTitle } from '../../state/page-title';
import { useCohortSummary } from './use-cohort-summary';
import './cohort.css';

function drugOptions(records: readonly CohortIndexEntry[]): DrugOption[] {
  const names = records.flatMap((r) => (r.indexEvent ? [eventDrugName(r.indexEvent)] : []));
  const keys = records.map(indexDrugKey);
  return distinctDrugs(names)
    .map((d) => ({ ...d, patients: keys.filter((k) => k === d.key).length }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** `cohortId`: open on that stored cohort (from the Cohorts page). */
export function CohortPage({ cohortId }: { cohortId?: string }) {
  const records = useCohortIndex();
  const rules = useClinicalRules();
  const stored = useCohortList();
  usePageTitle('Cohort');
  if (records === undefined || rules === undefined || stored === undefined)
    return <p role="status">Loading the cohort…</p>;
  const drugs = drugOptions(records.entries);
  if (drugs.length === 0 && stored.length === 0) {
    return (
      <div className="card">
        <h1>Cohort</h1>
        <p>
          No patient has an index event yet. A cohort groups patients by the drug of their index
          event (day 0): mark a treatment event as the index event on a patient’s page.
        </p>
      </div>
    );
  }
  return (
    <Cohort
      records={records}
      drugs={drugs}
      rules={rules}
      stored={stored}
      initial={stored.some((s) => s.cohort.id === cohortId) ? (cohortId ?? '') : ''}
    />
  );
}

function Cohort({
  records,
  drugs,
  rules,
  stored,
  initial,
}: {
  /** New after every change to the records: the figures are then computed again. */
  records: CohortIndex;
  drugs: DrugOption[];
  rules: ClinicalRules;
  stored: readonly CohortListItem[];
  /** A stored cohort's id, or '' for the cohort by index drug. */
  initial: string;
}) {
  const [source, setSource] = useState(
    initial || (drugs.length ? '' : (stored[0]?.cohort.id ?? '')),
  );
  const chosen = stored.find((s) => s.cohort.id === source) ?? null;
  const [choice, setChoice] = useState<CohortChoice>({
    armA: drugs[0]?.key ?? '',
    armB: '',
    halfWidth: '3',
    measureId: '',
  });
  const halfWidth = Number(choice.halfWidth);
  const window = checkWindow({ halfWidth: choice.halfWidth.trim() === '' ? NaN : halfWidth });
  const arms = useMemo((): CohortArm[] => {
    if (chosen) return chosen.cohort.arms.map((a) => ({ id: a.id, name: a.name }));
    const arm = (key: string) => {
      const d = drugs.find((x) => x.key === key);
      return d ? [{ id: drugArmId(d.key), name: d.name }] : [];
    };
    return [...arm(choice.armA), ...(choice.armB ? arm(choice.armB) : [])];
  }, [drugs, choice.armA, choice.armB, chosen]);
  // Keyed by the number, not the checked object (new at every render): the figures are
  // computed again only when an input really changed, not when a measure is chosen.
  const halfWidthOk = window.ok ? window.value.halfWidth : null;
  const query = useMemo(
    () =>
      halfWidthOk === null
        ? null
        : {
            arms,
            members: chosen
              ? enrolledCohortMembers(records.entries, chosen.enrolments)
              : drugCohortMembers(records.entries, arms),
            rules: courseRules(rules),
            window: { halfWidth: halfWidthOk },
          },
    [records, arms, halfWidthOk, rules, chosen],
  );
  const { state: computed, exportCsv: cohortCsv } = useCohortSummary(query);
  const [exportError, setExportError] = useState<string | null>(null);
  const summary = computed?.status === 'done' ? computed.summary : null;
  const computing = computed?.status === 'computing';

  const title = chosen
    ? `${chosen.cohort.name} (${arms.map((a) => a.name).join(' vs ')})`
    : arms.map((a) => a.name).join(' vs ');
  const measure =
    summary?.measures.find((m) => m.id === choice.measureId) ?? summary?.measures[0] ?? null;
  const [armA, armB] = arms;
  // The long CSV is built in the worker, which holds every patient's full series.
  const exportCsv = () => {
    if (!summary) return;
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    setExportError(null);
    cohortCsv(title).then(
      (csv) => {
        download(
          new Blob([csv], { type: 'text/csv;charset=utf-8' }),
          `trajectory-cohort-${slug}.csv`,
        );
      },
      (error: unknown) => {
        setExportError(error instanceof Error ? error.message : String(error));
      },
    );
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Cohort: {title}</h1>
          <p className="cohort-label">
            <strong>{OBSERVED_CASES_LABEL}.</strong> Day 0 is each patient’s index event; week k is
            day 7k ± {halfWidthOk ?? '?'}, and in each window the visit nearest day 7k counts.
            Change is from each patient’s own baseline. Finished visits only.
          </p>
        </div>
        <div className="actions">
          <button type="button" className="secondary" disabled={!summary} onClick={exportCsv}>
            Export cohort for R (long CSV)
          </button>
        </div>
      </div>
      <CohortSource
        stored={stored}
        hasDrugs={drugs.length > 0}
        value={source}
        onChange={setSource}
      />
      <CohortControls
        drugs={chosen ? [] : drugs}
        measures={
          summary?.measures ??
          (computed?.status === 'computing' ? computed.previous?.measures : []) ??
          []
        }
        choice={{ ...choice, measureId: measure?.id ?? '' }}
        onChange={setChoice}
        windowError={window.ok ? null : window.reason}
      />
      {exportError !== null && (
        <p className="banner banner-danger" role="alert">
          The cohort could not be exported ({exportError}). Nothing was downloaded.
        </p>
      )}
      {computing && <p role="status">Computing the cohort figures…</p>}
      {computed?.status === 'failed' && (
        <p className="banner banner-danger" role="alert">
          The cohort figures could not be computed ({computed.reason}). Reload the page; if it
          happens again, export a backup and report it with these words.
        </p>
      )}
      {summary && (
        <>
          <p role="status" className="list-meta">
            {arms
              .map((a) => {
                const n = summary.armCounts.get(a.id) ?? 0;
                return `${a.name}: ${n} ${n === 1 ? 'patient' : 'patients'}`;
              })
              .join('; ')}
            {summary.excluded.length > 0 &&
              `. Not counted: ${summary.excluded.map((e) => `${e.code} (${e.reason})`).join('; ')}`}
            .
          </p>
          {measure && (
            <section className="card" aria-labelledby="weeks-heading">
              <h2 id="weeks-heading">{measure.label} by week</h2>
              {measure.subscaleId === null && getScale(measure.scaleId).kind === 'severity' && (
                <CohortImprovementChart summary={summary} scaleId={measure.scaleId} />
              )}
              {measure.subscaleId === null && getScale(measure.scaleId).response !== undefined && (
                <CohortResponseChart summary={summary} scaleId={measure.scaleId} />
              )}
              {summary.table
                .filter((t) => t.measure.id === measure.id)
                .map((row) => (
                  <ArmWeekTable
                    key={row.armId}
                    row={row}
                    armName={arms.find((a) => a.id === row.armId)?.name ?? row.armId}
                    window={summary.window}
                  />
                ))}
              {armA && armB && summary.differences.some((d) => d.measure.id === measure.id) && (
                <DifferenceTable
                  rows={summary.differences.filter((d) => d.measure.id === measure.id)}
                  armA={armA}
                  armB={armB}
                  label={measure.label}
                  window={summary.window}
                />
              )}
            </section>
          )}
          <TimeToEventSection summary={summary} />
        </>
      )}
    </>
  );
}
