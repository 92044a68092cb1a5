import { ConfirmDialog } from '../components/ConfirmDialog';
import { cancelLeave, confirmLeave, usePendingLeave } from '../state/navigation';

/**
 * Asks before leaving a page with unsaved work, whichever way the clinician tried to leave
 * (a link, Back/Forward, a typed address): see useLeaveGuard in state/navigation.ts.
 */
export function LeaveDialog() {
  const pending = usePendingLeave();
  if (!pending) return null;
  return (
    <ConfirmDialog
      request={{
        title: 'Leave without saving?',
        message: pending.message,
        confirmLabel: 'Leave without saving',
        cancelLabel: 'Stay on this page',
        destructive: true,
      }}
      onAnswer={(leave) => (leave ? confirmLeave() : cancelLeave())}
    />
  );
}
