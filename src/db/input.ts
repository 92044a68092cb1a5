/** Turning what a form gives into a checked record. */
import './zod-setup';
import type { z } from 'zod';
import { zodProblems } from './record-schemas';
import { refuseAll, succeed, type DbResult } from './result';

/**
 * Strings trimmed; empty strings, null and undefined dropped, so an optional field a user
 * cleared is absent from the record (never stored as '' or null).
 */
export function compact(fields: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(fields)) {
    const value = typeof raw === 'string' ? raw.trim() : raw;
    if (value === null || value === undefined || value === '') continue;
    out[key] = value;
  }
  return out;
}

/** The record checked against its schema, or every problem as "field: what is wrong". */
export function parseRecord<T>(schema: z.ZodType<T>, raw: unknown): DbResult<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success ? succeed(parsed.data) : refuseAll(zodProblems(parsed.error));
}
