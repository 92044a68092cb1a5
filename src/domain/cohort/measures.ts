import { getScale } from '../scales/registry';
import type { ScaleId } from '../scale-types';
import type { Measure } from './cohort-types';
import type { SeriesPoint } from './patient-series';

/** The total of each scale, then its subscales (MADRS anhedonia, the DARS domains). */
export function measuresOf(scaleIds: readonly ScaleId[]): Measure[] {
  return scaleIds.flatMap((scaleId) => {
    const scale = getScale(scaleId);
    return [
      { id: scaleId, scaleId, subscaleId: null, label: `${scaleId} total` },
      ...scale.subscales.map((s) => ({
        id: `${scaleId}:${s.id}`,
        scaleId,
        subscaleId: s.id,
        label: `${scaleId} ${s.name} (items ${s.items.join(', ')})`,
      })),
    ];
  });
}

/** The value of a measure at a point: the total, or the subscale score when known. */
export function valueAt(measure: Measure, point: SeriesPoint): number | null {
  return measure.subscaleId === null ? point.total : (point.subscales[measure.subscaleId] ?? null);
}
