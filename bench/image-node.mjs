#!/usr/bin/env node
// Image benchmarks in Node (built package: run `bash scripts/build` first).
//   node bench/image-node.mjs
// 1. checkImagePixels on a 1024×768 RGBA buffer (the size the widget draws).
// 2. probeImage vs the npm `image-size` package on the same buffers, per
//    format (ratio > 1: probeImage is faster), plus what each reports for
//    the cases image-size gets wrong (EXIF orientation, SOF past 64 KiB).
// Prints numbers only; no assertions.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageSize } from 'image-size';
import { probeImage, checkImagePixels } from 'beian-check';

const DIR = fileURLToPath(new URL('../tests/images/', import.meta.url));
const file = (n) => new Uint8Array(readFileSync(join(DIR, n)));

/** Median time per call (ms) over `rounds` rounds of `n` calls. */
function time(fn, n, rounds = 7) {
  const per = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    per.push((performance.now() - t0) / n);
  }
  per.sort((a, b) => a - b);
  return per[rounds >> 1];
}

/** A document photo stand-in: paper, text strokes, a colour photo box and stamp. */
export function documentScene(w, h) {
  const px = new Uint8ClampedArray(w * h * 4);
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 24);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let c = [150, 100, 60];
      if (x > w / 8 && x < (7 * w) / 8 && y > h / 8 && y < (7 * h) / 8) {
        c = [245, 243, 236];
        if (x < w / 3 && y > h / 4) c = [225, 180, 150];
        else if ((y % 24) < 10 && (x % 5) < 2) c = [20, 20, 25];
      }
      const n = (rnd() & 7) - 3;
      px.set([c[0] + n, c[1] + n, c[2] + n, 255], (y * w + x) * 4);
    }
  }
  return px;
}

const rgba = documentScene(1024, 768);
checkImagePixels('idCardFront', rgba, 1024, 768); // warm up
const pixelMs = time(() => checkImagePixels('idCardFront', rgba, 1024, 768), 10);
console.log(`checkImagePixels 1024×768 RGBA: ${pixelMs.toFixed(2)} ms per call (Node ${process.version}, wasm)`);

const samples = [
  ['jpeg', 'jpeg-baseline.jpg'],
  ['jpeg (EXIF o6)', 'jpeg-exif-MM-o6.jpg'],
  ['jpeg (75 KB EXIF)', 'jpeg-large-exif.jpg'],
  ['png', 'png-rgb.png'],
  ['gif', 'gif89a-animated.gif'],
  ['bmp', 'bmp-top-down.bmp'],
  ['webp lossy', 'webp-lossy.webp'],
  ['webp lossless', 'webp-lossless.webp'],
  ['webp extended+EXIF', 'webp-extended-exif.webp'],
  ['heic', 'heic-grid.heic'],
  ['avif', 'avif-irot-imir.avif'],
  ['tiff', 'tiff-le-rgb-o8.tif'],
];
console.log('\nprobeImage vs image-size@2 (same Uint8Array, µs per call; ratio = image-size time / probeImage time)');
console.log('format'.padEnd(22), 'probeImage'.padStart(11), 'image-size'.padStart(11), 'ratio'.padStart(7), '  probeImage says / image-size says');
for (const [label, name] of samples) {
  const bytes = file(name);
  const p = probeImage(bytes);
  let s;
  try {
    s = imageSize(bytes);
  } catch (e) {
    s = { error: e.message };
  }
  const n = 2000;
  const tp = time(() => probeImage(bytes), n) * 1000;
  let ts = NaN;
  if (!s.error) ts = time(() => imageSize(bytes), n) * 1000;
  const mine = `${p.displayWidth}×${p.displayHeight} (stored ${p.width}×${p.height}, o${p.orientation})`;
  const theirs = s.error ? `throws: ${s.error}` : `${s.width}×${s.height}${s.orientation ? ` o${s.orientation}` : ''}`;
  console.log(label.padEnd(22), tp.toFixed(2).padStart(11), (Number.isNaN(ts) ? '—' : ts.toFixed(2)).padStart(11),
    (Number.isNaN(ts) ? '—' : (ts / tp).toFixed(2)).padStart(7), ` ${mine} / ${theirs}`);
}
const big = file('jpeg-large-exif.jpg').subarray(0, 65536);
let theirs;
try {
  const s = imageSize(big);
  theirs = `${s.width}×${s.height}`;
} catch (e) {
  theirs = `throws: ${e.message}`;
}
console.log(`\nfirst 64 KiB of a JPEG whose SOF is at ${file('jpeg-large-exif.jpg').indexOf(0xC0, 70000) - 1}:`,
  `probeImage → ${JSON.stringify(probeImage(big))}; image-size → ${theirs}`);
