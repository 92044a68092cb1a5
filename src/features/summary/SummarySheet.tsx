import type { AllScalesInput } from '../../charts/all-scales';
import type { TrajectoryInput } from '../../charts/trajectory';
import { CourseTable } from '../../components/CourseTable';
import type { Patient, TreatmentEvent } from '../../db/schema';
import type { TableColumn, TableRow } from '../../domain/course-table';
import type { ScaleCourse } from '../../domain/patient-course';
import type { IsoDate } from '../../domain/time';
import { ChartsSection } from './ChartsSection';
import { EventsTable } from './EventsTable';
import { FiguresSection } from './FiguresSection';
import { RulesFooter } from './RulesFooter';
import { SafetySection } from './SafetySection';
import { SheetHeader } from './SheetHeader';
import type { SafetySummary } from './summary-safety';
import type { ScaleRules } from './summary-rules';

export interface SheetModel {
  readonly clinicHeader: string;
  readonly patient: Patient;
  readonly showName: boolean;
  readonly printedOn: IsoDate;
  readonly indexEvent: TreatmentEvent | null;
  readonly period: string;
  readonly events: readonly TreatmentEvent[];
  readonly table: { readonly columns: readonly TableColumn[]; readonly rows: readonly TableRow[] };
  readonly primary: ScaleCourse | undefined;
  readonly others: readonly ScaleCourse[];
  readonly cut: boolean;
  readonly safety: SafetySummary;
  readonly trajectory: TrajectoryInput | undefined;
  readonly allScales: AllScalesInput | null;
  readonly rules: readonly ScaleRules[];
  readonly summaryData: boolean;
  /** The all-scales chart's conventions (axis, response line), in words. */
  readonly allScalesNotes: readonly string[];
}

/** The page that prints: white on screen, and alone on paper (print.css). */
export function SummarySheet({ model }: { model: SheetModel }) {
  return (
    <article className="summary-sheet" aria-label={`Patient summary of ${model.patient.code}`}>
      <SheetHeader
        clinicHeader={model.clinicHeader}
        patient={model.patient}
        showName={model.showName}
        printedOn={model.printedOn}
        indexEvent={model.indexEvent}
        period={model.period}
      />
      <EventsTable events={model.events} />
      <section className="sheet-section course-section" aria-labelledby="sheet-course">
        <h2 id="sheet-course">Course</h2>
        {model.table.rows.length === 0 ? (
          <p>No scores recorded for the scales and dates chosen.</p>
        ) : (
          <CourseTable
            columns={model.table.columns}
            rows={model.table.rows}
            caption="Scores by visit, with time since the index event; change and percent from baseline."
          />
        )}
      </section>
      <FiguresSection primary={model.primary} others={model.others} cut={model.cut} />
      <SafetySection safety={model.safety} />
      <ChartsSection trajectory={model.trajectory} allScales={model.allScales} />
      <RulesFooter
        rules={model.rules}
        summaryData={model.summaryData}
        allScalesNotes={model.allScalesNotes}
      />
    </article>
  );
}
