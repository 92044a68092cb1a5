/**
 * A backup file's bytes, compressed or not: a `.json.gz` (gzip, recognised by its first two
 * bytes, not its name) is decompressed by the browser's DecompressionStream, then read like
 * a plain `.json` by parseBackupBytes. A damaged or truncated gzip file is refused as such.
 */
import { refuseAll, type DbResult } from '../result';
import type { ValidBackup } from './backup-format';
import { parseBackupBytes } from './parse-backup';

export const isGzip = (bytes: Uint8Array) => bytes[0] === 0x1f && bytes[1] === 0x8b;

export const GZIP_DAMAGED =
  'The file is compressed (gzip) but damaged or cut short: it could not be decompressed. Nothing was imported; use another copy of the backup.';

/** The bytes of a gzip file, decompressed; null when they are not a whole gzip stream. */
export async function gunzip(bytes: Uint8Array): Promise<Uint8Array | null> {
  try {
    const source = new ReadableStream<BufferSource>({
      start(controller) {
        controller.enqueue(bytes as Uint8Array<ArrayBuffer>);
        controller.close();
      },
    });
    const reader = source.pipeThrough(new DecompressionStream('gzip')).getReader();
    const chunks: Uint8Array[] = [];
    let length = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
    const out = new Uint8Array(length);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.length;
    }
    return out;
  } catch {
    return null;
  }
}

export async function readBackupFile(bytes: Uint8Array): Promise<DbResult<ValidBackup>> {
  if (!isGzip(bytes)) return parseBackupBytes(bytes);
  const plain = await gunzip(bytes);
  return plain ? parseBackupBytes(plain) : refuseAll([GZIP_DAMAGED]);
}
