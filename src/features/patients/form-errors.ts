/**
 * Repository issues ("code: is required", "endDate: must not be before the start date")
 * turned into plain sentences at their fields ("Patient code is required"). An issue that
 * names no known field stays in the list under the form.
 */
export interface FormErrors<K extends string> {
  readonly fields: Partial<Record<K, string>>;
  readonly other: readonly string[];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function toFormErrors<K extends string>(
  issues: readonly string[],
  labels: Readonly<Record<K, string>>,
): FormErrors<K> {
  const fields: Partial<Record<K, string>> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const match = /^([A-Za-z]+)(?:\[[^\]]*\])*: (.*)$/.exec(issue);
    const key = match?.[1];
    if (match && key !== undefined && key in labels) {
      const field = key as K;
      const sentence = `${labels[field]} ${match[2] ?? ''}`.trim();
      fields[field] ??= `${capitalise(sentence)}${/[.!?]$/.test(sentence) ? '' : '.'}`;
    } else other.push(issue);
  }
  return { fields, other };
}

/** The first field (in the form's order) that has an error, to move focus to. */
export function firstErrorField<K extends string>(
  order: readonly K[],
  errors: Partial<Record<K, string>>,
): K | undefined {
  return order.find((k) => errors[k] !== undefined);
}
