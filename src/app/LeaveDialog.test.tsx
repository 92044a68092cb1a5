import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { navigate, useLeaveGuard, useRoute } from '../state/navigation';
import { LeaveDialog } from './LeaveDialog';

function Page({ unsaved }: { unsaved: boolean }) {
  const route = useRoute();
  useLeaveGuard(unsaved ? 'The changes to PHQ-9 are not saved.' : null);
  return (
    <>
      <h1>{route.name}</h1>
      <a href="#/data">Data</a>
      <LeaveDialog />
    </>
  );
}

const goTo = async (hash: string) => {
  window.location.hash = hash;
  await new Promise<void>((resolve) =>
    window.addEventListener('hashchange', () => resolve(), { once: true }),
  );
};

beforeEach(async () => {
  if (window.location.hash !== '#/patients/p1') await goTo('#/patients/p1');
});
afterEach(() => {
  window.history.replaceState(null, '', '#/');
});

describe('leaving a page with unsaved changes', () => {
  it('Back, Forward or a typed address: the page stays and the in-app dialog asks', async () => {
    const user = userEvent.setup();
    render(<Page unsaved />);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('patient');
    await goTo('#/data');
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    expect(dialog).toHaveTextContent('The changes to PHQ-9 are not saved.');
    expect(screen.getByRole('heading', { level: 1, hidden: true })).toHaveTextContent('patient');
    expect(window.location.hash).toBe('#/patients/p1');
    // Stay (the default): nothing changes.
    expect(screen.getByRole('button', { name: 'Stay on this page' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('patient');
    // Asked again, and this time the clinician leaves.
    await goTo('#/data');
    await user.click(await screen.findByRole('button', { name: 'Leave without saving' }));
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('data'),
    );
    expect(window.location.hash).toBe('#/data');
  });

  it('an in-app link asks the same way', async () => {
    const user = userEvent.setup();
    render(<Page unsaved />);
    await user.click(screen.getByRole('link', { name: 'Data' }));
    expect(await screen.findByRole('alertdialog')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Stay on this page' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('patient');
  });

  it('nothing is asked without unsaved changes, nor for the app’s own moves', async () => {
    const { rerender } = render(<Page unsaved={false} />);
    await goTo('#/data');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('data');
    rerender(<Page unsaved />);
    navigate('#/patients/p1');
    await waitFor(() =>
      expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('patient'),
    );
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
