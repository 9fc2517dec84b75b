#!/usr/bin/env node
// beian-check against the npm peers, in one Node run, on the same inputs
// (built package: run `bash scripts/build` first).
//   node bench/peers-node.mjs            (BENCH_MS=300 sets the time per measurement)
// 1. Speed: ops/s of each call on the same input list; ratio = our ops/s /
//    the peer's (> 1: beian-check is faster).
// 2. Accuracy: each peer's verdict on our vector files
//    (tests/vectors/fields/*.json, `ok` is the expected verdict; cases with
//    options.partial are skipped, peers have no typing mode).
// Prints numbers only; no assertions.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { checkField, probeImage } from 'beian-check';
import * as beian from 'beian-check';

const require = createRequire(import.meta.url);
const validator = require('validator');
const IDValidator = require('id-validator');
const GB2260 = require('id-validator/src/GB2260');
const { stdnum } = require('stdnum');
const libphone = require('libphonenumber-js');
const libphoneMax = require('libphonenumber-js/max');
const { imageSize } = require('image-size');
const probeImageSize = require('probe-image-size');

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BENCH_MS = Number(process.env.BENCH_MS) || 300;
const idv = new IDValidator(GB2260);

const pkg = (name) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
console.log(`Node ${process.version}; beian-check ${beian.version()} (wasm); validator ${pkg('validator')}, id-validator ${pkg('id-validator')}, ` +
  `stdnum ${pkg('stdnum')}, libphonenumber-js ${pkg('libphonenumber-js')}, image-size ${pkg('image-size')}, probe-image-size ${pkg('probe-image-size')}`);

// -- inputs (deterministic) ---------------------------------------------

let seed = 20261127;
const rnd = (n) => {
  seed = (seed * 1103515245 + 12345) >>> 0;
  return (seed >>> 8) % n;
};
const pad = (n, w) => String(n).padStart(w, '0');

// Resident IDs (GB 11643): regions every peer knows, births 1950–2005, valid check character.
const REGIONS = ['110105', '110108', '310104', '310115', '440305', '440106', '330106', '320106', '510107', '420106', '610113', '500103'];
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function residentId() {
  const y = 1950 + rnd(56);
  const m = 1 + rnd(12);
  const d = 1 + rnd(28);
  const body = REGIONS[rnd(REGIONS.length)] + y + pad(m, 2) + pad(d, 2) + pad(rnd(1000), 3);
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * W[i];
  return body + '10X98765432'[s % 11];
}

// USCCs (GB 32100): category 91 (enterprise), a region, an org code with its own check character.
const USCC_ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];
function uscc() {
  let org = '';
  for (let i = 0; i < 8; i++) org += USCC_ALPHA[rnd(i === 0 ? 10 : 31)];
  let s = 0;
  for (let i = 0; i < 8; i++) s += USCC_ALPHA.indexOf(org[i]) * ORG_W[i];
  const oc = (11 - (s % 11)) % 11;
  org += oc === 10 ? 'X' : String(oc);
  const body = '91' + REGIONS[rnd(REGIONS.length)] + org;
  let t = 0;
  for (let i = 0; i < 17; i++) t += USCC_ALPHA.indexOf(body[i]) * (3 ** i % 31);
  return body + USCC_ALPHA[(31 - (t % 31)) % 31];
}

// Mobiles: common, long-allocated prefixes so every peer's list has them.
const MOBILE_PREFIXES = ['130', '131', '135', '136', '138', '139', '150', '151', '158', '186', '187', '188', '189', '177', '180'];
const mobile = () => MOBILE_PREFIXES[rnd(MOBILE_PREFIXES.length)] + pad(rnd(1e8), 8);

const N = 1000;
const IDS = Array.from({ length: N }, residentId);
const USCCS = Array.from({ length: N }, uscc);
const MOBILES = Array.from({ length: N }, mobile);

// -- timing -------------------------------------------------------------

/** ops/s of fn over `inputs` (cycled), best of 3 runs of BENCH_MS each, after a warm-up. */
function opsPerSec(fn, inputs) {
  let sink = 0;
  for (let i = 0; i < 2000; i++) if (fn(inputs[i % inputs.length])) sink++;
  let best = 0;
  for (let r = 0; r < 3; r++) {
    let n = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < BENCH_MS / 3) {
      for (let i = 0; i < inputs.length; i++) if (fn(inputs[i])) sink++;
      n += inputs.length;
      t = performance.now();
    }
    best = Math.max(best, (n * 1000) / (t - t0));
  }
  if (sink < 0) console.log(sink);
  return best;
}

const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(0)} k` : x.toFixed(0));

/** Times `ours` and each peer on `inputs`, prints ops/s and the ratio. */
function race(title, inputs, ours, peers) {
  const okOurs = inputs.filter((v) => ours.fn(v)).length;
  console.log(`\n${title} — ${inputs.length} inputs (beian-check accepts ${okOurs})`);
  console.log('  ' + 'call'.padEnd(58) + 'ops/s'.padStart(10) + '   beian-check ÷ peer');
  const our = opsPerSec(ours.fn, inputs);
  console.log('  ' + ours.name.padEnd(58) + fmt(our).padStart(10));
  for (const extra of ours.extra || []) {
    const x = opsPerSec(extra.fn, extra.inputs || inputs) * (extra.per || 1);
    console.log('  ' + extra.name.padEnd(58) + fmt(x).padStart(10));
  }
  for (const p of peers) {
    const x = opsPerSec(p.fn, inputs);
    const accepted = inputs.filter((v) => p.fn(v)).length;
    console.log('  ' + p.name.padEnd(58) + fmt(x).padStart(10) + `   ${(our / x).toFixed(2)}×` + (p.target ? ` (issue 18 target ≥ ${p.target}×)` : '') +
      (accepted !== okOurs ? `   (accepts ${accepted})` : ''));
  }
  return our;
}

// The peers, as a filing form would call them (true = accepted).
const PEERS = {
  residentId: [
    { name: "validator.js isIdentityCard(v, 'zh-CN')", fn: (v) => validator.isIdentityCard(v, 'zh-CN'), target: 0.6 },
    { name: 'id-validator (with GB2260) isValid(v)', fn: (v) => idv.isValid(v) },
    { name: 'stdnum cn.ric validate(v).isValid', fn: (v) => stdnum.CN.ric.validate(v).isValid, target: 2 },
  ],
  creditCode: [{ name: 'stdnum cn.uscc validate(v).isValid', fn: (v) => stdnum.CN.uscc.validate(v).isValid, target: 2 }],
  mobile: [
    { name: "validator.js isMobilePhone(v, 'zh-CN')", fn: (v) => validator.isMobilePhone(v, 'zh-CN') },
    { name: "libphonenumber-js isValidPhoneNumber(v, 'CN')", fn: (v) => libphone.isValidPhoneNumber(v, 'CN'), target: 2 },
    {
      name: "libphonenumber-js/max, CN and getType() === 'MOBILE'",
      fn: (v) => {
        const p = libphoneMax.parsePhoneNumberFromString(v, 'CN');
        return !!p && p.country === 'CN' && p.isValid() && p.getType() === 'MOBILE';
      },
    },
  ],
};

const ours = (kind) => (v) => checkField(kind, v).ok;

// A batch path exists when the lead merged it (checkFields); measured if present.
const batch = typeof beian.checkFields === 'function'
  ? (kind, inputs) => [{ name: `checkFields('${kind}', 1000 values) — per value`, fn: (arr) => beian.checkFields(kind, arr).length > 0, inputs: [inputs], per: inputs.length }]
  : () => [];

console.log(`\n== speed (ops/s, best of 3 × ${BENCH_MS / 3 | 0} ms) ==`);
race('resident ID (18 digits, valid)', IDS, { name: "beian-check checkField('residentId', v)", fn: ours('residentId'), extra: batch('residentId', IDS) }, PEERS.residentId);
race('USCC (valid)', USCCS, { name: "beian-check checkField('creditCode', v)", fn: ours('creditCode'), extra: batch('creditCode', USCCS) }, PEERS.creditCode);
race('mobile (11 digits, valid)', MOBILES, { name: "beian-check checkField('mobile', v)", fn: ours('mobile'), extra: batch('mobile', MOBILES) }, PEERS.mobile);

// Where a checkField call's time goes: the JS↔wasm boundary (which a batch
// call would save), the check itself, or the wrapper? The raw export is the
// glue function checkField wraps (no options JSON, no JSON.parse of the
// result). The floor of a kind is an empty round trip (version()) plus
// JSON.parse of one of its own results: what any wasm check returning that
// result must cost. Issue 18's limit is 3× the floor.
{
  const glue = await import('../pkg/wasm/beian_check.js').catch(() => null);
  if (glue && typeof glue.check_field === 'function') {
    const us = (fn, inputs) => 1e6 / opsPerSec(fn, inputs);
    const trip = us(() => beian.version(), [0]);
    console.log('\nwhere the time of one call goes (µs per call)');
    console.log(`  empty round trip (version())                ${trip.toFixed(2)}`);
    for (const [kind, inputs] of [['residentId', IDS], ['creditCode', USCCS], ['mobile', MOBILES]]) {
      const sample = glue.check_field(kind, inputs[0], '', '2026-11-27');
      const parse = us(() => JSON.parse(sample).ok, [0]);
      const floor = trip + parse;
      const raw = us((v) => glue.check_field(kind, v, '', '2026-11-27').length, inputs);
      const full = us((v) => checkField(kind, v).ok, inputs);
      console.log(`  ${kind.padEnd(11)} checkField ${full.toFixed(2)} = ${(full / floor).toFixed(1)}× the floor ${floor.toFixed(2)} ` +
        `(round trip + JSON.parse of its ${sample.length}-char result ${parse.toFixed(2)}); raw export ${raw.toFixed(2)} (check + JSON out)`);
    }
    // Every kind, on the first valid input of its vector file (issue 18: each within 3× of its floor).
    console.log('\nevery kind: checkField on the first valid input of its vector file, µs per call, and its floor');
    const dir = join(ROOT, 'tests/vectors/fields');
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
      const file = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      const c = file.cases.find((x) => x.ok && typeof x.input === 'string' && !(x.options ?? {}).partial);
      if (!c) continue;
      const options = { ...file.options, ...c.options };
      const sample = JSON.stringify(checkField(file.kind, c.input, options));
      const floor = trip + us(() => JSON.parse(sample).ok, [0]);
      const full = us(() => checkField(file.kind, c.input, options).ok, [0]);
      console.log(`  ${file.kind.padEnd(19)} ${full.toFixed(2).padStart(6)} = ${(full / floor).toFixed(1).padStart(4)}× the floor ${floor.toFixed(2)}   ${JSON.stringify(c.input)}`);
    }
  }
}

// -- probeImage vs image-size and probe-image-size --------------------------

const IMG = join(ROOT, 'tests/images');
const SAMPLES = [
  ['jpeg', 'jpeg-baseline.jpg'],
  ['jpeg, EXIF orientation 6', 'jpeg-exif-MM-o6.jpg'],
  ['png', 'png-rgb.png'],
  ['gif', 'gif89a-animated.gif'],
  ['webp lossy', 'webp-lossy.webp'],
  ['webp extended + EXIF', 'webp-extended-exif.webp'],
  ['bmp', 'bmp-top-down.bmp'],
  ['heic', 'heic-plain.heic'],
  ['avif', 'avif-irot-imir.avif'],
  ['tiff', 'tiff-le-rgb-o8.tif'],
];
const attempt = (fn) => {
  try {
    return fn();
  } catch (e) {
    return { error: e.message };
  }
};
const say = (r, rotated) => (!r ? 'null' : r.error ? `throws` : `${r.width}×${r.height}${rotated ? '' : r.orientation > 1 ? ` o${r.orientation}` : ''}`);
console.log('\nprobeImage vs image-size and probe-image-size (same bytes; ops/s; ratio = probeImage ops/s ÷ peer ops/s)');
console.log('  ' + 'format'.padEnd(26) + 'probeImage'.padStart(11) + 'image-size'.padStart(11) + 'ratio'.padStart(7) + 'probe-i-s'.padStart(11) + 'ratio'.padStart(7) + '   displayed size: ours / image-size / probe-image-size');
for (const [label, name] of SAMPLES) {
  const bytes = new Uint8Array(readFileSync(join(IMG, name)));
  const buf = Buffer.from(bytes);
  const mine = probeImage(bytes);
  const a = attempt(() => imageSize(bytes));
  const b = attempt(() => probeImageSize.sync(buf));
  const tp = opsPerSec(() => probeImage(bytes), [0]);
  const ta = a && !a.error ? opsPerSec(() => imageSize(bytes), [0]) : NaN;
  const tb = b && !b.error ? opsPerSec(() => probeImageSize.sync(buf), [0]) : NaN;
  const r = (t) => (Number.isNaN(t) ? '—' : `${(tp / t).toFixed(2)}`);
  console.log('  ' + label.padEnd(26) + fmt(tp).padStart(11) + (Number.isNaN(ta) ? '—' : fmt(ta)).padStart(11) + r(ta).padStart(7) +
    (Number.isNaN(tb) ? '—' : fmt(tb)).padStart(11) + r(tb).padStart(7) +
    `   ${mine.displayWidth}×${mine.displayHeight} / ${say(a)} / ${say(b)}`);
}

// -- accuracy on the vector files ---------------------------------------------

console.log('\n== accuracy on tests/vectors/fields (non-partial cases; expected verdict = the vector\'s `ok`) ==');
console.log('  "raw": the input as typed; "normalised": the value beian-check normalised it to (spaces, +86, full-width removed),');
console.log('  to separate format strictness from rule errors. Cells: valid rejected / invalid accepted.');
for (const [kind, peers] of Object.entries(PEERS)) {
  const doc = JSON.parse(readFileSync(join(ROOT, 'tests/vectors/fields', `${kind}.json`), 'utf8'));
  const cases = doc.cases.filter((c) => !(c.options && c.options.partial));
  const valid = cases.filter((c) => c.ok).length;
  console.log(`\n${kind}.json: ${cases.length} cases (${valid} valid, ${cases.length - valid} invalid)`);
  const rows = [{ name: `beian-check checkField('${kind}')`, fn: (v) => checkField(kind, v, doc.options).ok }, ...peers];
  for (const p of rows) {
    const cell = (norm) => {
      const wrongReject = [];
      const wrongAccept = [];
      for (const c of cases) {
        const input = norm ? checkField(kind, c.input, doc.options).value : c.input;
        const verdict = !!attempt(() => p.fn(input));
        if (c.ok && !verdict) wrongReject.push(c.input);
        if (!c.ok && verdict) wrongAccept.push(c.input);
      }
      return { wrongReject, wrongAccept };
    };
    const raw = cell(false);
    const norm = cell(true);
    console.log('  ' + p.name.padEnd(58) + `raw ${raw.wrongReject.length} / ${raw.wrongAccept.length}`.padEnd(14) + `normalised ${norm.wrongReject.length} / ${norm.wrongAccept.length}`);
    const list = (xs) => xs.map((x) => JSON.stringify(x)).join(', ');
    const rawOnly = raw.wrongReject.filter((x) => !norm.wrongReject.includes(x));
    if (rawOnly.length) console.log(`      rejects valid as typed only: ${list(rawOnly)}`);
    if (norm.wrongReject.length) console.log(`      rejects valid: ${list(norm.wrongReject)}`);
    if (norm.wrongAccept.length) console.log(`      accepts invalid: ${list(norm.wrongAccept)}`);
  }
}
