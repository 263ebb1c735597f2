#!/usr/bin/env node
// Writes build/icon.png (512×512, the app icon electron-builder turns into each platform's format): a key in a
// rounded square, drawn pixel by pixel so no image tool is needed. Run it again after changing the drawing.
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const S = 512;
const px = Buffer.alloc(S * S * 4);
const inRounded = (x, y, r) => {
  const cx = Math.min(Math.max(x, r), S - 1 - r);
  const cy = Math.min(Math.max(y, r), S - 1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
for (let y = 0; y < S; y++) {
  for (let x = 0; x < S; x++) {
    const i = (y * S + x) * 4;
    if (!inRounded(x, y, 96)) continue;
    // Entra blue, a touch lighter towards the top.
    px.set([0, Math.round(103 + (40 * (S - y)) / S), 184, 255], i);
    const ring = (x - 190) ** 2 + (y - 256) ** 2;
    const bow = ring <= 95 ** 2 && ring >= 50 ** 2;
    const shaft = x >= 270 && x <= 420 && y >= 238 && y <= 274;
    const teeth = (x >= 360 && x <= 384 && y > 274 && y <= 320) || (x >= 396 && x <= 420 && y > 274 && y <= 300);
    if (bow || shaft || teeth) px.set([255, 255, 255, 255], i);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc(body));
  return Buffer.concat([len, body, sum]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(S, 0);
header.writeUInt32BE(S, 4);
header.set([8, 6, 0, 0, 0], 8);
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) px.copy(raw, y * (S * 4 + 1) + 1, y * S * 4, (y + 1) * S * 4);
mkdirSync(new URL('../build/', import.meta.url), { recursive: true });
writeFileSync(
  new URL('../build/icon.png', import.meta.url),
  Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]),
);
