import type { ItemResponses } from '../../domain/assessment';
import type { ScaleDefinition } from '../../domain/scale-types';
import { ItemRow } from './ItemRow';

interface Props {
  scale: ScaleDefinition;
  responses: ItemResponses;
  onChange: (responses: ItemResponses) => void;
}

export function ItemsForm({ scale, responses, onChange }: Props) {
  return (
    <div className="items-form">
      {scale.items.map((item, index) => (
        <ItemRow
          key={item.number}
          scale={scale}
          item={item}
          value={responses[index] ?? null}
          onChange={(value) => {
            onChange(responses.map((r, i) => (i === index ? value : r)));
          }}
        />
      ))}
    </div>
  );
}
