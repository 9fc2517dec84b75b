// The displayed size probeImage reports (EXIF orientation applied) must be
// the size Chromium shows: real, decodable JPEG and PNG files with every
// orientation in both byte orders, and a PNG whose eXIf comes after the
// image data (browsers ignore it there).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync } from 'node:zlib';
import { pngChunk, tiffBlock, withExif } from '../image-bytes.mjs';
import { launch, serve } from './helpers.mjs';

let site, browser;
before(async () => {
  [site, browser] = await Promise.all([serve(), launch()]);
});
after(async () => {
  await browser?.close();
  site?.server.close();
});


/** A real 40×20 RGB PNG (a horizontal gradient), with an eXIf chunk before or after IDAT. */
function png(exif, where = 'before') {
  const [w, h] = [40, 20];
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + w * 3);
  for (let x = 0; x < w; x++) row.set([x * 6, 100, 255 - x * 6], 1 + x * 3);
  const idat = pngChunk('IDAT', deflateSync(Buffer.concat(Array(h).fill(row))));
  const ex = exif ? pngChunk('eXIf', exif) : Buffer.alloc(0);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    where === 'before' ? ex : Buffer.alloc(0),
    idat,
    where === 'after' ? ex : Buffer.alloc(0),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

test('probeImage displayWidth/displayHeight equal what Chromium decodes (EXIF orientation in JPEG and PNG)', async () => {
  const page = await browser.newPage();
  await page.goto(site.base + '/pkg/package.json');
  const jpeg = Buffer.from(
    await page.evaluate(async () => {
      const c = document.createElement('canvas');
      [c.width, c.height] = [40, 20];
      const ctx = c.getContext('2d');
      ctx.fillStyle = '#3a6ea5';
      ctx.fillRect(0, 0, 40, 20);
      const blob = await new Promise((ok) => c.toBlob(ok, 'image/jpeg', 0.9));
      const bytes = new Uint8Array(await blob.arrayBuffer());
      return btoa(String.fromCharCode(...bytes));
    }),
    'base64',
  );
  const files = [['png, no eXIf', png(null)], ['png, eXIf after IDAT (o6)', png(tiffBlock('II', 6), 'after')]];
  for (const order of ['II', 'MM']) {
    for (let o = 1; o <= 8; o++) {
      files.push([`png ${order} o${o}`, png(tiffBlock(order, o))]);
      files.push([`jpeg ${order} o${o}`, withExif(jpeg, tiffBlock(order, o))]);
    }
  }
  const results = await page.evaluate(async (list) => {
    const m = await import('/pkg/web.js');
    await m.default(undefined, { locales: [] });
    const out = [];
    for (const [name, b64] of list) {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const info = m.probeImage(bytes);
      const bitmap = await createImageBitmap(new Blob([bytes]));
      out.push({ name, ours: [info.displayWidth, info.displayHeight], chromium: [bitmap.width, bitmap.height] });
    }
    return out;
  }, files.map(([name, bytes]) => [name, bytes.toString('base64')]));
  assert.equal(results.length, 34);
  for (const r of results) assert.deepEqual(r.ours, r.chromium, r.name);
  // the cases are not all alike: both shapes occur
  assert.ok(results.some((r) => r.chromium[0] === 20) && results.some((r) => r.chromium[0] === 40));
  await page.close();
});
