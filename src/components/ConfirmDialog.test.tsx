import { useState } from 'react';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useConfirm } from './ConfirmDialog';

function Harness() {
  const { dialog, confirm } = useConfirm();
  const [answer, setAnswer] = useState('none');
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void confirm({
            title: 'Delete the visit?',
            message: 'Its scores are deleted.',
            confirmLabel: 'Delete visit',
            destructive: true,
          }).then((yes) => setAnswer(yes ? 'yes' : 'no'))
        }
      >
        Delete
      </button>
      <output aria-label="answer">{answer}</output>
      {dialog}
    </>
  );
}

const open = async () => {
  const user = userEvent.setup();
  render(<Harness />);
  await user.click(screen.getByRole('button', { name: 'Delete' }));
  return { user, dialog: await screen.findByRole('alertdialog', { name: 'Delete the visit?' }) };
};

describe('ConfirmDialog', () => {
  it('is a labelled modal dialog whose safe choice has the focus (Enter never confirms by default)', async () => {
    const { user, dialog } = await open();
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveAccessibleDescription('Its scores are deleted.');
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText('answer')).toHaveTextContent('no');
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('Escape cancels and focus returns to where it was', async () => {
    const { user } = await open();
    await user.keyboard('{Escape}');
    expect(screen.getByLabelText('answer')).toHaveTextContent('no');
    expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus();
  });

  it('traps Tab and Shift+Tab inside the dialog', async () => {
    const { user } = await open();
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const confirm = screen.getByRole('button', { name: 'Delete visit' });
    await user.tab();
    expect(confirm).toHaveFocus();
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.tab({ shift: true });
    expect(confirm).toHaveFocus();
    await user.tab({ shift: true });
    expect(cancel).toHaveFocus();
  });

  it('the destructive choice confirms only when chosen', async () => {
    const { user } = await open();
    expect(screen.getByRole('button', { name: 'Delete visit' })).toHaveClass('danger');
    await user.click(screen.getByRole('button', { name: 'Delete visit' }));
    expect(screen.getByLabelText('answer')).toHaveTextContent('yes');
  });
});
