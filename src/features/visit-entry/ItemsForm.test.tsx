import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { emptyItemEntry, type ItemResponses } from '../../domain/assessment';
import { getScale } from '../../domain/scales/registry';
import type { ScaleId } from '../../domain/scale-types';
import { ItemsForm } from './ItemsForm';
import { itemFieldPattern } from './item-name';

function Harness({
  scaleId,
  onResponses,
}: {
  scaleId: ScaleId;
  onResponses: (r: ItemResponses) => void;
}) {
  const scale = getScale(scaleId);
  const [responses, setResponses] = useState<ItemResponses>(
    emptyItemEntry(scale.items.length).responses,
  );
  return (
    <>
      <ItemsForm
        scale={scale}
        responses={responses}
        onChange={(r) => {
          setResponses(r);
          onResponses(r);
        }}
      />
      <button type="button" data-entry-finish="">
        Finish visit
      </button>
    </>
  );
}

const setup = (scaleId: ScaleId) => {
  let latest: ItemResponses = [];
  const user = userEvent.setup();
  render(<Harness scaleId={scaleId} onResponses={(r) => (latest = r)} />);
  return { user, latest: () => latest };
};

// Each scale entered from the keyboard alone: one key per item, focus moving on by itself.
describe.each([
  ['HAMD-17', '21302110302111011', 17],
  ['MADRS', '4321065432', 10],
  ['PHQ-9', '3210321010', 10],
  ['DARS', '01234432101234432', 17],
] as const)('keyboard entry of a full %s', (scaleId, keys, count) => {
  it(`takes ${count} key presses and ends on Finish`, async () => {
    const { user, latest } = setup(scaleId);
    await user.click(screen.getByLabelText(itemFieldPattern(scaleId, 1)));
    await user.keyboard(keys);
    expect(latest()).toEqual(Array.from(keys, Number));
    expect(screen.getByRole('button', { name: 'Finish visit' })).toHaveFocus();
    for (let n = 1; n <= count; n++) {
      expect(screen.getByLabelText(itemFieldPattern(scaleId, n))).toHaveValue(keys[n - 1]);
    }
  });
});

describe('item entry keys', () => {
  it('refuses an out-of-range digit at the field with a message, and stores nothing', async () => {
    const { user, latest } = setup('HAMD-17');
    const item4 = screen.getByLabelText(itemFieldPattern('HAMD-17', 4)); // range 0–2
    await user.click(item4);
    await user.keyboard('3');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'HAMD-17 item 4 must be between 0 and 2 (got 3).',
    );
    expect(item4).toHaveAttribute('aria-invalid', 'true');
    expect(item4).toHaveFocus();
    expect(latest()).toEqual([]);
    await user.keyboard('2');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText(itemFieldPattern('HAMD-17', 5))).toHaveFocus();
    expect(latest()[3]).toBe(2);
  });

  it('refuses letters', async () => {
    const { user } = setup('PHQ-9');
    await user.click(screen.getByLabelText(itemFieldPattern('PHQ-9', 1)));
    await user.keyboard('x');
    expect(screen.getByRole('alert')).toHaveTextContent('type a whole number from 0 to 3');
    expect(screen.getByLabelText(itemFieldPattern('PHQ-9', 1))).toHaveValue('');
  });

  it('Backspace clears, Backspace on an empty item goes back, arrows move', async () => {
    const { user, latest } = setup('PHQ-9');
    await user.click(screen.getByLabelText(itemFieldPattern('PHQ-9', 1)));
    await user.keyboard('12');
    expect(screen.getByLabelText(itemFieldPattern('PHQ-9', 3))).toHaveFocus();
    await user.keyboard('{Backspace}');
    expect(screen.getByLabelText(itemFieldPattern('PHQ-9', 2))).toHaveFocus();
    await user.keyboard('{Backspace}');
    expect(latest()[1]).toBeNull();
    expect(screen.getByLabelText(itemFieldPattern('PHQ-9', 2))).toHaveValue('');
    await user.keyboard('{ArrowUp}');
    expect(screen.getByLabelText(itemFieldPattern('PHQ-9', 1))).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByLabelText(itemFieldPattern('PHQ-9', 3))).toHaveFocus();
  });

  it('the mouse works too: a value button sets the item', async () => {
    const { user, latest } = setup('MADRS');
    const group = screen.getByRole('group', { name: 'Choices for MADRS item 8' });
    await user.click(group.querySelectorAll('button')[5]!);
    expect(latest()[7]).toBe(5);
    expect(screen.getByLabelText(itemFieldPattern('MADRS', 8))).toHaveValue('5');
  });

  it('marks unanswered items as missing', () => {
    setup('PHQ-9');
    expect(screen.getAllByText('missing').length).toBe(10);
  });

  it('shows licensed anchors (PHQ-9: Pfizer grant) but never MADRS wording (RCPsych refused)', async () => {
    const { user } = setup('PHQ-9');
    await user.click(screen.getByLabelText(itemFieldPattern('PHQ-9', 1)));
    await user.keyboard('2');
    expect(screen.getByText('More than half the days')).toBeInTheDocument();
    const phqChoices = screen.getByRole('group', { name: 'Choices for PHQ-9 item 1' });
    expect(phqChoices.querySelector('button')).toHaveAttribute('title', 'Not at all');
  });

  it('MADRS value buttons carry no anchor text', () => {
    setup('MADRS');
    const choices = screen.getByRole('group', { name: 'Choices for MADRS item 1' });
    for (const b of choices.querySelectorAll('button')) expect(b).not.toHaveAttribute('title');
  });
});
