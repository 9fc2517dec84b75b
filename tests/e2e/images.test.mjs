// Image uploads on the self-check page (the widget) in headless Chromium:
// decompression bombs are refused unread, large images are decoded
// downscaled with bounded memory, and a file the browser cannot decode (or
// that is cut off) is an error named as such, counted in the summary —
// issue 17 item 1, issue 16 item 3.
//
// Memory: the peak resident set (VmHWM in /proc/<pid>/status) of every
// Chromium process this test started, reset before each upload by writing 5
// to /proc/<pid>/clear_refs (Linux ≥ 4.0). Image decoding and canvas work
// happen in the page's renderer process (and would in the GPU process were it
// used): the peak there, minus its resident size just before the upload, is
// the extra memory the upload cost. The file is handed to the page (as a
// File) and the heap collected (gc(), --js-flags=--expose-gc) before the
// reset; then the measured part is what a user's choice starts: the input's
// files set, a change event, the widget's header check and decode. Linux
// only; skipped elsewhere.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { SIGNATURE, ihdr as header, pngChunk, tiffBlock, withExif } from '../image-bytes.mjs';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './browser.mjs';
import { needs, openPage, serve, widgetSettled } from './helpers.mjs';

let server, browser, base;
before(async () => {
  ({ server, base } = await serve());
  // As tests/e2e/browser.mjs, plus gc() in pages: each measurement starts from a collected heap.
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-quic', '--disable-sync', '--js-flags=--expose-gc'],
  });
});
after(async () => {
  await browser?.close();
  server?.close();
});

const LINUX_PROC = existsSync('/proc/self/clear_refs');
const MB = 1024 * 1024;
const LIMIT = 64 * MB; // issue 17: at most 64 MB extra per image

async function demo({ warm = false } = {}) {
  const page = await openPage(browser, base + '/?lang=zh-CN');
  await widgetSettled(page, '#filing');
  // Before measuring: one small upload, so that what every first upload costs (the image checks'
  // module, file-input plumbing, canvas setup) is not counted against the large image.
  if (warm) await upload(page, 'other', 'warm.png', 'image/png', png(640, 480));
  return page;
}

/** An RGB PNG whose left half is red and right half blue, with an eXIf chunk (before IDAT) when `exif`. */
function halves(w, h, exif) {
  const row = Buffer.alloc(1 + w * 3);
  for (let x = 0; x < w; x++) row.set(x < w / 2 ? [220, 30, 30] : [30, 30, 220], 1 + 3 * x);
  const all = Buffer.alloc(h * row.length);
  for (let y = 0; y < h; y++) row.copy(all, y * row.length);
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', header(w, h)), exif ? pngChunk('eXIf', exif) : Buffer.alloc(0),
    pngChunk('IDAT', deflateSync(all, { level: 1 })), pngChunk('IEND', Buffer.alloc(0))]);
}

/** An RGB PNG of w × h: diagonal stripes, cream and navy (sharp, colourful, not isoluminant), compressed by zlib. */
function png(w, h, { idat } = {}) {
  let data = idat;
  if (!data) {
    // Rows repeat with a period of 64, so the raw image is built from 64 distinct rows.
    const rows = [];
    for (let y = 0; y < 64; y++) {
      const row = Buffer.alloc(1 + w * 3);
      for (let x = 0; x < w; x++) {
        const on = ((x + y) >> 4) & 1;
        row.set(on ? [230, 215, 190] : [30, 40, 110], 1 + 3 * x);
      }
      rows.push(row);
    }
    const all = Buffer.alloc(h * (1 + w * 3));
    for (let y = 0; y < h; y++) rows[y % 64].copy(all, y * (1 + w * 3));
    data = deflateSync(all, { level: 6 });
  }
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', header(w, h)), pngChunk('IDAT', data), pngChunk('IEND', Buffer.alloc(0))]);
}

/** Every process under this Node process (Chromium and its children). */
function processes() {
  const kids = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]);
      if (!kids.has(ppid)) kids.set(ppid, []);
      kids.get(ppid).push(Number(d));
    } catch { /* gone */ }
  }
  const out = [];
  const walk = (p) => { for (const k of kids.get(p) || []) { out.push(k); walk(k); } };
  walk(process.pid);
  return out;
}

/** Chromium's process type (browser, renderer, gpu-process, utility, zygote). */
function kind(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').match(/--type=([\w-]+)/)?.[1] || 'browser';
  } catch {
    return '?';
  }
}

function status(pid) {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k) => Number(s.match(new RegExp(`${k}:\\s+(\\d+) kB`))?.[1] || 0) * 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return null;
  }
}

/** Runs `action` and returns the largest extra peak resident memory of any Chromium process, in bytes. */
async function peakDuring(action) {
  await new Promise((ok) => setTimeout(ok, 300));
  const pids = processes();
  const before = new Map();
  for (const p of pids) {
    const s = status(p);
    if (!s) continue;
    before.set(p, s.rss);
    try { writeFileSync(`/proc/${p}/clear_refs`, '5'); } catch { /* not ours */ }
  }
  await action();
  let worst = 0;
  const each = [];
  for (const [p, rss] of before) {
    const s = status(p);
    if (!s) continue;
    worst = Math.max(worst, s.hwm - rss);
    each.push(`${kind(p)} +${((s.hwm - rss) / MB).toFixed(1)}`);
  }
  console.log(`# peaks: ${each.join(', ')}`);
  return worst;
}

/** Hands `buffer` to the page as a File (outside any measurement), then collects the heap. */
async function stage(page, name, type, buffer) {
  await page.evaluate(([b64, name, type]) => {
    const bin = atob(b64);
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    window.__staged = new File([bytes], name, { type });
  }, [buffer.toString('base64'), name, type]);
  await page.evaluate(() => globalThis.gc?.());
}

/** Chooses the staged file for the slot's input, as a user's pick does (files set, change event), and waits for the widget. */
async function chooseStaged(page, slot) {
  const input = `input[data-beian-image="${slot}"]`;
  await page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const dt = new DataTransfer();
    dt.items.add(window.__staged);
    el.files = dt.files;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, input);
  return settled(page, input);
}

/** Chooses `buffer` for the slot's file input and waits until the widget is done with it. */
async function upload(page, slot, name, mimeType, buffer) {
  const input = `input[data-beian-image="${slot}"]`;
  await page.setInputFiles(input, { name, mimeType, buffer });
  return settled(page, input);
}

/** Waits until the widget is done with the file input `input` and returns what it shows. */
async function settled(page, input) {
  await page.waitForFunction((sel) => {
    const box = document.querySelector(`${sel} + .bc-msg`);
    return box && !box.querySelector('.bc-busy') && box.textContent.length > 0;
  }, input, { timeout: 60_000 });
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const st = document.querySelector('#filing').__beianCheck.fieldState(el);
    return {
      codes: st.findings.map((f) => `${f.severity}:${f.code}`),
      text: document.getElementById(el.getAttribute('aria-describedby').split(' ').find((id) => id.startsWith('bc-msg')))?.textContent || '',
      thumb: !!document.querySelector(`${sel} + .bc-msg canvas.bc-thumb`),
      summary: document.querySelector('#filing').__beianCheck.summary().items.filter((i) => i.input === el).map((i) => `${i.severity}:${i.code}`),
    };
  }, input);
}

test('a PNG the browser cannot decode is an error beside the upload, counted in the summary (issue 16 item 3)', { skip: needs({ fn: 'checkImage' }) }, async () => {
  const page = await demo();
  // A well-formed PNG (good checksums, IEND) whose image data is not zlib: only a decoder finds out.
  const broken = png(800, 600, { idat: Buffer.from('this is not zlib data at all, just text'.repeat(20)) });
  const r = await upload(page, 'businessLicense', 'licence.png', 'image/png', broken);
  assert.ok(r.codes.includes('error:image.undecodable'), r.codes.join());
  assert.match(r.text, /浏览器无法解码这张 PNG 图片/);
  assert.ok(r.summary.includes('error:image.undecodable'), `summary: ${r.summary}`);
  assert.equal(r.thumb, false);
  assert.match(await page.textContent('#summary-counts'), /[1-9]\d* 个错误/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a JPEG cut off mid-scan and a header-only JPEG are "incomplete" errors, never "blank" (issue 16 item 3)', { skip: needs({ fn: 'checkImage' }) }, async () => {
  const page = await demo();
  const jpeg = Buffer.from(await page.evaluate(async () => {
    const c = new OffscreenCanvas(1600, 1200);
    const x = c.getContext('2d');
    for (let i = 0; i < 400; i++) {
      x.fillStyle = `hsl(${i * 37 % 360} 70% 50%)`;
      x.fillRect((i * 97) % 1600, (i * 131) % 1200, 60, 40);
    }
    const b = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return [...new Uint8Array(await b.arrayBuffer())];
  }));
  assert.ok(jpeg.length > 100_000, `a JPEG larger than the 64 KiB head: ${jpeg.length}`);
  const cut = jpeg.subarray(0, Math.round(jpeg.length * 0.6));
  let r = await upload(page, 'idCardFront', 'front.jpg', 'image/jpeg', cut);
  assert.ok(r.codes.includes('error:image.truncated'), r.codes.join());
  assert.match(r.text, /JPG 文件不完整/);
  assert.ok(!r.codes.some((c) => c.endsWith('image.blank')), r.codes.join());
  assert.ok(r.summary.includes('error:image.truncated'));
  // The headers and a token scan (Chromium draws such a file flat gray).
  const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  const headerOnly = Buffer.concat([jpeg.subarray(0, sos + 2 + jpeg.readUInt16BE(sos + 2)), Buffer.from([0x12, 0x34, 0xff, 0xd9])]);
  r = await upload(page, 'idCardBack', 'back.jpg', 'image/jpeg', headerOnly);
  assert.ok(r.codes.includes('error:image.truncated'), r.codes.join());
  assert.ok(!r.codes.some((c) => c.endsWith('image.blank')), r.codes.join());
  // The whole file is fine.
  r = await upload(page, 'businessLicense', 'licence.jpg', 'image/jpeg', jpeg);
  assert.ok(!r.codes.some((c) => c.startsWith('error:')), r.codes.join());
  assert.equal(r.thumb, true);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a 20000 × 20000 PNG bomb is refused unread: a finding, no decode, little memory (issue 17 item 1)', { skip: needs({ fn: 'checkImage' }) }, async () => {
  const page = await demo({ warm: true });
  // 1.2 GB of pixels in a few kilobytes: rows of zeros.
  const rows = Buffer.alloc(2000 * (1 + 20000 * 3));
  const bomb = png(20000, 20000, { idat: deflateSync(Buffer.concat(Array(10).fill(rows)), { level: 9 }) });
  let r;
  await stage(page, 'bomb.png', 'image/png', bomb);
  const peak = await peakDuring(async () => {
    r = await chooseStaged(page, 'idCardFront');
  });
  assert.ok(r.codes.includes('error:image.too_many_pixels'), r.codes.join());
  assert.match(r.text, /20000×20000 像素（400 百万像素），超过 100 百万像素/);
  assert.equal(r.thumb, false);
  if (LINUX_PROC) assert.ok(peak < LIMIT, `peak +${(peak / MB).toFixed(1)} MB`);
  console.log(`# 20000×20000 PNG (${bomb.length} B): peak +${(peak / MB).toFixed(1)} MB`);
  await page.close();
});

test('an 81-megapixel PNG and a 90-megapixel JPEG are decoded downscaled within 64 MB extra (issue 17 item 1)', { skip: needs({ fn: 'checkImagePixels' }) || (!LINUX_PROC && 'needs /proc') }, async () => {
  const big = png(9000, 9000);
  // The JPEG is drawn in a page of its own, closed before measuring.
  const maker = await openPage(browser, base + '/');
  const jpeg = Buffer.from(await maker.evaluate(async () => {
    const c = new OffscreenCanvas(10000, 9000);
    const x = c.getContext('2d');
    const g = x.createLinearGradient(0, 0, 10000, 9000);
    g.addColorStop(0, '#c33');
    g.addColorStop(1, '#39c');
    x.fillStyle = g;
    x.fillRect(0, 0, 10000, 9000);
    x.fillStyle = '#000';
    for (let i = 0; i < 300; i++) x.fillRect((i * 997) % 10000, (i * 1313) % 9000, 80, 60);
    const b = await c.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    return [...new Uint8Array(await b.arrayBuffer())];
  }));
  await maker.close();
  const page = await demo({ warm: true });
  for (const [slot, name, type, bytes, w, h] of [
    ['businessLicense', 'scan.png', 'image/png', big, 9000, 9000],
    ['idCardFront', 'photo.jpg', 'image/jpeg', jpeg, 10000, 9000],
  ]) {
    let r;
    await stage(page, name, type, bytes);
    const peak = await peakDuring(async () => {
      r = await chooseStaged(page, slot);
      await page.waitForFunction((sel) => document.querySelector(`${sel} + .bc-msg canvas.bc-thumb`), `input[data-beian-image="${slot}"]`, { timeout: 60_000 });
    });
    console.log(`# ${name} ${w}×${h} (${bytes.length} B): peak +${(peak / MB).toFixed(1)} MB, findings ${r.codes.join(' ')}`);
    assert.ok(!r.codes.some((c) => /undecodable|not_decoded|too_many_pixels/.test(c)), r.codes.join());
    // The pixel checks ran on the downscaled copy (stripes and a gradient are neither blank nor unjudgeable).
    const pixels = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return document.querySelector('#filing').__beianCheck.fieldState(el).findings.map((f) => f.code);
    }, `input[data-beian-image="${slot}"]`);
    assert.ok(!pixels.includes('image.blank') && !pixels.includes('image.shape_unjudged'), pixels.join());
    assert.ok(peak < LIMIT, `${name}: peak +${(peak / MB).toFixed(1)} MB`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('large rotated photos (over 12 MP, decoded downscaled) are shown and checked upright', { skip: needs({ fn: 'checkImagePixels' }) }, async () => {
  const page = await demo();
  // 5000 × 3000, left half red, right half blue, stored with EXIF orientation 6 (turn 90° clockwise):
  // displayed 3000 × 5000, red on top.
  const jpeg = Buffer.from(await page.evaluate(async () => {
    const c = new OffscreenCanvas(5000, 3000);
    const x = c.getContext('2d');
    x.fillStyle = 'rgb(220,30,30)';
    x.fillRect(0, 0, 2500, 3000);
    x.fillStyle = 'rgb(30,30,220)';
    x.fillRect(2500, 0, 2500, 3000);
    const b = await c.convertToBlob({ type: 'image/jpeg', quality: 0.9 });
    return [...new Uint8Array(await b.arrayBuffer())];
  }));
  for (const [slot, name, type, bytes] of [
    ['idCardFront', 'rotated.jpg', 'image/jpeg', withExif(jpeg, tiffBlock('MM', 6))],
    ['idCardBack', 'rotated.png', 'image/png', halves(5000, 3000, tiffBlock('II', 6))],
  ]) {
    const r = await upload(page, slot, name, type, bytes);
    assert.match(r.text, /3000 × 5000 px/, name);
    const sel = `input[data-beian-image="${slot}"] + .bc-msg canvas.bc-thumb`;
    await page.waitForSelector(sel);
    const [size, top, bottom] = await page.evaluate((sel) => {
      const c = document.querySelector(sel);
      const x = c.getContext('2d');
      return [[c.width, c.height], [...x.getImageData(c.width / 2, 5, 1, 1).data], [...x.getImageData(c.width / 2, c.height - 5, 1, 1).data]];
    }, sel);
    assert.ok(size[1] > size[0], `${name}: a portrait thumbnail, got ${size}`);
    assert.ok(top[0] > 150 && top[2] < 90, `${name}: red on top, got ${top}`);
    assert.ok(bottom[2] > 150 && bottom[0] < 90, `${name}: blue at the bottom, got ${bottom}`);
    assert.ok(!r.codes.some((c) => /undecodable|not_decoded/.test(c)), r.codes.join());
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});
