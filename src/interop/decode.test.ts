import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from './decode';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    parts.flatMap((p) => (typeof p === 'string' ? [...new TextEncoder().encode(p)] : p)),
  );

describe('decodeUtf8', () => {
  it('decodes UTF-8 and drops a byte order mark', () => {
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'a,é\r\n'))).toEqual({
      ok: true,
      value: 'a,é\r\n',
    });
  });

  it.each<[string, Uint8Array, string]>([
    ['a Windows-1252 é', bytes('code\nDÉ', [0xe9], 'Z'), 'byte 0xE9 at line 2, column 3 (byte 9)'],
    ['a lone continuation byte', bytes('ab', [0x80]), 'byte 0x80 at line 1, column 3 (byte 3)'],
    ['0xFF after a valid é', bytes('é', [0xff]), 'byte 0xFF at line 1, column 2 (byte 3)'],
    [
      'a sequence cut at the end',
      bytes('ab', [0xe2, 0x82]),
      'byte 0xE2 at line 1, column 3 (byte 3)',
    ],
  ])('refuses %s and says where', (_name, input, where) => {
    const result = decodeUtf8(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(where);
  });
});
