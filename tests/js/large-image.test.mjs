// widget/large-image.js (the widget's row-by-row PNG decoder for images over
// 12 MP) in Node: its own inflate and unfilter must give the pixels exactly,
// for every colour type and depth the encoder here writes, every filter
// type, stored / fixed / dynamic / Huffman-only deflate blocks, IDAT split
// across chunks, and Adam7 interlacing; a cut-off or broken stream throws
// (the widget then reports image.undecodable).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync, constants } from 'node:zlib';
import { SIGNATURE, ihdr as header, pngChunk as chunk } from '../image-bytes.mjs';

globalThis.ImageData ??= class {
  constructor(w, h) {
    this.width = w;
    this.height = h;
    this.data = new Uint8ClampedArray(w * h * 4);
  }
};
const { decodePng } = await import('../../widget/large-image.js');

const CH = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];

/** Encodes `get(x, y) → [r, g, b]` (r is the palette index for colour type 3) as a PNG. */
function encode(w, h, { color = 2, depth = 8, level = 6, strategy = 0, interlace = 0, get }) {
  const ch = CH[color];
  const bpp = Math.max(1, (ch * depth) >> 3);
  const rows = (pw, ph, at) => {
    const L = 1 + Math.ceil((pw * ch * depth) / 8);
    const raw = Buffer.alloc(ph * L);
    for (let y = 0; y < ph; y++) {
      for (let x = 0; x < pw; x++) {
        const [r, g, b] = at(x, y);
        const vals = color === 0 ? [r] : color === 3 ? [r] : color === 4 ? [r, 255] : color === 6 ? [r, g, b, 255] : [r, g, b];
        vals.forEach((v, c) => {
          const i = x * ch + c;
          if (depth === 8) raw[y * L + 1 + i] = v;
          else if (depth === 16) raw[y * L + 1 + 2 * i] = v;
          else {
            const bit = i * depth;
            raw[y * L + 1 + (bit >> 3)] |= (color === 3 ? v : v >> (8 - depth)) << (8 - depth - (bit & 7));
          }
        });
      }
    }
    // Filter row y with type y % 5 (all five appear).
    const out = Buffer.alloc(raw.length);
    for (let y = 0; y < ph; y++) {
      const t = y % 5;
      out[y * L] = t;
      for (let i = 1; i < L; i++) {
        const x = raw[y * L + i];
        const a = i > bpp ? raw[y * L + i - bpp] : 0;
        const b = y ? raw[(y - 1) * L + i] : 0;
        const c = y && i > bpp ? raw[(y - 1) * L + i - bpp] : 0;
        const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
        const paeth = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
        out[y * L + i] = (x - [0, a, b, (a + b) >> 1, paeth][t]) & 255;
      }
    }
    return out;
  };
  const parts = interlace
    ? ADAM7.map(([xs, ys, dx, dy]) => {
      const pw = Math.ceil((w - xs) / dx), ph = Math.ceil((h - ys) / dy);
      return pw > 0 && ph > 0 ? rows(pw, ph, (x, y) => get(xs + x * dx, ys + y * dy)) : Buffer.alloc(0);
    })
    : [rows(w, h, get)];
  const plte = color === 3 ? chunk('PLTE', Buffer.from(Array.from({ length: 48 }, (_, i) => i * 5))) : Buffer.alloc(0);
  const idat = deflateSync(Buffer.concat(parts), { level, strategy });
  return Buffer.concat([SIGNATURE, chunk('IHDR', header(w, h, { depth, color, interlace })), plte,
    chunk('IDAT', idat.subarray(0, 10)), chunk('IDAT', idat.subarray(10)), chunk('IEND', Buffer.alloc(0))]);
}

let seed = 7;
const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 255;

test('large-image decodes every colour type, depth, filter, block type and interlacing exactly (no downscale)', async () => {
  const cases = [
    [300, 200, { color: 2 }], [257, 131, { color: 6, level: 9 }], [100, 77, { color: 0, depth: 1, level: 1 }],
    [64, 64, { color: 3, depth: 4, level: 0 }], [333, 222, { color: 2, depth: 16, strategy: constants.Z_HUFFMAN_ONLY }],
    [500, 300, { color: 2, strategy: constants.Z_FIXED }], [40, 30, { color: 2, interlace: 1 }], [7, 5, { color: 4, interlace: 1 }],
    [90, 60, { color: 0, depth: 2 }],
  ];
  for (const [w, h, o] of cases) {
    const px = Array.from({ length: w * h }, (_, i) => [(i * 3 + (rnd() & 15)) & 255, (i * 7) & 255, (i >> 3) & 255]);
    const get = (x, y) => (o.color === 3 ? [px[y * w + x][0] & 15, 0, 0] : px[y * w + x]);
    const img = await decodePng(new Blob([encode(w, h, { ...o, get })]), 1024);
    assert.deepEqual([img.width, img.height], [w, h]);
    let bad = 0;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const [r, g, b] = get(x, y);
        const d = o.depth ?? 8;
        const gray = (v) => Math.round(((v >> (8 - Math.min(d, 8))) * 255) / ((1 << Math.min(d, 8)) - 1));
        const want = o.color === 3 ? [15 * r, 15 * r + 5, 15 * r + 10]
          : o.color === 0 || o.color === 4 ? [gray(r), gray(r), gray(r)] : [r, g, b];
        const at = 4 * (y * w + x);
        if (want.some((v, c) => img.data[at + c] !== v)) bad++;
      }
    }
    assert.equal(bad, 0, `${w}×${h} ${JSON.stringify(o)}: ${bad} wrong pixels`);
  }
});

test('large-image box-downscales to the long edge, and throws on cut-off or broken data', async () => {
  const get = (x, y) => (((x >> 3) + (y >> 3)) & 1 ? [255, 255, 255] : [0, 0, 0]);
  const img = await decodePng(new Blob([encode(2000, 1000, { get })]), 1000);
  assert.deepEqual([img.width, img.height], [1000, 500]);
  // 2 × 2 blocks of an 8-px checkerboard: still black and white squares of 4 px.
  assert.deepEqual([img.data[0], img.data[4 * 4]], [0, 255]);
  const file = encode(200, 100, { get });
  const idat = file.indexOf('IDAT');
  await assert.rejects(decodePng(new Blob([file.subarray(0, idat + 30)]), 1000), /cut off/);
  const garbage = Buffer.from(file);
  garbage.fill(0x5a, idat + 20, idat + 60);
  await assert.rejects(decodePng(new Blob([garbage]), 1000));
  assert.equal(await decodePng(new Blob([Buffer.from('not a png at all')]), 1000), null);
});

test('large-image skips ancillary chunks of any size before the image data', async () => {
  const get = (x, y) => [x & 255, y & 255, 128];
  const file = encode(300, 200, { get });
  const at = file.indexOf('IDAT') - 4;
  const big = Buffer.concat([file.subarray(0, at), chunk('zTXt', Buffer.alloc(3 << 20, 7)), file.subarray(at)]);
  const img = await decodePng(new Blob([big]), 1024);
  assert.deepEqual([img.width, img.height, img.data[4 * (7 * 300 + 9)], img.data[4 * (7 * 300 + 9) + 1]], [300, 200, 9, 7]);
});
