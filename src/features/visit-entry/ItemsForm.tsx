import { useEffect, useRef, useState } from 'react';
import type { ItemResponses, ItemVariants } from '../../domain/assessment';
import type { ItemReferences } from '../../domain/item-reference';
import type { RefusedValue } from '../../domain/refused';
import type { ScaleDefinition } from '../../domain/scale-types';
import { ItemRow } from './ItemRow';

interface Props {
  scale: ScaleDefinition;
  responses: ItemResponses;
  onChange: (responses: ItemResponses) => void;
  references?: ItemReferences | undefined;
  /** Every value on screen that the form refused, in item order. */
  onRefusedChange?: (refused: readonly RefusedValue[]) => void;
  /** Which way items with variants were rated (HAMD-17 16A/16B). */
  variants?: ItemVariants | undefined;
  onVariantsChange?: (variants: ItemVariants) => void;
}

export function ItemsForm({
  scale,
  responses,
  onChange,
  references,
  onRefusedChange,
  variants,
  onVariantsChange,
}: Props) {
  const [refused, setRefused] = useState<Readonly<Record<number, RefusedValue>>>({});
  const report = useRef(onRefusedChange);
  useEffect(() => {
    report.current = onRefusedChange;
  });
  useEffect(() => {
    report.current?.(
      Object.entries(refused)
        .sort(([a], [b]) => Number(a) - Number(b))
        .map(([, r]) => r),
    );
  }, [refused]);
  useEffect(() => () => report.current?.([]), []);
  // Nothing answered and nothing refused on screen: Enter skips the scale.
  const untouched = responses.every((r) => r === null) && Object.keys(refused).length === 0;
  return (
    <div className="items-form">
      {scale.items.map((item, index) => (
        <ItemRow
          key={item.number}
          scale={scale}
          item={item}
          value={responses[index] ?? null}
          untouched={untouched}
          references={references}
          onChange={(value) => {
            onChange(responses.map((r, i) => (i === index ? value : r)));
          }}
          variant={variants?.[String(item.number)]}
          onVariantChange={(v) => onVariantsChange?.({ ...variants, [String(item.number)]: v })}
          onRefusedChange={(r) => {
            setRefused((old) => {
              if (r === null && !(item.number in old)) return old;
              const rest = Object.fromEntries(
                Object.entries(old).filter(([n]) => n !== String(item.number)),
              );
              return r === null ? rest : { ...rest, [item.number]: r };
            });
          }}
        />
      ))}
    </div>
  );
}
