import type { Transaction } from 'dexie';

/**
 * One named data change run inside a version upgrade (tldraw habit: every step has a name, and
 * a test proves every step ran). `run` returns a one-line summary kept in the migration log.
 */
export interface MigrationStep {
  readonly version: number;
  readonly name: string;
  readonly run: (tx: Transaction) => Promise<string>;
}

/** A record a step could not convert: which table, which record, and why. */
export class RecordFailure extends Error {
  constructor(
    readonly table: string,
    readonly recordId: string,
    override readonly cause: unknown,
  ) {
    super(
      `record ${recordId} of ${table}: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'RecordFailure';
  }
}

/**
 * Runs `convert` on every record of `table`, naming the record that throws (a step that
 * stops on one record of thousands must say which one, so the clinic can find and fix it).
 */
export function eachRecord<T, R>(
  table: string,
  records: readonly T[],
  convert: (record: T) => R,
): R[] {
  return records.map((record) => {
    try {
      return convert(record);
    } catch (error) {
      const id =
        (record as { id?: unknown; key?: unknown } | null)?.id ??
        (record as { key?: unknown } | null)?.key;
      throw new RecordFailure(
        table,
        typeof id === 'string' || typeof id === 'number' ? String(id) : '(no id)',
        error,
      );
    }
  });
}
