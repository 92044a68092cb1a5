/** Byte-level damage shared by the importers' fuzz tests: truncation and bytes that are not UTF-8. */
import { pick, type Random } from './cohort';

/** A strict prefix of the file, cut anywhere after its first byte. */
export function truncate(rnd: Random, bytes: Uint8Array): Uint8Array {
  return bytes.slice(0, 1 + Math.floor(rnd() * (bytes.length - 2)));
}

/** Invalid UTF-8 sequences: a lone continuation byte, an overlong form, 0xFF, a cut sequence. */
const BAD = [
  [0x80],
  [0xc0, 0xaf],
  [0xff],
  [0xe2, 0x82],
  [0xed, 0xa0, 0x80],
  [0xf8, 0x88, 0x80, 0x80],
];

export function notUtf8(rnd: Random, bytes: Uint8Array): Uint8Array {
  const at = Math.floor(rnd() * bytes.length);
  const bad = pick(rnd, BAD);
  const out = new Uint8Array(bytes.length + bad.length);
  out.set(bytes.subarray(0, at));
  out.set(bad, at);
  out.set(bytes.subarray(at), at + bad.length);
  return out;
}

export const HUGE = 'x'.repeat(200_000);
