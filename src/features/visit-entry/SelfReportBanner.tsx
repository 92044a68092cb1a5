import type { Assessment } from '../../db/schema';
import { entrySafetyChecks } from '../../domain/safety';
import { getScale } from '../../domain/scales/registry';
import { SELF_REPORT_RATER } from '../../domain/self-report';

/**
 * Back from patient mode: which scales the patient answered and, above all, any safety item
 * the patient endorsed, named so the clinician asks about it before anything else.
 */
export function SelfReportBanner({ assessments }: { assessments: readonly Assessment[] }) {
  const own = assessments.filter((a) => a.rater === SELF_REPORT_RATER);
  if (own.length === 0) return null;
  const flagged = own.flatMap((a) => {
    const scale = getScale(a.scaleId);
    return entrySafetyChecks(scale, a.entry)
      .filter((c) => c.status === 'flagged')
      .map((c) => ({
        key: `${a.scaleId}-${c.rule.item}`,
        text: `${a.scaleId} item ${c.rule.item} = ${c.value} (${
          scale.items.find((i) => i.number === c.rule.item)?.shortName ?? ''
        })`,
      }));
  });
  return (
    <section
      className={`banner ${flagged.length ? 'banner-danger' : 'banner-info'}`}
      aria-labelledby="self-report-banner"
      role={flagged.length ? 'alert' : undefined}
    >
      <h2 id="self-report-banner">
        {flagged.length
          ? `Safety item endorsed by the patient (self-report): ${flagged.map((f) => f.text).join('; ')}`
          : 'The patient filled in their self-report scales'}
      </h2>
      <p>
        Answered by the patient in patient mode: {own.map((a) => a.scaleId).join(', ')}.
        {flagged.length ? ' Ask about the flagged item now.' : ''}
      </p>
    </section>
  );
}
