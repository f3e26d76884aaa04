// Draws the toolbar icon (a receipt on a navy tile) at each size and writes
// PNGs to assets/icons. Pure Node, so regenerating needs no image tools.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const p = pixel((x + 0.5) / size, (y + 0.5) / size);
      raw.set(p, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const NAVY: [number, number, number, number] = [29, 53, 87, 255];
const PAPER: [number, number, number, number] = [255, 255, 255, 255];
const INK: [number, number, number, number] = [29, 53, 87, 255];
const GOLD: [number, number, number, number] = [255, 183, 3, 255];
const CLEAR: [number, number, number, number] = [0, 0, 0, 0];

function icon(x: number, y: number): [number, number, number, number] {
  const r = 0.18; // rounded tile corners
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return CLEAR;
  const inPaperX = x > 0.26 && x < 0.74;
  const zig = 0.84 - Math.abs(((x - 0.26) / 0.08) % 2 - 1) * 0.05; // torn bottom edge
  if (inPaperX && y > 0.16 && y < zig) {
    if (x > 0.34 && x < 0.66 && [0.3, 0.42, 0.54].some((ly) => Math.abs(y - ly) < 0.028)) return INK;
    if (x > 0.34 && x < 0.52 && Math.abs(y - 0.68) < 0.04) return GOLD;
    return PAPER;
  }
  return NAVY;
}

const out = resolve(import.meta.dirname, '../assets/icons');
mkdirSync(out, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(resolve(out, `icon-${size}.png`), png(size, icon));
console.log('icons written to assets/icons');
