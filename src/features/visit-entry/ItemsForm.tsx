import type { ItemResponses } from '../../domain/assessment';
import type { ItemReferences } from '../../domain/item-reference';
import type { ScaleDefinition } from '../../domain/scale-types';
import { ItemRow } from './ItemRow';

interface Props {
  scale: ScaleDefinition;
  responses: ItemResponses;
  onChange: (responses: ItemResponses) => void;
  references?: ItemReferences | undefined;
}

export function ItemsForm({ scale, responses, onChange, references }: Props) {
  const untouched = responses.every((r) => r === null);
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
        />
      ))}
    </div>
  );
}
