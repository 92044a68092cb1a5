import type { ItemDef, ScaleDefinition } from '../../domain/scale-types';
import { answerChoices, itemQuestion } from '../../domain/self-report';

interface Props {
  scale: ScaleDefinition;
  item: ItemDef;
  value: number | null;
  onAnswer: (value: number) => void;
}

/**
 * One item as the patient answers it: a group of large radio choices named by the item's
 * question. Native radios: arrow keys move between answers, Space chooses, a screen reader
 * says "3 of 4".
 */
export function ItemQuestion({ scale, item, value, onAnswer }: Props) {
  const name = `${scale.id}-item-${item.number}`;
  return (
    <fieldset className="sr-question">
      <legend>
        <span className="sr-item-text">
          {item.number}. {itemQuestion(scale, item)}
        </span>
      </legend>
      {item.note && <p className="muted">{item.note}</p>}
      <div className="sr-choices">
        {answerChoices(item).map((choice) => (
          <label key={choice.value} className="sr-choice">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onAnswer(choice.value)}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
