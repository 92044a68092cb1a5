/**
 * A dose as typed: digits with an optional decimal point or comma. "-5" is negative, "1e3"
 * and "0x10" are not doses (Number() would read them as 1000 and 16).
 */
export function parseDose(
  text: string,
): { ok: true; value: number | null } | { ok: false; reason: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: null };
  if (/^-\s*\d/.test(t)) return { ok: false, reason: `Dose must not be negative (got "${t}").` };
  if (!/^\d+([.,]\d+)?$/.test(t))
    return {
      ok: false,
      reason: `Dose must be a number written with digits, such as 2.5 (got "${t}").`,
    };
  return { ok: true, value: Number(t.replace(',', '.')) };
}
