/**
 * The shape of a clinic-defined scale as a backup carries it: exactly what
 * questionnaireToScale makes (src/interop/fhir/questionnaire-scale.ts), checked field by field,
 * so a file cannot bring a definition the scoring code does not expect (no safety or course
 * rules: a clinic scale has none). Every number must be a whole number, and items and bands
 * must be in order.
 */
import '../zod-setup';
import { z } from 'zod';
import type { ScaleDefinition } from '../../domain/scale-types';

const text = (max: number) => z.string().max(max);
const whole = z.number().int().min(-1000).max(1000);

const itemSchema = z
  .strictObject({
    number: z.number().int().min(1).max(500),
    shortName: text(500),
    min: whole,
    max: whole,
    flags: z.array(z.never()).max(0),
    anchors: z.array(z.strictObject({ value: whole, label: text(500) })).exactOptional(),
  })
  .refine((i) => i.min < i.max, { error: 'min must be below max' });

const bandSchema = z.strictObject({
  label: text(200),
  min: whole,
  max: whole,
  level: z.number().int().min(0).max(20),
});

export const clinicScaleSchema = z
  .strictObject({
    id: z.string().regex(/^clinic:[a-z0-9][a-z0-9-]{0,39}$/, 'must be clinic:<key>'),
    name: text(300).min(1),
    version: text(400).min(1),
    rater: z.enum(['clinician', 'self-report']),
    recallPeriod: text(200),
    direction: z.enum(['higher-is-worse', 'higher-is-better']),
    kind: z.literal('severity'),
    items: z
      .array(itemSchema)
      .min(1)
      .max(500)
      .refine((items) => items.every((item, i) => item.number === i + 1), {
        error: 'items must be numbered 1, 2, 3, … in order',
      }),
    subscales: z.array(z.never()).max(0),
    missing: z.strictObject({ kind: z.literal('none'), source: text(500) }),
    bandConventions: z
      .array(
        z.strictObject({
          id: text(40),
          name: text(200),
          source: text(500).min(1),
          bands: z.array(bandSchema).min(1).max(20),
        }),
      )
      .max(1),
    remission: z.array(z.never()).max(0),
    relapse: z.array(z.never()).max(0),
    safety: z.array(z.never()).max(0),
    copyright: text(5000),
    notes: z.array(text(1000)).max(20),
    clinicDefined: z.strictObject({
      questionnaire: text(1000).min(1),
      linkIds: z.array(text(200)).max(500),
    }),
  })
  .refine((s) => s.clinicDefined.linkIds.length === s.items.length, {
    error: 'clinicDefined.linkIds must name each item',
  }) as unknown as z.ZodType<ScaleDefinition>;
