import {
  useEffect,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import { itemValue, type ItemReferences } from '../../domain/item-reference';
import { itemLabel as refusedLabel, type RefusedValue } from '../../domain/refused';
import type { ItemDef, ScaleDefinition } from '../../domain/scale-types';
import { checkItemValue } from '../../domain/validation';
import { itemFieldName, itemLabel } from './item-name';
import { scaleTitle } from '../../domain/scales/scale-title';
import { focusAfterGroup, focusNextField, focusPreviousField } from './focus-order';

interface Props {
  scale: ScaleDefinition;
  item: ItemDef;
  value: number | null;
  onChange: (value: number | null) => void;
  /** No item of this scale answered yet: Enter skips the whole scale. */
  untouched?: boolean;
  references?: ItemReferences | undefined;
  /** The value on screen that was refused, or null once it is fixed or cleared. */
  onRefusedChange?: (refused: RefusedValue | null) => void;
  /** For an item rated one of several ways (HAMD-17 16A/16B): the way recorded. */
  variant?: string | undefined;
  onVariantChange?: (variant: string) => void;
}

/**
 * One item: one key press sets it and moves on. A number outside the item's range (a digit,
 * or "12" pasted) is refused: it stays on screen in red with a message, nothing is stored,
 * and it is reported up so the scale is not scored until it is fixed or cleared. A letter is
 * refused with a message and not kept. Backspace or Delete clears; Backspace on an empty
 * item goes back; arrows move; Tab works as usual; the value buttons serve the mouse.
 * Enter on a scale with nothing answered skips that scale (dropped at finish).
 */
export function ItemRow({
  scale,
  item,
  value,
  onChange,
  untouched = false,
  references,
  onRefusedChange,
  variant,
  onVariantChange,
}: Props) {
  const [error, setError] = useState<string | null>(null);
  const [refused, setRefused] = useState<RefusedValue | null>(null);
  const report = useRef(onRefusedChange);
  useEffect(() => {
    report.current = onRefusedChange;
  });
  useEffect(() => {
    report.current?.(refused);
  }, [refused]);
  useEffect(() => () => report.current?.(null), []);
  const messageId = useId();
  const anchorId = useId();
  const refId = useId();
  const label = itemLabel(scaleTitle(scale), item.number);
  const name = itemFieldName(scale, item);
  const previous = references?.previous ? itemValue(references.previous.entry, item.number) : null;
  const baseline = references?.baseline ? itemValue(references.baseline.entry, item.number) : null;
  // Shown once either visit recorded this item (a summary entry holds only a few items).
  const known = previous !== null || baseline !== null;
  const refText = [
    known && references?.previous
      ? `previous ${previous ?? 'not recorded'} (${references.previous.date})`
      : null,
    known && references?.baseline
      ? `baseline ${baseline ?? 'not recorded'} (${references.baseline.date})`
      : null,
  ]
    .filter(Boolean)
    .join(', ');
  const notAssessed = item.notAssessedCode;
  const anchor =
    value !== null && value === notAssessed
      ? 'Not assessed (scores 0)'
      : item.anchors?.find((a) => a.value === value)?.label;
  const choices = Array.from({ length: item.max - item.min + 1 }, (_, i) => item.min + i).concat(
    notAssessed === undefined ? [] : [notAssessed],
  );

  const range = `${item.min}–${item.max}${notAssessed === undefined ? '' : ` (or ${notAssessed}, not assessed)`}`;
  const refuse = (text: string, message: string) => {
    setError(`${message} Not saved: type a number from ${range}, or clear the field.`);
    setRefused({
      scaleId: scale.id,
      key: `item:${item.number}`,
      label: refusedLabel(scale, item),
      text,
      reason: `${message} Type a number from ${range}, or clear the field.`,
      safety: item.flags.includes('suicide'),
    });
  };
  const clearRefusal = () => {
    setError(null);
    setRefused(null);
  };

  const accept = (raw: string, field: HTMLInputElement) => {
    const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    const message = checkItemValue(scale, item, n);
    if (message) {
      refuse(raw, message);
      return;
    }
    clearRefusal();
    onChange(n);
    focusNextField(field);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const field = e.currentTarget;
    if (/^[0-9]$/.test(e.key)) {
      e.preventDefault();
      accept(e.key, field);
    } else if (e.key === 'Backspace' || e.key === 'Delete') {
      e.preventDefault();
      // A refused value is cleared with what it replaced: the field then shows what is stored.
      if (refused) {
        clearRefusal();
        onChange(null);
        return;
      }
      setError(null);
      if (value === null && e.key === 'Backspace') focusPreviousField(field);
      else onChange(null);
    } else if (e.key === 'Enter' && untouched) {
      e.preventDefault();
      focusAfterGroup(field);
    } else if (e.key === 'ArrowDown' || e.key === 'Enter') {
      e.preventDefault();
      focusNextField(field);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusPreviousField(field);
    } else if (e.key.length === 1) {
      e.preventDefault();
      setError(`${label}: type a whole number from ${item.min} to ${item.max}.`);
    }
  };

  // A paste is taken whole: "12" is refused as 12, never cut to its first digit.
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    e.preventDefault();
    const raw = e.clipboardData.getData('text').trim();
    if (raw !== '') accept(raw, e.currentTarget);
  };

  // Typing on touch keyboards and programmatic fills arrive here rather than as key presses.
  const onInput = (e: ChangeEvent<HTMLInputElement>) => {
    const raw = e.currentTarget.value.trim();
    if (raw === '') {
      clearRefusal();
      onChange(null);
      return;
    }
    accept(raw, e.currentTarget);
  };

  return (
    <div
      className={`item-row${value === null && !refused ? ' item-missing' : ''}${refused ? ' item-refused' : ''}`}
    >
      <span className="item-number" aria-hidden="true">
        {item.number}
      </span>
      <div className="item-name">
        <span>{item.shortName}</span>
        <span className="item-range">
          {item.min}–{item.max}
        </span>
        {item.flags.includes('suicide') && <span className="tag tag-safety">safety item</span>}
        {item.flags.includes('unscored') && <span className="tag">not scored</span>}
        {item.note && <span className="item-note">{item.note}</span>}
      </div>
      <input
        className="item-input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        aria-label={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          [error ? messageId : '', anchor ? anchorId : '', refText ? refId : ''].join(' ').trim() ||
          undefined
        }
        data-entry-field=""
        data-entry-group={scale.id}
        value={refused?.text ?? value ?? ''}
        onKeyDown={onKeyDown}
        onChange={onInput}
        onPaste={onPaste}
      />
      <div className="item-choices" role="group" aria-label={`Choices for ${label}`}>
        {choices.map((v) => (
          <button
            key={v}
            type="button"
            tabIndex={-1}
            className="choice"
            aria-pressed={value === v}
            title={
              v === notAssessed ? 'Not assessed' : item.anchors?.find((a) => a.value === v)?.label
            }
            onClick={() => {
              clearRefusal();
              onChange(v);
            }}
          >
            {v}
          </button>
        ))}
      </div>
      {item.variants && (
        <fieldset className="item-variants">
          <legend>{label} rated as</legend>
          {item.variants.map((v) => (
            <label key={v.id} className="check">
              <input
                type="radio"
                name={`${scale.id}-item-${item.number}-variant`}
                checked={variant === v.id}
                onChange={() => onVariantChange?.(v.id)}
              />{' '}
              {v.label}
            </label>
          ))}
        </fieldset>
      )}
      <div className="item-anchor" id={anchorId}>
        {refused ? 'not saved' : (anchor ?? (value === null ? 'missing' : ''))}
      </div>
      {refText && (
        <div className="item-ref" id={refId}>
          <span className="visually-hidden">{refText}</span>
          <span aria-hidden="true" title={refText}>
            {references?.previous && (
              <>
                prev <b>{previous ?? '–'}</b>
              </>
            )}
            {references?.previous && references.baseline && ' · '}
            {references?.baseline && (
              <>
                base <b>{baseline ?? '–'}</b>
              </>
            )}
          </span>
        </div>
      )}
      {error && (
        <p className="field-error" id={messageId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
