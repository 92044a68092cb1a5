import { useEffect, useRef, useState } from 'react';
import { saveDraftAssessment } from '../../db/assessments-repo';
import { usePatientRecord } from '../../db/hooks';
import type { Assessment } from '../../db/schema';
import type { ScaleDefinition, ScaleId } from '../../domain/scale-types';
import {
  SELF_REPORT_RATER,
  SELF_REPORT_SCALES,
  selfReportInstructions,
} from '../../domain/self-report';
import {
  paths,
  unlockAndNavigate,
  useRouteLock,
  type SelfReportLayout,
} from '../../state/navigation';
import { usePageTitle } from '../../state/page-title';
import { HandBack } from './HandBack';
import { ItemQuestion } from './ItemQuestion';

interface Props {
  patientId: string;
  visitId: string;
  scales: readonly string[];
  layout: SelfReportLayout;
}

type Answers = Partial<Record<ScaleId, (number | null)[]>>;

function storedAnswers(
  chosen: readonly ScaleDefinition[],
  assessments: readonly Assessment[],
  visitId: string,
): Answers {
  const start: Answers = {};
  for (const scale of chosen) {
    const stored = assessments.find(
      (a) => a.visitId === visitId && a.scaleId === scale.id && a.rater === SELF_REPORT_RATER,
    );
    start[scale.id] = scale.items.map((item) =>
      stored?.entry.mode === 'items' ? (stored.entry.responses[item.number - 1] ?? null) : null,
    );
  }
  return start;
}

/**
 * Patient mode: the chosen self-report scales and nothing else of the record (no code, no
 * navigation, no totals). Every answer is saved at once as a draft item response rated
 * "self-report"; the safety rules run on it as on any entry. The route is locked until the
 * clinician's PIN (HandBack); Escape does nothing here.
 */
export function SelfReportPage({ patientId, visitId, scales, layout }: Props) {
  useRouteLock();
  usePageTitle('Questionnaire');
  const record = usePatientRecord(patientId);
  const chosen = SELF_REPORT_SCALES.filter((s) => scales.includes(s.id));
  const [typed, setTyped] = useState<Answers | null>(null);
  const [step, setStep] = useState(0);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const writes = useRef<Promise<string | null>>(Promise.resolve(null));
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const visit = record?.visits.find((v) => v.id === visitId);

  // Answers the patient already gave at this visit (a reload) come back; anything else
  // starts empty. Once the patient answers, this screen's own answers are the ones shown.
  const answers: Answers | null =
    typed ?? (record ? storedAnswers(chosen, record.assessments, visitId) : null);

  useEffect(() => {
    if (moved.current) stepHeading.current?.focus();
  }, [step]);

  const unlock = () => unlockAndNavigate(paths.visit(patientId, visitId));
  if (record === undefined) return <p role="status">Loading…</p>;
  if (!record || !visit || visit.status !== 'draft' || chosen.length === 0 || !answers) {
    return (
      <div className="sr-page">
        <p className="banner banner-info">
          There is nothing to fill in here: this visit is finished or no self-report scale was
          chosen.
        </p>
        <HandBack onUnlocked={unlock} />
      </div>
    );
  }
  if (done) {
    return (
      <div className="sr-page">
        <HandBack onUnlocked={unlock} />
      </div>
    );
  }

  const answer = (scale: ScaleDefinition, itemNumber: number, value: number) => {
    const responses = [...(answers[scale.id] ?? [])];
    responses[itemNumber - 1] = value;
    setTyped({ ...answers, [scale.id]: responses });
    // Writes run one after another, in the order answered.
    writes.current = writes.current.then(async (earlier) => {
      const result = await saveDraftAssessment(
        {
          visitId,
          scaleId: scale.id,
          entry: { mode: 'items', responses },
          rater: SELF_REPORT_RATER,
        },
        { by: SELF_REPORT_RATER },
      );
      return earlier ?? (result.ok ? null : result.reason);
    });
  };

  const finish = async () => {
    const failed = await writes.current;
    if (failed) {
      writes.current = Promise.resolve(null);
      setProblem(`An answer could not be saved: ${failed} Please tell your clinician.`);
      return;
    }
    setDone(true);
  };

  const steps = chosen.flatMap((scale) => scale.items.map((item) => ({ scale, item })));
  const current = steps[Math.min(step, steps.length - 1)];
  const last = step >= steps.length - 1;

  return (
    <div className="sr-page">
      <h1>Questionnaire</h1>
      {problem && (
        <p className="banner banner-danger" role="alert">
          {problem}
        </p>
      )}
      {layout === 'one' && current ? (
        <section aria-labelledby="sr-step">
          <p className="sr-instructions">
            <strong>{current.scale.name}.</strong> {selfReportInstructions(current.scale)}
          </p>
          <h2 id="sr-step" ref={stepHeading} tabIndex={-1}>
            Question {step + 1} of {steps.length}
          </h2>
          <ItemQuestion
            scale={current.scale}
            item={current.item}
            value={answers[current.scale.id]?.[current.item.number - 1] ?? null}
            onAnswer={(v) => answer(current.scale, current.item.number, v)}
          />
          <div className="sr-actions">
            <button
              type="button"
              className="secondary"
              disabled={step === 0}
              onClick={() => {
                moved.current = true;
                setStep(step - 1);
              }}
            >
              Back
            </button>
            {last ? (
              <button type="button" onClick={() => void finish()}>
                Finish
              </button>
            ) : (
              <button
                type="button"
                onClick={() => {
                  moved.current = true;
                  setStep(step + 1);
                }}
              >
                Next
              </button>
            )}
          </div>
        </section>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void finish();
          }}
        >
          {chosen.map((scale) => (
            <section key={scale.id} aria-labelledby={`sr-${scale.id}`}>
              <h2 id={`sr-${scale.id}`}>{scale.name}</h2>
              <p className="sr-instructions">{selfReportInstructions(scale)}</p>
              {scale.items.map((item) => (
                <ItemQuestion
                  key={item.number}
                  scale={scale}
                  item={item}
                  value={answers[scale.id]?.[item.number - 1] ?? null}
                  onAnswer={(v) => answer(scale, item.number, v)}
                />
              ))}
            </section>
          ))}
          <div className="sr-actions">
            <button type="submit">Finish</button>
          </div>
        </form>
      )}
    </div>
  );
}
