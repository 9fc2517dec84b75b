// Inputs for comparing probeImage between two builds (bench/diff-images.mjs,
// tests/js/probe-image-digest.test.mjs): tests/images, header prefixes of
// each, and generated variants — odd sizes, EXIF orientations, late SOF
// (around the 4 KiB first read and the 64 KiB head), truncated files, huge
// declared dimensions, chunk walks across those sizes, random bytes and
// mutated test images. Seeded: the same seed gives the same cases.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('../tests/images/', import.meta.url));

/** A seeded PRNG (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)] };
}

const CRC = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(b) {
  let c = -1;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

const cat = (...parts) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
const bytes = (...xs) => Uint8Array.from(xs);
const ascii = (s) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const be16 = (n) => bytes((n >>> 8) & 255, n & 255);
const be32 = (n) => bytes((n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
const le16 = (n) => bytes(n & 255, (n >>> 8) & 255);
const le24 = (n) => bytes(n & 255, (n >>> 8) & 255, (n >>> 16) & 255);
const le32 = (n) => bytes(n & 255, (n >>> 8) & 255, (n >>> 16) & 255, (n >>> 24) & 255);
const fill = (r, n) => Uint8Array.from({ length: n }, () => r.int(256));

/** A TIFF/EXIF block: orientation, maybe DateTime and Software (`big`: MM). */
function exifTiff(r, orientation, big = r.int(2) === 1) {
  const u16 = big ? be16 : le16;
  const u32 = big ? be32 : le32;
  const entries = [[0x0112, 3, 1, [...u16(orientation), 0, 0]]];
  const extra = [];
  let off = 8 + 2 + 12 * 3 + 4;
  if (r.int(2)) {
    const d = ascii(r.pick(['2026:11:27 10:00:00\0', '    :  :     :  :  \0', '2019:02:30 25:61:00\0', 'garbage\0']));
    entries.push([0x0132, 2, d.length, [...u32(off)]]);
    extra.push(d);
    off += d.length;
  }
  if (r.int(2)) {
    const s = ascii(r.pick(['Adobe Photoshop 25.0\0', 'MeituPic\0', 'iPhone\u0001\0', 'x\0']));
    entries.push([0x0131, 2, s.length, [...u32(off)]]);
    extra.push(s);
  }
  while (entries.length < 3) entries.push([0x9999, 3, 1, [0, 0, 0, 0]]);
  const ifd = cat(
    u16(entries.length),
    ...entries.map(([tag, type, count, value]) => cat(u16(tag), u16(type), u32(count), Uint8Array.from(value))),
    u32(0),
  );
  return cat(big ? ascii('MM') : ascii('II'), u16(42), u32(8), ifd, ...extra);
}

function jpeg(r) {
  const parts = [bytes(0xff, 0xd8)];
  if (r.int(2)) parts.push(bytes(0xff, 0xe0), be16(16), ascii('JFIF\0'), fill(r, 9));
  if (r.int(3)) {
    const tiff = exifTiff(r, r.int(10));
    parts.push(bytes(0xff, 0xe1), be16(tiff.length + 8), ascii('Exif\0\0'), tiff);
  }
  // Padding segments that put the SOF around 4 KiB, 8 KiB or 64 KiB.
  const target = r.pick([0, 0, 4096, 4100, 8192, 65536, 65540, 70000, r.int(20000)]);
  let at = parts.reduce((n, p) => n + p.length, 0);
  while (target && at + 4 < target) {
    const len = Math.min(65533, Math.max(2, target - at - 2 + r.int(9) - 4));
    parts.push(bytes(0xff, 0xe2 + r.int(12)), be16(len), fill(r, len - 2));
    at += len + 2;
  }
  if (r.int(4) === 0) parts.push(bytes(0xff, 0xee), be16(14), ascii('Adobe'), fill(r, 6), bytes(r.int(3)));
  if (r.int(8) === 0) parts.push(bytes(0xff, 0xff, 0xff)); // fill bytes
  const nf = r.pick([1, 3, 3, 4, 0, 2]);
  const ids = r.int(2) ? [82, 71, 66, 75] : [1, 2, 3, 4];
  const comps = cat(...Array.from({ length: nf }, (_, i) => bytes(ids[i], 0x11, 0)));
  const dims = () => r.pick([0, 1, 17, 640, 1200, 4032, 65535, r.int(65536)]);
  const marker = r.pick([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc9, 0xca, 0xcf, 0xc4, 0xcc]);
  parts.push(bytes(0xff, marker), be16(8 + 3 * nf + r.pick([0, 0, 0, -1, 3])), bytes(r.pick([8, 12, 16])), be16(dims()), be16(dims()), bytes(nf), comps);
  parts.push(bytes(0xff, 0xda), be16(8), fill(r, 6 + r.int(200)), bytes(0xff, 0xd9));
  return cat(...parts);
}

function png(r) {
  const chunk = (type, data) => {
    const td = cat(ascii(type), data);
    return cat(be32(data.length), td, be32(r.int(20) ? crc32(td) : r.int(2 ** 32)));
  };
  const side = () => r.pick([0, 1, 800, 1000000, 1000001, 2 ** 31 - 1, 2 ** 32 - 1, r.int(5000)]);
  const color = r.pick([0, 2, 3, 4, 6, 5]);
  const depth = r.pick([1, 2, 4, 8, 16, 3]);
  const ihdr = cat(be32(side()), be32(side()), bytes(depth, color, 0, 0, r.pick([0, 1, 2])));
  const parts = [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), chunk('IHDR', ihdr)];
  for (let i = r.int(4); i > 0; i--) {
    const kind = r.pick(['tEXt', 'iCCP', 'acTL', 'eXIf', 'pHYs']);
    if (kind === 'acTL') parts.push(chunk('acTL', cat(be32(r.int(3)), be32(0))));
    else if (kind === 'eXIf') parts.push(chunk('eXIf', exifTiff(r, r.int(10))));
    else parts.push(chunk(kind, fill(r, r.pick([3, 100, 4070, 4096, 65500, r.int(9000)]))));
  }
  parts.push(chunk('IDAT', fill(r, r.int(300))));
  if (r.int(3) === 0) parts.push(chunk('eXIf', exifTiff(r, 6)));
  parts.push(chunk('IEND', new Uint8Array(0)));
  return cat(...parts);
}

function gif(r) {
  const gct = r.int(2) ? 0x80 | r.int(8) : 0;
  const parts = [ascii(r.pick(['GIF87a', 'GIF89a'])), le16(r.pick([0, 1, 64, 65535, r.int(65536)])), le16(r.pick([0, 48, r.int(65536)])), bytes(gct | (r.int(8) << 4), 0, 0)];
  if (gct) parts.push(fill(r, 3 << ((gct & 7) + 1)));
  const blocks = () => {
    const out = [];
    let left = r.pick([0, 10, 300, 5000, 70000, r.int(9000)]);
    while (left > 0) {
      const n = Math.min(255, left);
      out.push(bytes(n), fill(r, n));
      left -= n;
    }
    out.push(bytes(0));
    return cat(...out);
  };
  for (let f = r.int(4); f > 0; f--) {
    if (r.int(2)) parts.push(bytes(0x21, 0xf9), blocks());
    const lct = r.int(3) === 0 ? 0x80 | r.int(8) : 0;
    parts.push(bytes(0x2c), le16(0), le16(0), le16(10), le16(10), bytes(lct));
    if (lct) parts.push(fill(r, 3 << ((lct & 7) + 1)));
    parts.push(bytes(2), blocks());
  }
  parts.push(r.int(5) ? bytes(0x3b) : fill(r, r.int(5)));
  return cat(...parts);
}

function bmp(r) {
  const header = r.pick([12, 40, 108, 124, 16, 64, 0, 200]);
  const info = header === 12
    ? cat(le32(12), le16(r.int(65536)), le16(r.int(65536)), le16(1), le16(r.pick([1, 8, 24])))
    : cat(le32(header), le32(r.pick([0, 120, -5, 2 ** 20, 2 ** 20 + 1, 2 ** 31, r.int(2 ** 32)])), le32(r.pick([80, -80, 0, -(2 ** 31), 2 ** 21, r.int(2 ** 32)])), le16(1), le16(r.pick([1, 8, 24, 32])), fill(r, Math.max(0, header - 16)));
  return cat(ascii('BM'), le32(r.int(2 ** 24)), le32(0), le32(54), info, fill(r, r.int(64)));
}

function webp(r) {
  const chunk = (type, data) => cat(ascii(type), le32(data.length), data, data.length & 1 ? bytes(0) : bytes());
  const kind = r.pick(['VP8 ', 'VP8L', 'VP8X', 'VP8X', 'ALPH']);
  let body;
  if (kind === 'VP8 ') body = [chunk('VP8 ', cat(bytes(r.int(4) ? 0x10 : 0x11, 0, 0), r.int(8) ? bytes(0x9d, 0x01, 0x2a) : bytes(1, 2, 3), le16(r.int(65536)), le16(r.int(65536)), fill(r, r.int(100))))];
  else if (kind === 'VP8L') body = [chunk('VP8L', cat(bytes(r.int(8) ? 0x2f : 0x2e), le32(r.int(2 ** 32)), fill(r, r.int(100))))];
  else if (kind === 'VP8X') {
    const flags = r.pick([0x08, 0x08, 0x18, 0x0a, 0x00, r.int(256)]);
    body = [chunk('VP8X', cat(bytes(flags, 0, 0, 0), le24(r.pick([0, 1999, 2 ** 24 - 1, r.int(2 ** 24)])), le24(r.int(2 ** 24))))];
    for (let i = r.int(4); i > 0; i--) body.push(chunk(r.pick(['ICCP', 'ALPH', 'VP8 ', 'ANIM']), fill(r, r.pick([1, 5, 4000, 4096, 65000, 70000, r.int(9000)]))));
    if (r.int(4)) {
      const tiff = exifTiff(r, r.int(10));
      body.push(chunk('EXIF', r.int(3) ? tiff : cat(ascii('Exif\0\0'), tiff)));
    }
  } else body = [chunk('ALPH', fill(r, 10))];
  const all = cat(...body);
  return cat(ascii('RIFF'), le32(all.length + 4), ascii('WEBP'), all);
}

const SIGNATURES = [[0xff, 0xd8, 0xff], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], ascii('GIF89a'), ascii('BM'), ascii('RIFF\0\0\0\0WEBP'), ascii('II*\0'), ascii('MM\0*'), ascii('%PDF-1.7'), ascii('\0\0\0\x18ftypheic'), []];

/** Random bytes, often behind a signature. */
function noise(r) {
  return cat(Uint8Array.from(r.pick(SIGNATURES)), fill(r, r.pick([0, 1, 7, 30, 200, 5000, r.int(70000)])));
}

/** The test images: [name, bytes]. */
export function testImages() {
  return readdirSync(DIR).filter((n) => n !== 'manifest.json').sort().map((n) => [n, new Uint8Array(readFileSync(DIR + n))]);
}

/**
 * The cases, as [label, bytes]: every test image whole and (`prefixes`:
 * 'all' every prefix, else that many seeded ones plus the first 64) its
 * header prefixes; `generated` variants (each whole and cut at a few
 * lengths); `mutated` test images with 1–4 bytes changed.
 */
export function* cases({ seed = 18, prefixes = 'all', generated = 20000, mutated = 20000 } = {}) {
  const r = rng(seed);
  const images = testImages();
  for (const [name, b] of images) {
    yield [name, b];
    if (prefixes === 'all') {
      for (let n = 0; n < b.length; n++) yield [`${name}[..${n}]`, b.subarray(0, n)];
    } else {
      for (let n = 0; n < Math.min(64, b.length); n++) yield [`${name}[..${n}]`, b.subarray(0, n)];
      for (let k = 0; k < prefixes && b.length > 64; k++) {
        const n = 64 + r.int(b.length - 64);
        yield [`${name}[..${n}]`, b.subarray(0, n)];
      }
    }
  }
  const makers = { jpeg, png, gif, bmp, webp, noise };
  const names = Object.keys(makers);
  for (let i = 0; i < generated; i++) {
    const kind = names[i % names.length];
    const b = makers[kind](r);
    yield [`${kind}#${i}`, b];
    for (const n of [r.int(b.length + 1), r.int(Math.min(b.length, 64) + 1), Math.min(b.length, r.pick([4095, 4096, 4097, 8192, 65535, 65536, 65537]))]) {
      yield [`${kind}#${i}[..${n}]`, b.subarray(0, n)];
    }
  }
  for (let i = 0; i < mutated; i++) {
    const [name, src] = images[r.int(images.length)];
    if (src.length === 0) continue;
    const b = src.slice();
    for (let k = 1 + r.int(4); k > 0; k--) b[r.int(2) ? r.int(Math.min(64, b.length)) : r.int(b.length)] = r.int(256);
    yield [`${name}~${i}`, r.int(4) ? b : b.subarray(0, r.int(b.length + 1))];
  }
}
