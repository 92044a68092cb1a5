/**
 * Adverse events and side effects noted at a visit: free text, with the ones most often
 * reported after a single dose of a rapid-acting antidepressant offered as quick picks.
 */
export const COMMON_ADVERSE_EVENTS = [
  'nausea',
  'dizziness',
  'dissociation',
  'sedation',
  'headache',
] as const;

export const MAX_ADVERSE_EVENT_LENGTH = 200;

/** Trimmed, without empty entries or repeats (ignoring case), in the order given. */
export function normaliseAdverseEvents(list: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of list) {
    const text = raw.trim().replace(/\s+/g, ' ');
    const key = text.toLowerCase();
    if (text === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(text);
  }
  return out;
}

/** "tinnitus; dry mouth, nausea" → ["tinnitus", "dry mouth", "nausea"]. */
export const splitAdverseEvents = (text: string): string[] =>
  normaliseAdverseEvents(text.split(/[,;\n]/));

/** One line for a table cell or the print: "Nausea, dizziness · Note: …". */
export function visitNoteText(visit: {
  readonly notes?: string | undefined;
  readonly adverseEvents?: readonly string[] | undefined;
}): string {
  const events = visit.adverseEvents ?? [];
  const parts = [
    events.length ? `AE: ${events.join(', ')}` : '',
    visit.notes?.trim() ? `Note: ${visit.notes.trim()}` : '',
  ];
  return parts.filter(Boolean).join(' · ');
}
