import type { AssessmentEntry } from '../../domain/assessment';
import { scaleTitle } from '../../domain/scales/scale-title';
import { emptyItemEntry, emptySummaryEntry, entryHasData } from '../../domain/assessment';
import type { ItemReferences } from '../../domain/item-reference';
import type { RefusedValue } from '../../domain/refused';
import type { ScaleDefinition } from '../../domain/scale-types';
import type { ConfirmRequest } from '../../components/ConfirmDialog';
import { ItemsForm } from './ItemsForm';
import { ScorePanel } from './ScorePanel';
import { SummaryForm } from './SummaryForm';

interface Props {
  scale: ScaleDefinition;
  entry: AssessmentEntry;
  onChange: (entry: AssessmentEntry) => void;
  baseline: { total: number; date: string } | null;
  isBaseline: boolean;
  references?: ItemReferences | undefined;
  bandConventionId?: string | undefined;
  remissionRuleId?: string | undefined;
  /** Values on screen that the form refused (reported by the form through onRefusedChange). */
  refused: readonly RefusedValue[];
  onRefusedChange: (refused: readonly RefusedValue[]) => void;
  /** Asks the clinician; resolves true to go ahead (the in-app confirmation dialog). */
  confirm: (request: ConfirmRequest) => Promise<boolean>;
}

/** One scale at the visit: item-by-item or summary entry beside its live score. */
export function ScaleEntry({
  scale,
  entry,
  onChange,
  baseline,
  isBaseline,
  references,
  refused,
  onRefusedChange,
  confirm,
  ...rules
}: Props) {
  const switchMode = async (mode: AssessmentEntry['mode']) => {
    if (mode === entry.mode) return;
    const modeName = mode === 'items' ? 'item-by-item' : 'summary';
    if (
      (entryHasData(entry) || refused.length > 0) &&
      !(await confirm({
        title: `Switch ${scale.id} to ${modeName} entry?`,
        message: `What was entered for ${scale.id} at this visit is cleared${refused.length ? ', including the values that were not saved' : ''}.`,
        confirmLabel: `Clear ${scale.id} and switch`,
        cancelLabel: 'Keep what was entered',
        destructive: true,
      }))
    )
      return;
    onChange(mode === 'items' ? emptyItemEntry(scale.items.length) : emptySummaryEntry());
  };
  const headingId = `scale-${scale.id}`;
  return (
    <section className="card scale-card" aria-labelledby={headingId}>
      <div className="page-head">
        <h2 id={headingId}>
          {scaleTitle(scale)}{' '}
          <span className="muted scale-name">
            {scale.clinicDefined === undefined ? scale.name : 'clinic-defined'}
          </span>
        </h2>
        <fieldset className="mode-switch">
          <legend className="visually-hidden">{scaleTitle(scale)} entry mode</legend>
          <label>
            <input
              type="radio"
              name={`${scale.id}-mode`}
              checked={entry.mode === 'items'}
              onChange={() => void switchMode('items')}
            />{' '}
            Item by item
          </label>
          <label>
            <input
              type="radio"
              name={`${scale.id}-mode`}
              checked={entry.mode === 'summary'}
              onChange={() => void switchMode('summary')}
            />{' '}
            Summary (totals)
          </label>
        </fieldset>
      </div>
      <p className="muted scale-meta">
        {scale.rater === 'clinician' ? 'Clinician-rated' : 'Self-report'} · recall:{' '}
        {scale.recallPeriod} ·{' '}
        {scale.direction === 'higher-is-better'
          ? 'higher = better (less anhedonia)'
          : 'higher = worse'}
      </p>
      <div className="visit-layout">
        <div>
          {entry.mode === 'items' ? (
            <ItemsForm
              scale={scale}
              responses={entry.responses}
              references={references}
              onChange={(responses) => onChange({ ...entry, responses })}
              variants={entry.variants}
              onVariantsChange={(variants) => onChange({ ...entry, variants })}
              onRefusedChange={onRefusedChange}
            />
          ) : (
            <SummaryForm
              scale={scale}
              entry={entry}
              onChange={onChange}
              onRefusedChange={onRefusedChange}
            />
          )}
        </div>
        <div>
          {isBaseline && <p className="tag">This visit is the baseline</p>}
          <ScorePanel
            scale={scale}
            entry={entry}
            baseline={isBaseline ? null : baseline}
            refused={refused}
            {...rules}
          />
        </div>
      </div>
      <p className="muted copyright">{scale.copyright}</p>
    </section>
  );
}
