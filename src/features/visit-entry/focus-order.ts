/**
 * Moves focus along the entry fields of the whole visit, in document order, so that the
 * last item of one scale leads to the first item of the next and the last one to "Finish".
 */
const FIELD = '[data-entry-field]';
const FINISH = '[data-entry-finish]';

export function focusNextField(from: HTMLElement): void {
  const fields = Array.from(document.querySelectorAll<HTMLElement>(FIELD));
  const next = fields[fields.indexOf(from) + 1] ?? document.querySelector<HTMLElement>(FINISH);
  next?.focus();
  if (next) keepInView(next);
}

/**
 * Focus moves before the value just set is drawn; what that draws above the field (a flag,
 * a message) can push it under the sticky finish bar. Once drawn, the field is scrolled
 * back into view (within the page's scroll padding) if it left it.
 */
function keepInView(field: HTMLElement): void {
  requestAnimationFrame(() => {
    if (document.activeElement === field) field.scrollIntoView({ block: 'nearest' });
  });
}

/**
 * A save that lands later (a status line, a flag, a score panel growing) can move the focused
 * field under the sticky finish bar after `keepInView` has run. While the visit is on screen,
 * any change of the page's size brings the focused entry field back into view if it is
 * covered by the bar or above the page. Returns the function that stops watching.
 */
export function keepFocusedEntryInView(root: Element): () => void {
  if (typeof ResizeObserver === 'undefined') return () => undefined;
  const observer = new ResizeObserver(() => {
    const field = document.activeElement;
    if (field instanceof HTMLElement && field.matches(FIELD) && isCovered(field))
      field.scrollIntoView({ block: 'nearest' });
  });
  observer.observe(root);
  return () => {
    observer.disconnect();
  };
}

function isCovered(field: HTMLElement): boolean {
  const box = field.getBoundingClientRect();
  const bar = document.querySelector('.finish-bar')?.getBoundingClientRect();
  return box.top < 0 || box.bottom > (bar ? bar.top : window.innerHeight);
}

/**
 * Past the rest of the field's group (a scale): an untouched scale is skipped with one key
 * and, never answered, is dropped when the visit is finished.
 */
export function focusAfterGroup(from: HTMLElement): void {
  const group = from.dataset.entryGroup;
  const fields = Array.from(document.querySelectorAll<HTMLElement>(FIELD));
  const rest = fields.slice(fields.indexOf(from) + 1);
  const next =
    rest.find((f) => f.dataset.entryGroup !== group) ?? document.querySelector<HTMLElement>(FINISH);
  next?.focus();
}

/** The first unanswered entry field of the visit (else the first one): where entry starts. */
export function focusFirstEntry(): boolean {
  const fields = Array.from(document.querySelectorAll<HTMLInputElement>(FIELD));
  const target = fields.find((f) => f.value === '') ?? fields[0];
  target?.focus();
  return target !== undefined;
}

export function focusPreviousField(from: HTMLElement): void {
  const fields = Array.from(document.querySelectorAll<HTMLElement>(FIELD));
  const index = fields.indexOf(from);
  if (index > 0) fields[index - 1]?.focus();
}
