/**
 * The text of a version 2 backup and its checksum. The file is written in pieces (a header
 * line, one line per record, a trailer), never as one string, so a database larger than a
 * JavaScript string can hold still exports. The checksum is the SHA-256 of the canonical
 * record stream: the header fields, then each table's name and each record as canonical JSON
 * (keys sorted), one per line. Import recomputes it from the records it parsed, so a file
 * whose content was altered, or which was cut short, is refused; re-indenting the file does
 * not change it. SubtleCrypto has no incremental digest, so the hash is @noble/hashes's
 * (audited, no dependencies).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from '../derived';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  type Backup,
  type BackupChecksum,
  type BackupTable,
} from './backup-format';

/** Everything in a backup but its records. */
export type BackupHeader = Omit<Backup, BackupTable>;

/** The header fields in the file's order. */
export function headerFields(header: BackupHeader): Record<string, unknown> {
  return {
    format: header.format,
    formatVersion: header.formatVersion,
    exportedAt: header.exportedAt,
    ...(header.appVersion === undefined ? {} : { appVersion: header.appVersion }),
    scope: header.scope,
    ...(header.clinicalRules === undefined ? {} : { clinicalRules: header.clinicalRules }),
    ...(header.clinicScales?.length ? { clinicScales: header.clinicScales } : {}),
  };
}

const encoder = new TextEncoder();

/** The running SHA-256 of the canonical record stream. */
export class BackupHasher {
  private readonly hash = sha256.create();

  constructor(header: BackupHeader) {
    this.line(canonicalJson(headerFields(header)));
  }

  private line(text: string): void {
    this.hash.update(encoder.encode(`${text}\n`));
  }

  table(table: BackupTable): void {
    this.line(table);
  }

  record(record: unknown): void {
    this.line(canonicalJson(record));
  }

  digest(): BackupChecksum {
    return { algorithm: 'SHA-256', value: bytesToHex(this.hash.digest()) };
  }
}

/**
 * Writes a backup as pieces of text while hashing it. Call `start`, then `table` and
 * `record` in file order (every table of BACKUP_TABLES, in that order), then `end`.
 */
export class BackupWriter {
  private readonly hasher: BackupHasher;
  private inTable = 0;
  private tablesOpened = 0;

  constructor(private readonly header: BackupHeader) {
    this.hasher = new BackupHasher(header);
  }

  start(): string {
    const head = JSON.stringify(headerFields(this.header));
    return `${head.slice(0, -1)},\n`;
  }

  table(table: BackupTable): string {
    if (BACKUP_TABLES[this.tablesOpened] !== table)
      throw new Error(`Backup tables out of order: ${table}`);
    this.hasher.table(table);
    const close = this.tablesOpened > 0 ? '\n],\n' : '';
    this.tablesOpened++;
    this.inTable = 0;
    return `${close}${JSON.stringify(table)}:[`;
  }

  record(record: unknown): string {
    this.hasher.record(record);
    return `${this.inTable++ > 0 ? ',' : ''}\n${JSON.stringify(record)}`;
  }

  end(): string {
    if (this.tablesOpened !== BACKUP_TABLES.length) throw new Error('Backup tables missing');
    return `\n],\n"checksum":${JSON.stringify(this.hasher.digest())}}\n`;
  }
}

/** One version 2 file of an in-memory backup (tests, conversions, small exports). */
export function backupToJson(backup: Backup): string {
  const header: BackupHeader = {
    ...backup,
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
  };
  const writer = new BackupWriter(header);
  const pieces = [writer.start()];
  for (const table of BACKUP_TABLES) {
    pieces.push(writer.table(table));
    for (const record of backup[table] ?? []) pieces.push(writer.record(record));
  }
  pieces.push(writer.end());
  return pieces.join('');
}
