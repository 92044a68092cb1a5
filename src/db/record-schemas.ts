/**
 * Shapes of the records, checked with zod: by the repositories before a write and by backup
 * import before anything is written. Only the shape and plain ranges live here; scores are
 * checked by the domain (validateEntry) and references by the callers.
 */
import './zod-setup';
import { z } from 'zod';
import type { AssessmentEntry } from '../domain/assessment';
import type { ScaleId } from '../domain/scale-types';
import { VISIT_INTERVAL_LIMITS } from '../domain/caseload/due';
import { isScaleId, scaleIdsInUse } from '../domain/scales/registry';
import { isIsoDate } from '../domain/time';
import { isClockTime } from '../domain/visit-time';
import type {
  AssessmentData,
  CohortData,
  EnrolmentData,
  PatientData,
  SafetyAck,
  TreatmentEvent,
  Visit,
} from './schema';

const text = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .min(1, { error: 'must not be empty' })
    .max(max, { error: `must be at most ${max} characters` });

export const idSchema = z.guid({ error: 'must be an id like 0d9c7f0e-…-…-…-… (a UUID)' });

export const isoDateSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .refine(isIsoDate, {
    error: (issue) => `must be a date written YYYY-MM-DD (got ${JSON.stringify(issue.input)})`,
  });

export const clockTimeSchema = z.string({ error: 'must be text' }).refine(isClockTime, {
  error: (issue) =>
    `must be a time of day written HH:mm, 00:00 to 23:59 (got ${JSON.stringify(issue.input)})`,
});

export const timestampSchema = z.iso.datetime({
  offset: true,
  error: 'must be a date and time in ISO 8601, e.g. 2024-01-05T09:30:00.000Z',
});

export const patientCodeSchema = text(64).refine((code) => code.trim() === code, {
  error: 'must not begin or end with a space',
});

/** The id of a clinic-defined scale (questionnaire-scale.ts makes them). */
export const CLINIC_SCALE_ID = /^clinic:[a-z0-9][a-z0-9-]{0,39}$/;

export const scaleIdSchema = z.custom<ScaleId>(
  // A clinic-defined scale this device does not have yet may come with its definition in the
  // same backup: check-backup.ts checks every assessment against the definitions it can see.
  (value) => typeof value === 'string' && (isScaleId(value) || CLINIC_SCALE_ID.test(value)),
  {
    error: (issue) =>
      `unknown scale ${JSON.stringify(issue.input)} (this app knows ${scaleIdsInUse().join(', ')})`,
  },
);

const statusSchema = z.enum(['draft', 'final']);

export const patientDataSchema = z.strictObject({
  id: idSchema,
  code: patientCodeSchema,
  name: text(200).exactOptional(),
  birthYear: z
    .int({ error: 'must be a whole year' })
    .min(1900, { error: 'must be a year from 1900 on' })
    .max(2100, { error: 'must be a year up to 2100' })
    .exactOptional(),
  sex: z.enum(['female', 'male', 'other', 'unknown']).exactOptional(),
  diagnosis: text(500).exactOptional(),
  notes: text(10_000).exactOptional(),
  baselineVisitId: idSchema.exactOptional(),
  expectedIntervalDays: z
    .int({ error: 'must be a whole number of days' })
    .min(VISIT_INTERVAL_LIMITS.min, { error: `must be at least ${VISIT_INTERVAL_LIMITS.min} day` })
    .max(VISIT_INTERVAL_LIMITS.max, { error: `must be at most ${VISIT_INTERVAL_LIMITS.max} days` })
    .exactOptional(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
}) satisfies z.ZodType<PatientData>;

export const eventSchema = z
  .strictObject({
    id: idSchema,
    patientId: idSchema,
    date: isoDateSchema,
    time: clockTimeSchema.exactOptional(),
    kind: z.enum([
      'single-dose',
      'medication-start',
      'medication-change',
      'medication-stop',
      'procedure',
      'note',
    ]),
    label: text(200),
    drug: text(200).exactOptional(),
    dose: z
      .number({ error: 'must be a number' })
      .min(0, { error: 'must not be negative' })
      .exactOptional(),
    unit: text(40).exactOptional(),
    route: text(40).exactOptional(),
    totalDose: text(200).exactOptional(),
    details: text(2000).exactOptional(),
    isIndex: z.boolean(),
    endDate: isoDateSchema.exactOptional(),
  })
  .refine((e) => e.endDate === undefined || e.endDate >= e.date, {
    error: 'must not be before the start date',
    path: ['endDate'],
  }) satisfies z.ZodType<TreatmentEvent>;

export const visitSchema = z.strictObject({
  id: idSchema,
  patientId: idSchema,
  date: isoDateSchema,
  time: clockTimeSchema.exactOptional(),
  notes: text(10_000).exactOptional(),
  adverseEvents: z.array(text(200)).max(50).exactOptional(),
  status: statusSchema,
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  finalizedAt: timestampSchema.exactOptional(),
}) satisfies z.ZodType<Visit>;

export const entrySchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('items'),
    responses: z.array(z.number().nullable()).max(100),
    variants: z.record(z.string(), z.string()).exactOptional(),
  }),
  z.strictObject({
    mode: z.literal('summary'),
    total: z.number().nullable(),
    subscales: z.record(z.string(), z.number()),
    items: z.record(z.string(), z.number()),
    variants: z.record(z.string(), z.string()).exactOptional(),
  }),
]) satisfies z.ZodType<AssessmentEntry>;

export const assessmentDataSchema = z.strictObject({
  id: idSchema,
  visitId: idSchema,
  patientId: idSchema,
  date: isoDateSchema,
  scaleId: scaleIdSchema,
  scaleVersion: text(200),
  entry: entrySchema,
  rater: text(200).exactOptional(),
  status: statusSchema,
  updatedAt: timestampSchema,
}) satisfies z.ZodType<AssessmentData>;

export const safetyAckSchema = z.strictObject({
  id: idSchema,
  patientId: idSchema,
  assessmentId: idSchema,
  scaleId: scaleIdSchema,
  item: z.int().positive(),
  value: z.int(),
  acknowledgedBy: text(200),
  acknowledgedAt: timestampSchema,
  note: text(2000).exactOptional(),
}) satisfies z.ZodType<SafetyAck>;

export const cohortDataSchema = z
  .strictObject({
    id: idSchema,
    name: text(200),
    kind: z.enum(['study', 'case series'], { error: 'must be "study" or "case series"' }),
    description: text(2000).exactOptional(),
    arms: z
      .array(z.strictObject({ id: idSchema, name: text(100) }))
      .min(1, { error: 'a cohort needs at least one arm' })
      .max(20, { error: 'must be at most 20 arms' }),
    createdAt: timestampSchema,
    updatedAt: timestampSchema,
  })
  .superRefine((cohort, ctx) => {
    const seen = new Map<string, number>();
    cohort.arms.forEach((arm, i) => {
      const key = arm.name.trim().toLowerCase();
      const earlier = seen.get(key);
      if (earlier !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['arms', i, 'name'],
          message: `"${arm.name}" is already the name of arm ${earlier + 1}; arm names must differ`,
        });
      else seen.set(key, i);
      if (cohort.arms.findIndex((a) => a.id === arm.id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['arms', i, 'id'],
          message: 'the same id as another arm',
        });
    });
  }) satisfies z.ZodType<CohortData>;

export const enrolmentSchema = z.strictObject({
  id: idSchema,
  cohortId: idSchema,
  armId: idSchema,
  patientId: idSchema,
  enrolledOn: isoDateSchema.exactOptional(),
  createdAt: timestampSchema,
}) satisfies z.ZodType<EnrolmentData>;

/** `assessments[3].entry.responses[2]`, `patients[0].code`, `entry.items["3"]`. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key))
      out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Each zod issue as "where: what". */
export function zodProblems(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const where = formatPath(issue.path, prefix);
    return where ? `${where}: ${issue.message}` : issue.message;
  });
}
