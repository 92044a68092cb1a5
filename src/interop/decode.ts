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

const decodes = (bytes: Uint8Array, length: number, stream: boolean): boolean => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, length), { stream });
    return true;
  } catch {
    return false;
  }
};

/**
 * The offset of the first bad byte. With `stream`, a sequence cut at the end of a prefix is
 * not an error yet, so once a prefix fails every longer one does: a binary search finds the
 * shortest failing prefix. When its last byte only broke off a sequence begun before it (or
 * the file ends inside one), the lead byte of that sequence is the one reported.
 */
function firstBadByte(bytes: Uint8Array): number {
  let good = 0;
  let bad = bytes.length + 1;
  if (!decodes(bytes, bytes.length, true)) {
    bad = bytes.length;
    while (bad - good > 1) {
      const mid = Math.floor((good + bad) / 2);
      if (decodes(bytes, mid, true)) good = mid;
      else bad = mid;
    }
  }
  const before = bad - 1;
  if (decodes(bytes, before, false)) return before;
  let lead = before - 1;
  while (lead > 0 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead -= 1;
  return lead;
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
