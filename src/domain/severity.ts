import { fail, ok, type Result } from './result';
import type { BandConvention, ScaleDefinition, SeverityBand } from './scale-types';
import { totalRange } from './ranges';

export interface Severity {
  readonly band: SeverityBand;
  readonly convention: BandConvention;
}

export function bandConvention(
  scale: ScaleDefinition,
  conventionId?: string,
): Result<BandConvention> {
  const [first] = scale.bandConventions;
  if (!first) return fail(`${scale.id} has no published severity bands.`);
  if (conventionId === undefined) return ok(first);
  const found = scale.bandConventions.find((c) => c.id === conventionId);
  return found ? ok(found) : fail(`${scale.id} has no band convention "${conventionId}".`);
}

/**
 * The band whose range holds the total. Bands are closed below and run up to the next
 * band's lower bound, so a prorated total such as 9.4 falls in the band starting at 5.
 */
export function severityOf(
  scale: ScaleDefinition,
  total: number,
  conventionId?: string,
): Result<Severity> {
  const convention = bandConvention(scale, conventionId);
  if (!convention.ok) return convention;
  const range = totalRange(scale);
  if (!Number.isFinite(total) || total < range.min || total > range.max) {
    return fail(`${scale.id} total ${total} is outside ${range.min}–${range.max}.`);
  }
  const bands = convention.value.bands;
  const band = [...bands].reverse().find((b) => total >= b.min);
  return band
    ? ok({ band, convention: convention.value })
    : fail(`${scale.id} total ${total} is below every band.`);
}
