// Image building blocks shared by the Node and browser tests (tests/js, tests/e2e).
import { crc32 } from 'node:zlib';

/** The 8-byte PNG signature. */
export const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** One chunk: length, type, data, CRC-32 of type and data. */
export function pngChunk(kind, data) {
  const body = Buffer.concat([Buffer.from(kind, 'latin1'), data]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
  return out;
}

/** An IHDR chunk's data. */
export function ihdr(w, h, { depth = 8, color = 2, interlace = 0 } = {}) {
  const b = Buffer.alloc(13);
  b.writeUInt32BE(w, 0);
  b.writeUInt32BE(h, 4);
  b.set([depth, color, 0, 0, interlace], 8);
  return b;
}

/** A TIFF block whose IFD0 holds only the Orientation tag. */
export function tiffBlock(order, orientation) {
  const le = order === 'II';
  const b = Buffer.alloc(8 + 2 + 12 + 4);
  b.write(le ? 'II' : 'MM', 0, 'latin1');
  const u16 = (v, at) => (le ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at));
  const u32 = (v, at) => (le ? b.writeUInt32LE(v, at) : b.writeUInt32BE(v, at));
  u16(42, 2);
  u32(8, 4);
  u16(1, 8);
  u16(0x0112, 10);
  u16(3, 12);
  u32(1, 14);
  u16(orientation, 18);
  return b;
}

/** `jpeg` with an APP1 Exif segment holding `exif` (a TIFF block) right after SOI. */
export function withExif(jpeg, exif) {
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), exif]);
  const seg = Buffer.alloc(4);
  seg.set([0xff, 0xe1], 0);
  seg.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, payload, jpeg.subarray(2)]);
}
