/**
 * Files arrive as bytes. They are decoded as UTF-8 with `fatal: true`: a file with bytes that
 * are not UTF-8 (an old Excel "CSV" in Windows-1252, say) is refused with the place of the
 * first bad byte, never altered by replacement characters.
 */
import { fail, ok, type Result } from '../domain/result';

/** Line and column (1-based) of a byte offset, counting only the valid bytes before it. */
function placeOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

/** The first offset at which UTF-8 decoding fails (binary search over prefixes is not valid: scan). */
function firstBadByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const size =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (size === 0) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + size));
    } catch {
      return i;
    }
    i += size;
  }
  return bytes.length;
}

export function decodeUtf8(input: Uint8Array | string): Result<string> {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      const at = firstBadByte(input);
      const { line, column } = placeOf(input, at);
      const byte = (input[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
      return fail(
        `The file is not valid UTF-8: byte 0x${byte} at line ${line}, column ${column} (byte ${at + 1}). Save it as "CSV UTF-8" or UTF-8 text and try again; nothing was imported.`,
      );
    }
  }
  return ok(text.startsWith('\uFEFF') ? text.slice(1) : text);
}
