/**
 * Drug names as one key per drug, so patients group reliably: "Dezocine ", "dezocine" and
 * "DEZOCINE" are one drug. The key is the name in Unicode NFC, trimmed, inner white space
 * collapsed to one space, lower-cased; what the clinician typed first stays the label shown.
 */
export function drugKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

/** The drug of a treatment event: its structured drug, else (older events) its label. */
export function eventDrugName(event: { readonly drug?: string; readonly label: string }): string {
  return (event.drug ?? '').trim() || event.label;
}

/** Distinct drugs in the order first met, each with the spelling first used. */
export function distinctDrugs(names: readonly string[]): { key: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const raw of names) {
    const name = raw.trim().replace(/\s+/g, ' ');
    const key = drugKey(name);
    if (key && !seen.has(key)) seen.set(key, name);
  }
  return [...seen.entries()].map(([key, name]) => ({ key, name }));
}

/** Event kinds that give a drug (a procedure or a note does not). */
export const DRUG_EVENT_KINDS: readonly string[] = [
  'single-dose',
  'medication-start',
  'medication-change',
  'medication-stop',
];

/**
 * The structured drug name of a dose or medication event: its drug as typed (trimmed, inner
 * space collapsed), else its label; null when both are blank.
 */
export function structuredDrugName(event: {
  readonly drug?: string;
  readonly label: string;
}): string | null {
  const name = eventDrugName(event).trim().replace(/\s+/g, ' ');
  return name === '' ? null : name;
}
