// beian-check widget: decodes an image over 12 megapixels into a downscaled
// copy without ever holding the whole image (issue 17: Chromium's
// createImageBitmap decodes a 12000 × 12000 PNG in full — +765 MB — before it
// resizes). Loaded by widget.js only when such an image is chosen.
//
// JPEG: an ImageDecoder asked for about the target size (desiredWidth /
// desiredHeight): Chromium decodes at 1/2, 1/4 or 1/8 scale (libjpeg's DCT
// scaling) and applies the EXIF orientation (VideoFrame rotation/flip).
//
// PNG:
// The file is read as a stream into one reused buffer; IDAT data is inflated
// here (RFC 1950/1951) into a 32 KiB window, byte by byte into the current
// row; each row is unfiltered (ISO/IEC 15948 §9) with only the previous row
// kept, and every pixel is added to the output block it falls in. Nothing
// per row or per chunk is allocated: the browser's DecompressionStream was
// tried first and left its output chunks for the garbage collector — +136 MB
// peak for 243 MB of pixels (docs/notes/image.md). Peak memory: the window,
// two rows, the block sums (16 bytes per output pixel) and the output.
// Interlaced (Adam7) files work the same way: a pixel's block does not depend
// on the pass.
// Colour management, gamma and transparency are ignored: the copy is for the
// pixel heuristics (sharpness, exposure, colour) and a thumbnail.

const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const CHUNK = 1 << 16;

/** Reads a Blob through one reused 64 KiB buffer (a BYOB reader where the browser has one). */
function byteReader(blob) {
  let offset = 0;
  let buf = new Uint8Array(CHUNK);
  let at = 0;
  let end = 0;
  const refill = async () => {
    const piece = blob.slice(offset, offset + CHUNK);
    offset += piece.size;
    if (!piece.size) return false;
    // arrayBuffer() of a 64 KiB slice: small, short-lived garbage, bounded by the file's size / 64 KiB.
    buf = new Uint8Array(await piece.arrayBuffer());
    at = 0;
    end = buf.length;
    return true;
  };
  return {
    /** Up to `n` bytes into `out` (fewer only at the end of the file); returns how many. */
    async readInto(out, n) {
      let got = 0;
      while (got < n) {
        if (at >= end && !(await refill())) break;
        const take = Math.min(n - got, end - at);
        out.set(buf.subarray(at, at + take), got);
        got += take;
        at += take;
      }
      return got;
    },
  };
}

/**
 * An ImageBitmap of `file` (ImageInfo `info`), in displayed orientation, at least about `edge` px
 * on its long side (a JPEG comes at 1/2–1/8 of its size: the caller downscales the rest); null when
 * this browser cannot (a JPEG without ImageDecoder, another format). Throws when it does not decode.
 */
export async function decodeLarge(file, info, edge) {
  const scale = edge / Math.max(info.width, info.height);
  if (info.format === 'jpeg' && typeof ImageDecoder === 'function') {
    const decoder = new ImageDecoder({
      data: file.stream(),
      type: 'image/jpeg',
      desiredWidth: Math.max(1, Math.round(info.width * scale)),
      desiredHeight: Math.max(1, Math.round(info.height * scale)),
    });
    try {
      const { image } = await decoder.decode();
      try {
        return await createImageBitmap(image);
      } finally {
        image.close();
      }
    } finally {
      decoder.close();
    }
  }
  if (info.format === 'png') {
    const rgba = await decodePng(file, edge);
    if (!rgba) throw new Error('png: not a PNG');
    return turn(await createImageBitmap(rgba), info.orientation);
  }
  return null;
}

/** `bitmap` (stored orientation) turned as EXIF `orientation` 2–8 says (a PNG's eXIf before IDAT), on a canvas. */
async function turn(bitmap, orientation) {
  if (!(orientation >= 2 && orientation <= 8)) return bitmap;
  const [w, h] = [bitmap.width, bitmap.height];
  const c = new OffscreenCanvas(orientation >= 5 ? h : w, orientation >= 5 ? w : h);
  // EXIF 2–8 as canvas transforms (from the stored pixels to the displayed picture).
  const m = { 2: [-1, 0, 0, 1, w, 0], 3: [-1, 0, 0, -1, w, h], 4: [1, 0, 0, -1, 0, h], 5: [0, 1, 1, 0, 0, 0],
    6: [0, 1, -1, 0, h, 0], 7: [0, -1, -1, 0, h, w], 8: [0, -1, 1, 0, 0, w] }[orientation];
  const x = c.getContext('2d');
  x.setTransform(...m);
  x.drawImage(bitmap, 0, 0);
  bitmap.close();
  return createImageBitmap(c);
}

const be32 = (b, i) => ((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0;

/**
 * The PNG in `blob` box-downscaled to at most `edge` pixels on its long side, in stored orientation,
 * as an ImageData; null when the file is not a PNG. Throws when the data is broken or cut off
 * (a failed decode, like createImageBitmap's).
 */
export async function decodePng(blob, edge) {
  const input = byteReader(blob);
  const head = new Uint8Array(8);
  if ((await input.readInto(head, 8)) < 8 || be32(head, 0) !== 0x89504e47) return null;
  let w = 0, h = 0, depth = 0, color = 0, interlace = 0, palette = null, sink = null;
  const piece = new Uint8Array(CHUNK);
  for (;;) {
    if ((await input.readInto(head, 8)) < 8) throw new Error('png: cut off');
    const len = be32(head, 0);
    const type = String.fromCharCode(head[4], head[5], head[6], head[7]);
    if (len > 0x7fffffff) throw new Error('png: bad chunk length');
    if (type === 'IDAT') {
      if (!w) throw new Error('png: IDAT before IHDR');
      sink ??= rows(w, h, depth, color, interlace, palette, edge);
      for (let left = len; left > 0;) {
        const n = await input.readInto(piece, Math.min(left, CHUNK));
        if (!n) throw new Error('png: cut off in IDAT');
        sink.inflate.push(piece.subarray(0, n));
        left -= n;
      }
      await input.readInto(head, 4); // CRC
      continue;
    }
    // IDAT chunks are consecutive: any other chunk after them ends the image data.
    if (type === 'IEND' || sink) break;
    if (type === 'IHDR' || type === 'PLTE') {
      if (len > 768) throw new Error(`png: bad ${type}`);
      const body = new Uint8Array(len + 4);
      if ((await input.readInto(body, len + 4)) < len + 4) throw new Error('png: cut off');
      if (type === 'PLTE') palette = body.subarray(0, len);
      else {
        [w, h, depth, color, interlace] = [be32(body, 0), be32(body, 4), body[8], body[9], body[12]];
        if (!w || !h || !(color in CHANNELS)) throw new Error('png: bad IHDR');
      }
      continue;
    }
    // Any other chunk (text, ICC profile, EXIF…): skipped through the one buffer, whatever its size.
    for (let left = len + 4; left > 0;) {
      const n = await input.readInto(piece, Math.min(left, CHUNK));
      if (!n) throw new Error('png: cut off');
      left -= n;
    }
  }
  if (!sink) throw new Error('png: no image data');
  sink.inflate.end();
  return sink.result();
}

/** Rows into block sums; `inflate` takes the zlib data, `result()` gives the ImageData once every row is in. */
function rows(w, h, depth, color, interlace, palette, edge) {
  const ch = CHANNELS[color];
  const bpp = Math.max(1, (ch * depth) >> 3); // bytes per pixel for filtering (≥ 1)
  const k = Math.max(1, Math.ceil(Math.max(w, h) / edge));
  const [ow, oh] = [Math.ceil(w / k), Math.ceil(h / k)];
  const sums = new Uint32Array(ow * oh * 3);
  const counts = new Uint32Array(ow * oh);
  const passes = interlace ? ADAM7 : [[0, 0, 1, 1]];
  const maxv = (1 << Math.min(depth, 8)) - 1;
  const pal = palette || new Uint8Array(0);
  let p = -1, pw = 0, ph = 0, rowLen = 0, y = 0, fill = 0;
  let prev = new Uint8Array(0), cur = prev;
  const nextPass = () => {
    for (p++; p < passes.length; p++) {
      const [xs, ys, dx, dy] = passes[p];
      pw = Math.ceil((w - xs) / dx);
      ph = Math.ceil((h - ys) / dy);
      if (pw > 0 && ph > 0) break;
    }
    rowLen = 1 + Math.ceil((pw * ch * depth) / 8);
    prev = new Uint8Array(rowLen);
    cur = new Uint8Array(rowLen);
    y = 0;
    fill = 0;
  };
  nextPass();
  // Sample i of the row (after the filter byte), scaled to 0–255 (palette indexes as they are).
  const sample = (i) => {
    if (depth === 8) return cur[1 + i];
    if (depth === 16) return cur[1 + 2 * i];
    const bit = i * depth;
    const v = (cur[1 + (bit >> 3)] >> (8 - depth - (bit & 7))) & maxv;
    return color === 3 ? v : Math.round((v * 255) / maxv);
  };
  const emitRow = () => {
    unfilter(cur, prev, bpp);
    const [xs, ys, dx, dy] = passes[p];
    const by = Math.floor((ys + y * dy) / k) * ow;
    for (let i = 0; i < pw; i++) {
      const o = by + Math.floor((xs + i * dx) / k);
      if (color === 3) {
        const v = sample(i) * 3;
        sums[3 * o] += pal[v] ?? 0;
        sums[3 * o + 1] += pal[v + 1] ?? 0;
        sums[3 * o + 2] += pal[v + 2] ?? 0;
      } else if (ch >= 3) {
        sums[3 * o] += sample(i * ch);
        sums[3 * o + 1] += sample(i * ch + 1);
        sums[3 * o + 2] += sample(i * ch + 2);
      } else {
        const v = sample(i * ch);
        sums[3 * o] += v;
        sums[3 * o + 1] += v;
        sums[3 * o + 2] += v;
      }
      counts[o]++;
    }
    [prev, cur] = [cur, prev];
    fill = 0;
    if (++y >= ph) nextPass();
  };
  const put = (b) => {
    if (p >= passes.length) return; // past the last row: ignored, as decoders do
    cur[fill++] = b;
    if (fill === rowLen) emitRow();
  };
  return {
    inflate: inflater(put),
    result() {
      if (p < passes.length) throw new Error('png: image data cut off');
      const out = new ImageData(ow, oh);
      for (let o = 0; o < ow * oh; o++) {
        const n = counts[o] || 1;
        out.data[4 * o] = sums[3 * o] / n;
        out.data[4 * o + 1] = sums[3 * o + 1] / n;
        out.data[4 * o + 2] = sums[3 * o + 2] / n;
        out.data[4 * o + 3] = 255;
      }
      return out;
    },
  };
}

/** Reverses a row's filter in place (§9.2), `prev` being the previous unfiltered row of the pass. */
function unfilter(row, prev, bpp) {
  const type = row[0];
  const n = row.length;
  if (type === 0) return;
  if (type > 4) throw new Error('png: bad filter type');
  for (let i = 1; i < n; i++) {
    const a = i > bpp ? row[i - bpp] : 0;
    const b = prev[i];
    let v;
    if (type === 1) v = a;
    else if (type === 2) v = b;
    else if (type === 3) v = (a + b) >> 1;
    else {
      const c = i > bpp ? prev[i - bpp] : 0;
      const pa = Math.abs(b - c), pb = Math.abs(a - c), pc = Math.abs(a + b - 2 * c);
      v = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    row[i] = (row[i] + v) & 255;
  }
}

// ---- inflate (RFC 1950 zlib wrapper, RFC 1951 deflate), streaming ----

const LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
  4097, 6145, 8193, 12289, 16385, 24577];
const DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CLORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** A lookup table for canonical Huffman code `lengths`: entry = symbol << 4 | length, indexed by the next maxLen bits. */
function table(lengths) {
  let max = 0;
  for (const l of lengths) max = Math.max(max, l);
  if (!max) return { t: new Int32Array(1).fill(-1), max: 1 };
  const count = new Uint16Array(16);
  for (const l of lengths) count[l]++;
  count[0] = 0;
  const next = new Uint16Array(16);
  for (let code = 0, l = 1; l < 16; l++) {
    code = (code + count[l - 1]) << 1;
    next[l] = code;
  }
  const t = new Int32Array(1 << max).fill(-1);
  lengths.forEach((l, sym) => {
    if (!l) return;
    let c = next[l]++;
    let r = 0;
    for (let i = 0; i < l; i++, c >>= 1) r = (r << 1) | (c & 1);
    for (let i = r; i < t.length; i += 1 << l) t[i] = (sym << 4) | l;
  });
  return { t, max };
}

let FIXED = null;
function fixed() {
  if (!FIXED) {
    const l = new Uint8Array(288);
    l.fill(8, 0, 144);
    l.fill(9, 144, 256);
    l.fill(7, 256, 280);
    l.fill(8, 280, 288);
    FIXED = [table(l), table(new Uint8Array(30).fill(5))];
  }
  return FIXED;
}

/** A streaming inflater: push(bytes) as they come, end() when there are no more; each output byte goes to `put`. */
function inflater(put) {
  const win = new Uint8Array(32768);
  const work = new Uint8Array(CHUNK + 1024); // input: what is left (< 600 bytes: the yields below) + one chunk
  let wpos = 0;
  let buf = new Uint8Array(0), pos = 0, ended = false, bits = 0, nbits = 0, failed = null;
  const have = () => nbits + 8 * (buf.length - pos);
  const fill = (n) => {
    while (nbits < n) {
      if (pos >= buf.length) throw new Error('png: image data cut off');
      bits |= buf[pos++] << nbits;
      nbits += 8;
    }
  };
  const get = (n) => {
    if (!n) return 0;
    fill(n);
    const v = bits & ((1 << n) - 1);
    bits >>>= n;
    nbits -= n;
    return v;
  };
  const decode = ({ t, max }) => {
    // Up to `max` bits: fewer may be left at the very end of the stream.
    while (nbits < max && pos < buf.length) {
      bits |= buf[pos++] << nbits;
      nbits += 8;
    }
    const e = t[bits & ((1 << max) - 1)];
    if (e < 0 || (e & 15) > nbits) throw new Error('png: bad Huffman code');
    bits >>>= e & 15;
    nbits -= e & 15;
    return e >> 4;
  };
  const out = (b) => {
    win[wpos] = b;
    wpos = (wpos + 1) & 32767;
    put(b);
  };
  // Suspends (yield) whenever fewer than `bytes` of input are buffered and more may come.
  function* run() {
    while (have() < 16 && !ended) yield;
    const cmf = get(8), flg = get(8);
    if ((cmf & 15) !== 8 || ((cmf << 8) | flg) % 31 || flg & 32) throw new Error('png: bad zlib header');
    for (let last = 0; !last;) {
      while (have() < 8 * 600 && !ended) yield; // the largest dynamic block header fits in 600 bytes
      last = get(1);
      const type = get(2);
      if (type === 0) {
        get(nbits & 7);
        const len = get(16);
        if ((len ^ get(16)) !== 0xffff) throw new Error('png: bad stored block');
        for (let i = 0; i < len; i++) {
          while (have() < 8 && !ended) yield;
          out(get(8));
        }
        continue;
      }
      let lit, dist;
      if (type === 1) [lit, dist] = fixed();
      else if (type === 2) {
        const hlit = get(5) + 257, hdist = get(5) + 1, hclen = get(4) + 4;
        const cl = new Uint8Array(19);
        for (let i = 0; i < hclen; i++) cl[CLORDER[i]] = get(3);
        const clt = table(cl);
        const lens = new Uint8Array(hlit + hdist);
        for (let i = 0; i < hlit + hdist;) {
          const sym = decode(clt);
          if (sym < 16) lens[i++] = sym;
          else {
            const [rep, v] = sym === 16 ? [3 + get(2), i ? lens[i - 1] : -1] : sym === 17 ? [3 + get(3), 0] : [11 + get(7), 0];
            if (v < 0 || i + rep > lens.length) throw new Error('png: bad code lengths');
            lens.fill(v, i, i + rep);
            i += rep;
          }
        }
        lit = table(lens.subarray(0, hlit));
        dist = table(lens.subarray(hlit));
      } else throw new Error('png: bad block type');
      for (;;) {
        while (have() < 48 && !ended) yield; // a length/distance pair with its extra bits
        const sym = decode(lit);
        if (sym < 256) out(sym);
        else if (sym === 256) break;
        else {
          const li = sym - 257;
          if (li >= 29) throw new Error('png: bad length');
          const n = LBASE[li] + get(LEXT[li]);
          const di = decode(dist);
          if (di >= 30) throw new Error('png: bad distance');
          const d = DBASE[di] + get(DEXT[di]);
          for (let i = 0; i < n; i++) out(win[(wpos - d) & 32767]);
        }
      }
    }
  }
  const gen = run();
  const step = () => {
    if (failed) throw failed;
    try {
      gen.next();
    } catch (e) {
      failed = e;
      throw e;
    }
  };
  return {
    /** `chunk`: at most 64 KiB, copied (the caller reuses its buffer). */
    push(chunk) {
      // The few unread bytes move to the front of the one work buffer, the new ones follow.
      const rest = buf.length - pos;
      work.copyWithin(0, pos, buf.length);
      work.set(chunk, rest);
      buf = work.subarray(0, rest + chunk.length);
      pos = 0;
      step();
    },
    end() {
      ended = true;
      step();
    },
  };
}
