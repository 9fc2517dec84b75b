// Per-photo time of checkImagePixels in two builds of the package, to find
// which photos a change made slower (issue 15: instruction counts on s2_30
// did not show a cost that falls only on washed-out frames).
//
//   node scripts/card-pertime.mjs ROOT_A ROOT_B DIR
//
// ROOT_A and ROOT_B are checkouts with a built pkg/ (bash scripts/build);
// DIR a `scripts/cardgen/run --rgba` directory of a tuning seed. Each photo
// is timed twice per build, interleaved, and the minimum kept; prints p50 /
// p95 of each build and the 20 photos that changed most.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const [rootA, rootB, dir] = process.argv.slice(2);
if (!rootA || !rootB || !dir) {
  console.error('usage: node scripts/card-pertime.mjs ROOT_A ROOT_B DIR');
  process.exit(2);
}
const builds = [rootA, rootB].map((r) => resolve(r));
const mods = await Promise.all(builds.map((r) => import(join(r, 'pkg/node.js'))));
const truths = readFileSync(join(dir, 'index.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .filter((t) => t.rgba && Math.max(t.rgbaWidth, t.rgbaHeight) === 1024);
const best = mods.map(() => new Map());
for (let rep = 0; rep < 2; rep++) {
  for (const t of truths) {
    const rgba = readFileSync(join(dir, t.rgba));
    mods.forEach((m, i) => {
      const t0 = performance.now();
      m.checkImagePixels(t.slot, rgba, t.rgbaWidth, t.rgbaHeight, { locale: 'en', today: '2026-12-01' });
      const dt = performance.now() - t0;
      best[i].set(t.rgba, Math.min(best[i].get(t.rgba) ?? Infinity, dt));
    });
  }
}
const pct = (v, q) => v[Math.min(v.length - 1, Math.floor(v.length * q))].toFixed(1);
best.forEach((b, i) => {
  const v = [...b.values()].sort((x, y) => x - y);
  console.log(`${builds[i]}: ${v.length} photos, p50 ${pct(v, 0.5)} ms, p95 ${pct(v, 0.95)} ms`);
});
const rows = truths
  .map((t) => [t, best[0].get(t.rgba), best[1].get(t.rgba)])
  .sort((x, y) => Math.abs(y[2] - y[1]) - Math.abs(x[2] - x[1]));
for (const [t, a, b] of rows.slice(0, 20)) {
  const what = t.kind === 'negative' ? `negative ${t.negative}` : `${t.side} ${(t.defects || []).join(',') || 'no defect'}`;
  console.log(`${t.rgba}  ${a.toFixed(1)} -> ${b.toFixed(1)} ms  (${what})`);
}
