#!/usr/bin/env node
// Browser-side numbers in headless Chromium (built package: `bash scripts/build`).
//   node bench/browser.mjs          (RUNS=5 sets the fresh page loads)
// 1. init(): import('/pkg/web.js') + init() on a fresh page (cold cache,
//    the server sends no-store), median of RUNS page loads; also init()
//    with zh-CN only ({ locales: [] }), what a zh-CN filing page needs first.
// 2. First check: the first checkField call after init() (includes the
//    first region-name lookup), median of the same loads.
// 3. Per keystroke: typing an 18-character resident ID one character at a
//    time with { partial: true } (the widget's on-input call), 200 times
//    → p50 / p99 / max per call.
// probeImage vs createImageBitmap on a 12 MP JPEG: bench/image-browser.mjs.
// Prints numbers only; no assertions.
import { launch } from '../tests/e2e/browser.mjs';
import { startServer } from '../scripts/serve.mjs';

const RUNS = Number(process.env.RUNS) || 5;
// Cross-origin isolation: performance.now() then steps 5 µs, not 100 µs.
const server = await startServer({
  port: 0,
  headers: { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' },
});
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
try {
  const loads = [];
  for (let i = 0; i < RUNS; i++) {
    for (const locales of [undefined, []]) {
      const ctx = await browser.newContext();
      const page = await ctx.newPage();
      await page.goto(`${base}pkg/package.json`); // same origin, nothing loaded yet
      const r = await page.evaluate(async (locales) => {
        const t0 = performance.now();
        const m = await import('/pkg/web.js');
        await m.default(undefined, locales ? { locales } : {});
        const t1 = performance.now();
        const first = m.checkField('residentId', '11010519491231002X');
        const t2 = performance.now();
        return { init: t1 - t0, first: t2 - t1, ok: first.ok };
      }, locales);
      loads.push({ ...r, all: !locales });
      await ctx.close();
    }
  }
  const all = loads.filter((l) => l.all);
  const zh = loads.filter((l) => !l.all);
  const page = await browser.newPage();
  await page.goto(`${base}pkg/package.json`);
  const typing = await page.evaluate(async () => {
    const m = await import('/pkg/web.js');
    await m.default();
    const id = '11010519491231002X';
    const times = [];
    let last;
    for (let round = 0; round < 200; round++) {
      for (let i = 1; i <= id.length; i++) {
        const t0 = performance.now();
        last = m.checkField('residentId', id.slice(0, i), { partial: true });
        times.push(performance.now() - t0);
      }
    }
    times.sort((a, b) => a - b);
    return {
      n: times.length,
      p50: times[times.length >> 1],
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      p99: times[Math.floor(times.length * 0.99)],
      max: times[times.length - 1],
      ok: last.ok,
      ua: navigator.userAgent,
      // performance.now() is coarsened in browsers: state the step.
      resolution: (() => {
        let a = performance.now();
        let b = a;
        while (b === a) b = performance.now();
        return b - a;
      })(),
    };
  });
  console.log(`Chromium: ${typing.ua}`);
  console.log(`init() (import web.js + instantiate wasm + zh-TW and en chunks), fresh page, median of ${RUNS}: ${median(all.map((l) => l.init)).toFixed(1)} ms`);
  console.log(`init({ locales: [] }) (zh-CN only), median of ${RUNS}: ${median(zh.map((l) => l.init)).toFixed(1)} ms`);
  console.log(`first checkField('residentId') after init(), median of ${RUNS * 2}: ${median(loads.map((l) => l.first)).toFixed(2)} ms (ok: ${loads.every((l) => l.ok)})`);
  console.log(`per keystroke, typing an 18-char ID with { partial: true }, ${typing.n} calls: p50 ${(typing.p50 * 1000).toFixed(0)} µs, mean ${(typing.mean * 1000).toFixed(0)} µs, ` +
    `p99 ${(typing.p99 * 1000).toFixed(0)} µs, max ${(typing.max * 1000).toFixed(0)} µs (timer step ${(typing.resolution * 1000).toFixed(0)} µs)`);
} finally {
  await browser.close();
  server.close();
}
