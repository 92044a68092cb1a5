import type { ClinicBand } from '../../interop/fhir/questionnaire-scale';

/**
 * The bands a clinic types, one a line as "min–max label" ("5–9 Mild"), lowest first. Each
 * line that does not read so is a problem naming the line; no line at all: no bands.
 */
export function parseBandLines(
  text: string,
): { ok: true; bands: ClinicBand[] } | { ok: false; problems: string[] } {
  const bands: ClinicBand[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = /^(\d+)\s*[-–]\s*(\d+)\s+(\S.*)$/.exec(line);
    if (!m) {
      problems.push(
        `Bands, line ${i + 1}: expected "min–max label", e.g. "5–9 Mild" (got "${line}")`,
      );
      return;
    }
    bands.push({ min: Number(m[1]), max: Number(m[2]), label: (m[3] ?? '').trim() });
  });
  return problems.length ? { ok: false, problems } : { ok: true, bands };
}
