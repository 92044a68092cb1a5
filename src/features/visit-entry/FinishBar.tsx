import type { Ref } from 'react';
import type { ConfirmRequest } from '../../components/ConfirmDialog';
import type { Visit } from '../../db/schema';
import { deleteVisit } from '../../db/visits-repo';
import { navigate, paths } from '../../state/navigation';

/**
 * The visit's sticky action bar: Finish (a draft) or Save changes (a finished visit), the way
 * back, and deleting the visit after a confirmation. `ref` is the main button's, which
 * Ctrl+Enter clicks (use-entry-keys.ts).
 */
export function FinishBar({
  ref,
  isDraft,
  unsaved,
  onFinish,
  onSave,
  patientId,
  visit,
  by,
  confirm,
  onProblem,
}: {
  ref: Ref<HTMLButtonElement>;
  isDraft: boolean;
  /** A finished visit has edits not saved yet: Save changes is enabled. */
  unsaved: boolean;
  onFinish: () => void;
  onSave: () => void;
  patientId: string;
  visit: Visit;
  by: string;
  confirm: (request: ConfirmRequest) => Promise<boolean>;
  onProblem: (reason: string) => void;
}) {
  const deleteThisVisit = async () => {
    const yes = await confirm({
      title: `Delete the visit of ${visit.date}?`,
      message: 'The visit and its scores are deleted (kept in the history).',
      confirmLabel: 'Delete visit',
      cancelLabel: 'Keep the visit',
      destructive: true,
    });
    if (!yes) return;
    const r = await deleteVisit(visit.id, { by });
    if (r.ok) navigate(paths.patient(patientId));
    else onProblem(r.reason);
  };
  return (
    <div className="actions finish-bar">
      <button
        type="button"
        ref={ref}
        data-entry-finish=""
        aria-keyshortcuts="Control+Enter"
        disabled={!isDraft && !unsaved}
        onClick={isDraft ? onFinish : onSave}
      >
        {isDraft ? 'Finish visit' : 'Save changes'}
      </button>
      <a className="button secondary" href={paths.patient(patientId)}>
        {isDraft ? 'Leave (the draft is kept)' : 'Back to patient'}
      </a>
      <button type="button" className="secondary" onClick={() => void deleteThisVisit()}>
        Delete visit
      </button>
    </div>
  );
}
