import type { AssessmentEntry } from '../../domain/assessment';
import { scaleTitle } from '../../domain/scales/scale-title';
import { changeFromBaseline } from '../../domain/change';
import { formatPercent, formatSigned, formatTotal } from '../../domain/format';
import { isRemission, isResponse } from '../../domain/outcomes';
import { describeRefused, safetyFirst, type RefusedValue } from '../../domain/refused';
import { describeSafetyCheck, entrySafetyChecks, safetyChecks } from '../../domain/safety';
import type { ScaleDefinition } from '../../domain/scale-types';
import { scoreEntry } from '../../domain/scoring';
import { severityOf } from '../../domain/severity';

interface Props {
  scale: ScaleDefinition;
  entry: AssessmentEntry;
  /** The patient's baseline total on this scale, when there is one. */
  baseline: { total: number; date: string } | null;
  bandConventionId?: string | undefined;
  remissionRuleId?: string | undefined;
  /** Values on screen that the form refused: while there is one, the scale is not scored. */
  refused?: readonly RefusedValue[];
}

/** Live figures while the clinician types: total, subscales, band, change, safety. */
export function ScorePanel({
  scale,
  entry,
  baseline,
  bandConventionId,
  remissionRuleId,
  refused = [],
}: Props) {
  const result = scoreEntry(scale, entry);
  if (refused.length > 0) return <NotScored scale={scale} refused={refused} result={result} />;
  if (!result.ok) {
    return (
      <div className="score-panel" aria-live="polite">
        <p className="field-error">Not scored: {result.issues.map((i) => i.message).join(' ')}</p>
        {/* An entry that does not validate (stored before a definition changed) keeps its flags. */}
        {entrySafetyChecks(scale, entry)
          .filter((c) => c.status === 'flagged')
          .map((c) => (
            <p key={c.rule.item} className="safety-flag" role="alert">
              {describeSafetyCheck(scale, c)}
            </p>
          ))}
      </div>
    );
  }
  const { score } = result;
  const severity =
    score.total === null || scale.kind === 'change'
      ? null
      : severityOf(scale, score.total, bandConventionId);
  const change =
    score.total === null || baseline === null || scale.kind === 'change'
      ? null
      : changeFromBaseline(scale, baseline.total, score.total);
  // CGI-I's rule needs no baseline; percent rules need one (and are hidden without it).
  const response =
    score.total !== null && scale.response && (scale.response.kind === 'max-value' || baseline)
      ? isResponse(scale, baseline?.total ?? 0, score.total)
      : null;
  const remission = score.total !== null ? isRemission(scale, score.total, remissionRuleId) : null;
  const checks = safetyChecks(scale, score);

  return (
    <div className="score-panel" aria-live="polite" aria-label={`${scaleTitle(scale)} score`}>
      <div className="score-total">
        <span className="score-label">Total</span>
        <output className="score-value" aria-label={`${scaleTitle(scale)} live total`}>
          {score.total === null ? '—' : formatTotal(score.total)}
        </output>
        <span className="score-range">
          of {score.range.min}–{score.range.max}
        </span>
        <span className={`tag tag-${score.completeness}`}>{score.completeness}</span>
      </div>
      <p className="score-note">{score.note}</p>
      {score.missingItems.length > 0 && score.completeness !== 'summary' && (
        <p className="score-missing">Missing: items {score.missingItems.join(', ')}</p>
      )}
      {score.subscales.length > 0 && (
        <ul className="score-subscales">
          {score.subscales.map((s) => (
            <li key={s.id}>
              {s.name}: {s.score === null ? '—' : s.score} / {s.max}
            </li>
          ))}
        </ul>
      )}
      {severity?.ok && (
        <p>
          Severity: <strong>{severity.value.band.label}</strong>{' '}
          <span className="muted">({severity.value.convention.name})</span>
        </p>
      )}
      {severity && !severity.ok && <p className="muted">{severity.reason}</p>}
      {change?.ok && baseline && (
        <p>
          Change from baseline ({baseline.total} on {baseline.date}):{' '}
          <strong>{formatSigned(change.value.change)}</strong>
          {change.value.percentChange !== null && (
            <> ({formatPercent(change.value.percentChange, { signed: true })})</>
          )}{' '}
          — {change.value.direction}
          {change.value.percentNote && <span className="muted"> {change.value.percentNote}</span>}
        </p>
      )}
      {response?.ok && (
        <p>
          Response: {response.value ? 'yes' : 'no'}{' '}
          <span className="muted">({scale.response?.label})</span>
        </p>
      )}
      {remission?.ok && <p>Remission: {remission.value ? 'yes' : 'no'}</p>}
      {checks.map((c) => (
        <p
          key={c.rule.item}
          className={c.status === 'flagged' ? 'safety-flag' : 'safety-quiet'}
          role={c.status === 'flagged' ? 'alert' : undefined}
        >
          {describeSafetyCheck(scale, c)}
        </p>
      ))}
    </div>
  );
}

/**
 * A scale with a refused value on screen: no total, band, response or remission (what is on
 * screen is not what is stored). Safety items typed but refused are shown as alerts, and the
 * safety checks of what is stored stay visible.
 */
function NotScored({
  scale,
  refused,
  result,
}: {
  scale: ScaleDefinition;
  refused: readonly RefusedValue[];
  result: ReturnType<typeof scoreEntry>;
}) {
  const sorted = safetyFirst(refused);
  const checks = result.ok ? safetyChecks(scale, result.score) : [];
  return (
    <div className="score-panel" aria-live="polite" aria-label={`${scaleTitle(scale)} score`}>
      <div className="score-total">
        <span className="score-label">Total</span>
        <output className="score-value" aria-label={`${scaleTitle(scale)} live total`}>
          —
        </output>
        <span className="tag tag-incomplete">not scored</span>
      </div>
      <p className="field-error">
        {scaleTitle(scale)} is not scored while {sorted.length === 1 ? 'a value' : 'values'} on
        screen {sorted.length === 1 ? 'was' : 'were'} not saved: fix or clear{' '}
        {sorted.length === 1 ? 'it' : 'them'}.
      </p>
      <ul className="refused-list">
        {sorted.map((r) => (
          <li key={r.key} className={r.safety ? 'safety-flag' : undefined}>
            {r.safety && <strong>Safety item: </strong>}
            {describeRefused(r)}
          </li>
        ))}
      </ul>
      {checks
        .filter((c) => c.status === 'flagged')
        .map((c) => (
          <p key={c.rule.item} className="safety-flag" role="alert">
            {describeSafetyCheck(scale, c)}
          </p>
        ))}
    </div>
  );
}
