import { useState } from 'react';
import { useClinicalRules } from '../../db/choices-hooks';
import { useMeta, usePatientRecord } from '../../db/hooks';
import type { ClinicalRules } from '../../domain/clinical-rules';
import { setMeta } from '../../db/meta-repo';
import type { PatientRecord } from '../../db/patient-queries';
import type { ScaleId } from '../../domain/scale-types';
import { paths } from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { ScrollBox } from '../../components/ScrollBox';
import { PrintToolbar } from './PrintToolbar';
import { SummarySheet } from './SummarySheet';
import { useSheetModel } from './use-sheet-model';
import { usePageMargin } from './page-margin';
import type { DateRange } from './summary-window';
import './print.css';

/** The printable one-page summary of one patient (route #/patients/<id>/print). */
export function PrintPage({ patientId }: { patientId: string }) {
  const record = usePatientRecord(patientId);
  const savedHeader = useMeta('clinicHeader');
  const rules = useClinicalRules();
  usePageTitle('Print summary', record === null ? 'Patient not found' : record?.patient.code);
  if (record === undefined || savedHeader === undefined || rules === undefined)
    return <p role="status">Loading…</p>;
  if (record === null)
    return (
      <div className="card">
        <h1>Patient not found</h1>
        <p>
          No patient with id “{patientId}” is stored on this device, so there is nothing to print.{' '}
          <a href={paths.patients()}>Back to the patient list</a>.
        </p>
      </div>
    );
  return <PrintView record={record} savedHeader={savedHeader ?? ''} rules={rules} />;
}

const WHOLE_COURSE: DateRange = { from: null, to: null };

function PrintView({
  record,
  savedHeader,
  rules,
}: {
  record: PatientRecord;
  savedHeader: string;
  rules: ClinicalRules;
}) {
  const [excluded, setExcluded] = useState<ReadonlySet<ScaleId>>(() => new Set());
  const [range, setRange] = useState<DateRange>(WHOLE_COURSE);
  const [showName, setShowName] = useState(false);
  // null: not edited, show the saved line.
  const [headerDraft, setHeaderDraft] = useState<string | null>(null);
  const clinicHeader = headerDraft ?? savedHeader;
  const { model, courses, first, last } = useSheetModel(
    record,
    {
      excluded,
      range,
      showName,
      clinicHeader,
    },
    rules,
  );
  usePageMargin(record.patient.code, model.printedOn);

  const toggleScale = (id: ScaleId, checked: boolean) => {
    setExcluded((old) => {
      const next = new Set(old);
      if (checked) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const saveHeader = async (): Promise<string | null> => {
    try {
      await setMeta('clinicHeader', clinicHeader.trim());
      setHeaderDraft(null);
      return null;
    } catch (error) {
      return `The header could not be saved: ${error instanceof Error ? error.message : String(error)}`;
    }
  };

  return (
    <div className="print-page">
      <PrintToolbar
        patientId={record.patient.id}
        patientCode={record.patient.code}
        scales={courses.map((c) => ({
          id: c.scale.id,
          name: c.scale.name,
          checked: !excluded.has(c.scale.id),
        }))}
        onToggleScale={toggleScale}
        range={range}
        course={{ first, last }}
        onRange={setRange}
        showName={showName}
        onShowName={setShowName}
        header={clinicHeader}
        onHeader={setHeaderDraft}
        onSaveHeader={saveHeader}
        headerSaved={headerDraft === null || headerDraft.trim() === savedHeader}
      />
      <ScrollBox label="Summary sheet (A4 page)" className="sheet-scroll">
        <SummarySheet model={model} />
      </ScrollBox>
    </div>
  );
}
