// Paired Chromium timing of checkImagePixels in two builds of the package
// (issue 15's speed target: p95 ≤ 80 ms in Chromium on 1024-px RGBA).
//
//   node scripts/card-pairs.mjs ROOT_A ROOT_B DIR [N]
//
// ROOT_A and ROOT_B are checkouts with a built pkg/ (bash scripts/build);
// DIR a `scripts/cardgen/run --rgba` directory; N photos (default 400).
// Why paired: on this 2-core machine the same build's p95 measured 66 to
// 85 ms within half an hour (docs/notes/vision.md, "Eighteenth session"),
// so two sequential bench runs cannot tell a 3-ms change from the machine's
// drift. Here both builds run in one page, on the same photo, within
// milliseconds of each other, in the order A B B A on one photo and B A A B
// on the next (each photo's minimum per build kept), so a slow minute slows
// both. Prints each build's p50 / p95 and the per-photo differences
// (median, and over the slowest 10 % of photos, where the p95 is decided).
// Run it twice with ROOT_A and ROOT_B swapped and average: in the
// nineteenth session the module loaded first measured ~3 ms faster at p95
// in both orders (docs/notes/vision.md). Loopback only.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const [rootA, rootB, dir, nArg] = process.argv.slice(2);
if (!rootA || !rootB || !dir) {
  console.error('usage: node scripts/card-pairs.mjs ROOT_A ROOT_B DIR [N]');
  process.exit(2);
}
const N = Number(nArg || 400);
const pkgs = { a: join(resolve(rootA), 'pkg'), b: join(resolve(rootB), 'pkg') };
const photos = resolve(dir);
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };

const server = createServer(async (req, res) => {
  const path = (req.url || '/').split('?')[0];
  if (path === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    return res.end('<!doctype html><title>pairs</title>');
  }
  // /a/… and /b/… are the two packages, /rgba/… the photos' pixels.
  const m = /^\/(a|b|rgba)\/(.*)$/.exec(path);
  const base = m && (m[1] === 'rgba' ? photos : pkgs[m[1]]);
  const file = base && normalize(join(base, m[2]));
  if (!file || !file.startsWith(base + sep)) {
    res.writeHead(404);
    return res.end();
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));

const truths = readFileSync(join(dir, 'index.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((t) => t.rgba && Math.max(t.rgbaWidth, t.rgbaHeight) === 1024)
  .slice(0, N + 1);

const { launch } = await import('../tests/e2e/browser.mjs');
const browser = await launch();
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.evaluate(async () => {
    window.__m = {};
    for (const k of ['a', 'b']) {
      const m = await import(`/${k}/web.js`);
      await m.default();
      await m.loadVision();
      window.__m[k] = m;
    }
  });
  const times = { a: [], b: [] };
  let i = 0;
  for (const t of truths) {
    const r = await page.evaluate(
      async ({ name, w, h, slot, order }) => {
        const px = new Uint8Array(await (await fetch(`/rgba/${name}`)).arrayBuffer());
        const opts = { locale: 'en', today: '2026-12-01' };
        const best = { a: Infinity, b: Infinity };
        for (const k of order) {
          const t0 = performance.now();
          window.__m[k].checkImagePixels(slot, px, w, h, opts);
          best[k] = Math.min(best[k], performance.now() - t0);
        }
        return best;
      },
      { name: t.rgba, w: t.rgbaWidth, h: t.rgbaHeight, slot: t.slot, order: i % 2 ? 'baab' : 'abba' },
    );
    // The first photo warms both modules up (the bench times it alone).
    if (i++ === 0) continue;
    times.a.push(r.a);
    times.b.push(r.b);
  }
  const q = (v, p) => [...v].sort((x, y) => x - y)[Math.min(v.length - 1, Math.floor(v.length * p))];
  const f = (x) => x.toFixed(1);
  for (const k of ['a', 'b']) {
    console.log(`${k.toUpperCase()} ${k === 'a' ? rootA : rootB}: ${times[k].length} photos, p50 ${f(q(times[k], 0.5))} ms, p95 ${f(q(times[k], 0.95))} ms`);
  }
  const diff = times.a.map((a, j) => times.b[j] - a);
  const slow = times.a
    .map((a, j) => [Math.max(a, times.b[j]), j])
    .sort((x, y) => y[0] - x[0])
    .slice(0, Math.max(1, Math.round(times.a.length / 10)))
    .map(([, j]) => diff[j]);
  console.log(`B − A per photo: median ${f(q(diff, 0.5))} ms; over the slowest 10 % (${slow.length} photos): median ${f(q(slow, 0.5))} ms`);
  console.log(`p95 B − A: ${f(q(times.b, 0.95) - q(times.a, 0.95))} ms`);
} finally {
  await browser.close();
  server.close();
}
