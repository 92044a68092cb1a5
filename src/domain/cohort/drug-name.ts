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
