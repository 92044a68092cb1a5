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
