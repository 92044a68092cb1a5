/**
 * Cell text for the cohort tables. A figure that cannot be computed says why ("n = 1: no CI")
 * instead of showing 0 or nothing.
 */
import type { Proportion, MeanSummary } from '../../domain/cohort/stats';
import { formatNumber } from '../../domain/format';

const num = (v: number, digits = 2) => formatNumber(v, digits).replace(/^-/, '−');

export function meanSd(s: MeanSummary): string {
  if (s.mean === null) return 'n = 0';
  return s.sd.ok ? `${num(s.mean)} (${num(s.sd.value)})` : `${num(s.mean)} (n = ${s.n}: no SD)`;
}

export function meanSe(s: MeanSummary): string {
  if (s.mean === null) return 'n = 0';
  return s.se.ok ? `${num(s.mean)} (${num(s.se.value)})` : `${num(s.mean)} (n = ${s.n}: no SE)`;
}

export function meanCi(s: MeanSummary): string {
  if (s.mean === null) return 'n = 0';
  return s.ci.ok
    ? `${num(s.ci.value.lower)} to ${num(s.ci.value.upper)}`
    : `n = ${s.n}: no CI (needs n ≥ 2)`;
}

const pct = (p: number) => `${(p * 100).toFixed(1)} %`;

/** "2/3 = 66.7 % (20.8 % to 93.9 %)"; N = 0 says so. */
export function rate(p: Proportion | null): string {
  if (p === null) return 'no rule';
  if (p.p === null || !p.ci.ok) return 'N = 0: nobody rated';
  return `${p.x}/${p.n} = ${pct(p.p)} (${pct(p.ci.value.lower)} to ${pct(p.ci.value.upper)})`;
}

export function plainNumber(v: number | null, digits = 2): string {
  return v === null ? '—' : num(v, digits);
}
