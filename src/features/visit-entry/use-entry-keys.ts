import { useEffect, useRef } from 'react';
import { focusIntentFor } from '../../state/navigation';
import { focusFirstEntry, keepFocusedEntryInView } from './focus-order';

/**
 * The visit page's keys beyond the fields themselves. Opened by the visit shortcut, focus
 * starts on the first unanswered item rather than the heading; Ctrl+Enter (⌘+Enter)
 * finishes, or saves a finished visit, from any field; the focused item stays in view. Returns the ref for that button.
 */
export function useEntryKeys() {
  const finishButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusIntentFor(window.location.hash, true) === 'first-entry' && !focusFirstEntry())
      finishButton.current?.focus();
  }, []);
  // Whatever is drawn later never leaves the focused item under the finish bar.
  useEffect(() => keepFocusedEntryInView(document.body), []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
        e.preventDefault();
        // Clicked in the next task: what this key press did in the field (a summary total
        // still being typed is ended by Enter and may be refused) is rendered first, so
        // Finish sees every refused value and never finishes past one.
        window.setTimeout(() => finishButton.current?.click(), 0);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
  return finishButton;
}
