// Draws the app icon (a falling-then-rising course line on the app's blue) as PNG files in
// public/, with no image tool: a tiny rasteriser and Node's zlib. Run once; the PNGs are
// committed. `node scripts/make-icons.mjs`
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

function png(size, maskable) {
  const bg = [0x1f, 0x4e, 0x79];
  const line = [0xff, 0xff, 0xff];
  const band = [0x2f, 0x6a, 0x9e];
  const pad = maskable ? 0.2 : 0.12;
  // The reference course: baseline high, a fall within a week, then the climb back.
  const pts = [
    [0, 0.2],
    [0.18, 0.85],
    [0.42, 0.75],
    [0.68, 0.52],
    [1, 0.22],
  ].map(([x, y]) => [size * (pad + x * (1 - 2 * pad)), size * (pad + y * (1 - 2 * pad))]);
  const width = size * 0.045;
  const radius = maskable ? 0 : size * 0.18;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) {
      const cx = Math.min(Math.max(x, radius), size - 1 - radius);
      const cy = Math.min(Math.max(y, radius), size - 1 - radius);
      const inside = Math.hypot(x - cx, y - cy) <= radius;
      let color = y > size * 0.62 && y < size * 0.72 ? band : bg;
      let d = Infinity;
      for (let i = 0; i < pts.length - 1; i++) {
        const [x1, y1] = pts[i];
        const [x2, y2] = pts[i + 1];
        const t = Math.max(
          0,
          Math.min(
            1,
            ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / ((x2 - x1) ** 2 + (y2 - y1) ** 2),
          ),
        );
        d = Math.min(d, Math.hypot(x - (x1 + t * (x2 - x1)), y - (y1 + t * (y2 - y1))));
      }
      for (const [px, py] of pts) if (Math.hypot(x - px, y - py) < width * 1.6) d = 0;
      if (d < width) color = line;
      const o = 1 + x * 4;
      row[o] = color[0];
      row[o + 1] = color[1];
      row[o + 2] = color[2];
      row[o + 3] = inside ? 255 : 0;
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

writeFileSync('public/icon-192.png', png(192, false));
writeFileSync('public/icon-512.png', png(512, false));
writeFileSync('public/icon-maskable-512.png', png(512, true));
writeFileSync('public/apple-touch-icon.png', png(180, true));
console.log('icons written to public/');
