#!/usr/bin/env node
// Draws the toolbar icon (a shield with a keyhole) into public/icon/{16,32,48,128}.png. Run once; output is committed.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

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
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel((x + 0.5) / size, (y + 0.5) / size), 1 + x * 4);
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
// Shield: flat top, sides curving to a point at the bottom.
const inShield = (x, y) => {
  if (y < 0.08 || y > 0.95) return false;
  const halfWidth = y < 0.5 ? 0.4 : 0.4 * Math.sqrt(Math.max(0, 1 - ((y - 0.5) / 0.45) ** 2));
  return Math.abs(x - 0.5) <= halfWidth;
};
const inKeyhole = (x, y) => (x - 0.5) ** 2 + (y - 0.4) ** 2 < 0.11 ** 2 || (Math.abs(x - 0.5) < 0.05 && y > 0.4 && y < 0.7);
mkdirSync('public/icon', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const samples = 4;
  const img = png(size, (u, v) => {
    let shield = 0;
    let hole = 0;
    for (let i = 0; i < samples; i++)
      for (let j = 0; j < samples; j++) {
        const x = u + (i / samples - 0.5) / size;
        const y = v + (j / samples - 0.5) / size;
        if (inShield(x, y)) (inKeyhole(x, y) ? hole++ : shield++);
      }
    const n = samples * samples;
    const alpha = Math.round(((shield + hole) / n) * 255);
    const t = shield / Math.max(1, shield + hole);
    // Deep teal shield, near-white keyhole.
    return [Math.round(15 * t + 240 * (1 - t)), Math.round(118 * t + 248 * (1 - t)), Math.round(110 * t + 246 * (1 - t)), alpha];
  });
  writeFileSync(`public/icon/${size}.png`, img);
}
console.log('icons written to public/icon/');
