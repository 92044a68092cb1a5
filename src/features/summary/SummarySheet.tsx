import type { AllScalesInput } from '../../charts/all-scales';
import type { TrajectoryInput } from '../../charts/trajectory';
import { CourseTable } from '../../components/CourseTable';
import type { Patient, TreatmentEvent } from '../../db/schema';
import type { ScaleCourse } from '../../domain/patient-course';
import type { IsoDate } from '../../domain/time';
import { ChartsSection } from './ChartsSection';
import { EventsTable } from './EventsTable';
import { FiguresSection } from './FiguresSection';
import { RulesFooter } from './RulesFooter';
import { SafetySection } from './SafetySection';
import { SheetHeader } from './SheetHeader';
import type { TablePart } from './sheet-rows';
import type { SafetySummary } from './summary-safety';
import './sheet-tables.css';
import type { ScaleRules } from './summary-rules';

export interface SheetModel {
  readonly clinicHeader: string;
  readonly patient: Patient;
  readonly showName: boolean;
  readonly printedOn: IsoDate;
  readonly indexEvent: TreatmentEvent | null;
  readonly period: string;
  readonly events: readonly TreatmentEvent[];
  /** The course table, in parts of at most a page's width of visits. */
  readonly tables: readonly TablePart[];
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
        {model.tables.length === 0 || model.tables[0]?.rows.length === 0 ? (
          <p>No scores recorded for the scales and dates chosen.</p>
        ) : (
          model.tables.map((part, i) => (
            <CourseTable
              key={part.columns.map((c) => c.visitId).join()}
              columns={part.columns}
              rows={part.rows}
              caption={
                (model.tables.length > 1
                  ? `Part ${i + 1} of ${model.tables.length}, baseline repeated. `
                  : '') +
                `Scores by visit${model.indexEvent ? ', with time since the index event' : ''}; change and percent from baseline.`
              }
            />
          ))
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
