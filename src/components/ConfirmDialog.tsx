import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

/** What the clinician is asked: the choice that changes or loses something is `confirmLabel`. */
export interface ConfirmRequest {
  readonly title: string;
  readonly message: ReactNode;
  /** Names the action ("Delete visit", "Leave without saving"), never just "OK". */
  readonly confirmLabel: string;
  readonly cancelLabel?: string;
  /** Drawn as a danger button. Either way the safe choice (cancel) has the focus. */
  readonly destructive?: boolean;
}

const FOCUSABLE =
  'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The one confirmation dialog of the app (it replaces window.confirm, which cannot be styled,
 * read well by screen readers or tested). Modal: the rest of the page is inert, Tab stays
 * inside, Escape cancels, the cancel button has the focus so Enter never confirms by accident,
 * and focus goes back where it was when the dialog closes.
 */
export function ConfirmDialog({
  request,
  onAnswer,
}: {
  request: ConfirmRequest;
  onAnswer: (confirmed: boolean) => void;
}) {
  const titleId = useId();
  const messageId = useId();
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const host = box.current?.parentElement ?? null;
    // Everything else on the page is inert while the question is open.
    const others = Array.from(document.body.children).filter(
      (el): el is HTMLElement => el instanceof HTMLElement && el !== host && !el.inert,
    );
    for (const el of others) el.inert = true;
    cancel.current?.focus();
    // Focus that leaves the dialog anyway (a click on the backdrop) comes back to it.
    const onFocusIn = (e: FocusEvent) => {
      if (box.current && e.target instanceof Node && !box.current.contains(e.target))
        cancel.current?.focus();
    };
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('focusin', onFocusIn);
      for (const el of others) el.inert = false;
      if (before?.isConnected) before.focus();
    };
  }, []);

  const answer = useRef(onAnswer);
  useEffect(() => {
    answer.current = onAnswer;
  });
  // Escape cancels; Tab and Shift+Tab go round the dialog's buttons and never leave it.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        answer.current(false);
        return;
      }
      if (e.key !== 'Tab' || !box.current) return;
      const items = Array.from(box.current.querySelectorAll<HTMLElement>(FOCUSABLE));
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, []);

  return createPortal(
    <div className="dialog-backdrop">
      <div
        ref={box}
        className="dialog card"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={messageId}
      >
        <h2 id={titleId}>{request.title}</h2>
        <div id={messageId} className="dialog-message">
          {request.message}
        </div>
        <div className="actions">
          <button
            type="button"
            className={request.destructive ? 'danger' : undefined}
            onClick={() => onAnswer(true)}
          >
            {request.confirmLabel}
          </button>
          <button ref={cancel} type="button" className="secondary" onClick={() => onAnswer(false)}>
            {request.cancelLabel ?? 'Cancel'}
          </button>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/**
 * `confirm(request)` opens the dialog and resolves true or false; `dialog` is rendered by the
 * caller. A second question replaces the first (which resolves false).
 */
export function useConfirm(): {
  dialog: ReactNode;
  confirm: (request: ConfirmRequest) => Promise<boolean>;
} {
  const [open, setOpen] = useState<{
    request: ConfirmRequest;
    resolve: (yes: boolean) => void;
  } | null>(null);
  const current = useRef(open);
  useEffect(() => {
    current.current = open;
  });
  useEffect(() => () => current.current?.resolve(false), []);
  const confirm = useCallback(
    (request: ConfirmRequest) =>
      new Promise<boolean>((resolve) => {
        current.current?.resolve(false);
        setOpen({ request, resolve });
      }),
    [],
  );
  const dialog = open ? (
    <ConfirmDialog
      request={open.request}
      onAnswer={(yes) => {
        open.resolve(yes);
        setOpen(null);
      }}
    />
  ) : null;
  return { dialog, confirm };
}
