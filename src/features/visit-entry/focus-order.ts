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
}

export function focusPreviousField(from: HTMLElement): void {
  const fields = Array.from(document.querySelectorAll<HTMLElement>(FIELD));
  const index = fields.indexOf(from);
  if (index > 0) fields[index - 1]?.focus();
}
