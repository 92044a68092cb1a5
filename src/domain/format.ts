/** Number formatting shared by every screen, so a figure reads the same everywhere. */

/** Rounded half away from zero to `digits` decimals (88.888… -> "88.89"). */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * f + Number.EPSILON)) / f;
}

export function formatNumber(value: number, digits = 2): string {
  return Number.isInteger(value) ? String(value) : round(value, digits).toFixed(digits);
}

/** "88.89 %"; with sign: "+205.88 %", "−5.00 %". */
export function formatPercent(value: number, options: { signed?: boolean } = {}): string {
  const rounded = round(Math.abs(value), 2);
  const text = rounded.toFixed(2);
  // A value that rounds to 0.00 carries no sign ("−0.00 %" would read as a change).
  const sign = rounded === 0 ? '' : value < 0 ? '−' : options.signed ? '+' : '';
  return `${sign}${text} %`;
}

/** "+35", "−16", "0". */
export function formatSigned(value: number, digits = 2): string {
  const text = formatNumber(Math.abs(value), digits);
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : text;
}

/** A total for display: prorated totals keep one decimal. */
export function formatTotal(total: number): string {
  return Number.isInteger(total) ? String(total) : round(total, 1).toFixed(1);
}
