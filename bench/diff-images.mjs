#!/usr/bin/env node
// probeImage of this build (pkg/) against a baseline package, over
// bench/image-cases.mjs: every test image and each of its header prefixes,
// generated variants and mutated images. Exits 1 on any difference (the
// JSON text of both results, key order included). checkImage is compared
// on the whole files too (its header path is the one before).
//   node bench/diff-images.mjs <baseline pkg dir> [--quick] [--digest]
// scripts/diff-images builds the baseline package and runs this.
// --digest prints the baseline's digest over the seeded set that
// tests/js/probe-image-digest.test.mjs checks the current build against.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cases } from './image-cases.mjs';
import { DIGEST_SET } from '../tests/js/probe-image-digest.mjs';

const [baseDir, ...flags] = process.argv.slice(2);
if (!baseDir) {
  console.error('usage: node bench/diff-images.mjs <baseline pkg dir> [--quick] [--digest]');
  process.exit(2);
}
const base = await import(pathToFileURL(resolve(baseDir, 'node.js')).href);
const next = await import(new URL('../pkg/node.js', import.meta.url).href);

const run = (fn, ...args) => {
  try {
    return JSON.stringify(fn(...args));
  } catch (e) {
    return `throws ${e?.name}: ${e?.message}`;
  }
};

if (flags.includes('--digest')) {
  const h = createHash('sha256');
  let n = 0;
  for (const [, b] of cases(DIGEST_SET)) {
    h.update(run(base.probeImage, b)).update('\n');
    n++;
  }
  console.log(JSON.stringify({ cases: n, sha256: h.digest('hex') }));
  process.exit(0);
}

const quick = flags.includes('--quick');
const set = quick ? { seed: 18, prefixes: 200, generated: 3000, mutated: 3000 } : { seed: 18, prefixes: 'all', generated: 60000, mutated: 60000 };
const t0 = performance.now();
let calls = 0;
let whole = 0;
const diffs = [];
for (const [label, b] of cases(set)) {
  calls++;
  const [x, y] = [run(base.probeImage, b), run(next.probeImage, b)];
  if (x !== y) diffs.push(`probeImage ${label} (${b.length} B)\n  before: ${x}\n  now:    ${y}`);
  if (!label.includes('[..')) {
    whole++;
    const o = { fileName: 'x.jpg' };
    const [p, q] = [run(base.checkImage, 'idCardFront', b, o), run(next.checkImage, 'idCardFront', b, o)];
    if (p !== q) diffs.push(`checkImage ${label} (${b.length} B)\n  before: ${p}\n  now:    ${q}`);
  }
}
const s = ((performance.now() - t0) / 1000).toFixed(1);
console.log(`diff-images: ${calls} probeImage calls (${whole} whole inputs also through checkImage), baseline ${baseDir}: ${diffs.length} differences (${s} s)`);
for (const d of diffs.slice(0, 20)) console.log(d);
process.exit(diffs.length ? 1 : 0);
