// PNG building blocks shared by the Node and browser tests (tests/js, tests/e2e).
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
