/**
 * Draws the extension's toolbar icons (public/icon/<size>.png): a red rounded
 * square with a white magnifier, the officer's "patrol" glyph. Generated,
 * not drawn by hand, so every size is crisp; run `npx tsx scripts/make-icons.ts`
 * after changing the design. Plain zlib PNG encoding: no image library needed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const RED: [number, number, number] = [192, 57, 43];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** Coverage (0..1) of pixel (x, y) by the icon's shapes, supersampled 4×4 for smooth edges. */
function pixel(size: number, x: number, y: number): { alpha: number; white: number } {
  let inside = 0;
  let white = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const u = (x + (sx + 0.5) / 4) / size;
      const v = (y + (sy + 0.5) / 4) / size;
      const r = 0.2;
      const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0);
      const dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
      if (dx * dx + dy * dy > r * r) continue;
      inside++;
      const ring = Math.hypot(u - 0.44, v - 0.44);
      const onRing = ring > 0.17 && ring < 0.25;
      const t = (u - 0.56 + (v - 0.56)) / 2;
      const handle = t > 0.04 && t < 0.24 && Math.abs(u - v) < 0.09;
      if (onRing || handle) white++;
    }
  }
  return { alpha: inside / 16, white: inside === 0 ? 0 : white / inside };
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const { alpha, white } = pixel(size, x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(RED[c]! * (1 - white) + 255 * white);
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array()),
  ]);
}

mkdirSync('public/icon', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icon/${size}.png`, png(size));
console.log(`wrote ${SIZES.map((s) => `public/icon/${s}.png`).join(', ')}`);
