#!/usr/bin/env node
// ID card analysis (checkImagePixels on idCardFront / idCardBack /
// handheldId) on generated photos with ground truth.
//   node bench/card.mjs            (CARD_N=1000 photos of CARD_SEED=5151)
// The photos come from scripts/cardgen/run (seed 5151 is never used while
// tuning: thresholds are set on seeds 1, 2, 7, 8, 11, 12; the held-out seed
// was 4242 until 2026-12-07, when it had been looked at more than once —
// docs/notes/vision.md)
// and are cached in
// $TMPDIR/beian-cardgen-<seed>-<n>. Prints numbers only; no assertions.
//   CARDGEN=path/to/run   another generator location
//   CARD_BROWSER=0        skip the Chromium timing
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.env.CARD_N || 1000);
const SEED = Number(process.env.CARD_SEED || 5151);
const dir = process.env.CARD_DIR || join(tmpdir(), `beian-cardgen-${SEED}-${N}`);
const gen = process.env.CARDGEN || join(root, 'scripts/cardgen/run');

if (!existsSync(join(dir, 'index.jsonl'))) {
  if (!existsSync(gen)) {
    console.log(`card bench skipped: no generator at ${gen} (set CARDGEN)`);
    process.exit(0);
  }
  console.log(`generating ${N} photos of seed ${SEED} into ${dir} …`);
  const r = spawnSync(gen, ['--seed', String(SEED), '--count', String(N), '--out', dir, '--rgba', '--jobs', '2'], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    console.log('card bench skipped: the generator failed');
    process.exit(0);
  }
}

const m = await import(join(root, 'pkg/node.js'));
const truths = readFileSync(join(dir, 'index.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));

const CODES = [
  'image.card_cropped',
  'image.card_small',
  'image.glare',
  'image.blurry',
  'image.too_dark',
  'image.overexposed',
  'image.grayscale',
  'image.wrong_side',
];
const count = {};
const bump = (k, hit) => {
  const c = (count[k] ||= [0, 0]);
  c[1]++;
  if (hit) c[0]++;
};
// Per code: true/false positives and negatives, and each split by whether
// the card was found (then judged on the card) or not (the whole frame).
const zero = () => ({ tp: 0, fn: 0, fp: 0, tn: 0 });
const confusion = Object.fromEntries(CODES.map((c) => [c, { all: zero(), found: zero(), lost: zero() }]));
const byFont = {};
const times = [];
const dist = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
let wrongSideErrors = 0;
let wrongSideErrorsFalse = 0;

for (const t of truths) {
  if (!t.rgba) continue;
  const rgba = readFileSync(join(dir, t.rgba));
  const t0 = performance.now();
  const r = m.checkImagePixels(t.slot, rgba, t.rgbaWidth, t.rgbaHeight, { locale: 'en', today: '2026-12-01' });
  const dt = performance.now() - t0;
  if (Math.max(t.rgbaWidth, t.rgbaHeight) === 1024) times.push(dt);
  const card = r.info?.card;
  const codes = new Set(r.findings.map((f) => f.code));
  if (t.kind === 'negative') {
    bump(`no-card photos reported as a card`, !!card);
    bump(`no-card photos reported as a card: ${t.negative}`, !!card);
    continue;
  }
  bump('card found', !!card);
  if (card) {
    const diag = dist(t.corners1024[0], t.corners1024[2]);
    const err = Math.max(...t.corners1024.map((c, i) => dist(c, card.corners[i]))) / diag;
    bump('corners within 2 % of the diagonal (of found)', err <= 0.02);
    bump('side correct (of found)', card.side === t.side);
    if (t.side === 'portrait') {
      const read = card.number;
      if (t.legible) {
        bump('number read exactly (legible portrait sides)', read === t.number);
        const f = (byFont[t.fonts?.mono || '?'] ||= [0, 0]);
        f[1]++;
        if (read === t.number) f[0]++;
      }
      if (read !== undefined) bump('numbers read confidently but wrongly (of numbers reported)', read !== t.number);
    } else if (t.side === 'emblem') {
      const ok = card.validFrom === t.validFrom && card.validUntil === t.validUntil;
      if (t.legible) bump('validity read exactly (legible emblem sides)', ok);
      if (card.validFrom !== undefined) bump('validity read confidently but wrongly (of reported)', !ok);
    }
  }
  const expect = new Set(t.expect || []);
  for (const c of CODES) {
    const want = expect.has(c);
    const got = codes.has(c);
    const cell = want ? (got ? 'tp' : 'fn') : got ? 'fp' : 'tn';
    confusion[c].all[cell]++;
    confusion[c][card ? 'found' : 'lost'][cell]++;
  }
  const ws = r.findings.find((f) => f.code === 'image.wrong_side' && f.severity === 'error');
  if (ws) {
    wrongSideErrors++;
    if (!expect.has('image.wrong_side')) wrongSideErrorsFalse++;
  }
}

const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '—').padStart(6);
const cards = truths.filter((t) => t.rgba && t.kind !== 'negative').length;
console.log(`\nAccuracy on ${truths.length} GENERATED photos (seed ${SEED}, ${cards} with a card; thresholds were set on other seeds).`);
console.log('What this proves: how the analysis copes with the generator\'s variations (scripts/cardgen: pose, backgrounds,');
console.log('light, JPEG, sizes) and with its defects. What it does not prove: accuracy on real uploads. The generator\'s cards,');
console.log('fonts and portraits are approximations; its defects are idealised: glare is a flat white disc, blur a Gaussian or');
console.log('a straight motion, black-and-white an exact grey conversion (colour 0, so it is trivially separable), over- and');
console.log('underexposure a global gain. Real glare follows the card\'s tilt and lamination, real copies keep a tint, phones');
console.log('sharpen and denoise, and worn, bent or sleeved cards, scans and other documents are not generated at all.');
console.log('Treat every rate below as an upper bound for real photos.\n');
// Issue 15's targets for the headline rates.
const goals = {
  'card found': '≥ 95 %',
  'corners within 2 % of the diagonal (of found)': '≥ 90 %',
  'number read exactly (legible portrait sides)': '≥ 90 %',
  'numbers read confidently but wrongly (of numbers reported)': '≤ 0.2 %',
  'no-card photos reported as a card': '≤ 2 %',
};
for (const [k, [hit, n]] of Object.entries(count)) {
  const goal = goals[k] ? `  target ${goals[k]}` : '';
  console.log(`${k.padEnd(62)} ${String(hit).padStart(5)}/${String(n).padEnd(5)} ${pct(hit, n)} %${goal}`);
}
console.log(`wrong side as an error (certain): ${wrongSideErrors}, of which not the wrong side: ${wrongSideErrorsFalse}`);
// Issue 15's targets: wrong side >= 95 % / <= 1 %, every other defect >= 90 % / <= 3 %.
const target = (c) => (c === 'image.wrong_side' ? [95, 1] : [90, 3]);
const rate = (a, b) => (b ? (100 * a) / b : NaN);
console.log('\nPer defect, all card photos: TP detected, FN missed, FP false alarm, TN correctly quiet (issue 15 targets)');
console.log(`${'code'.padEnd(22)}    TP    FN    FP    TN  detected  false alarms  target           met`);
for (const c of CODES) {
  const k = confusion[c].all;
  const [td, tf] = target(c);
  const met = rate(k.tp, k.tp + k.fn) >= td && rate(k.fp, k.fp + k.tn) <= tf ? 'yes' : 'NO';
  console.log(
    `${c.padEnd(22)} ${[k.tp, k.fn, k.fp, k.tn].map((v) => String(v).padStart(5)).join(' ')}  ${pct(k.tp, k.tp + k.fn)} %  ${pct(k.fp, k.fp + k.tn)} %      ≥ ${td} % / ≤ ${tf} %  ${met}`,
  );
}
console.log('\nWhere it fails: the same, split by whether the card was found. Found cards are judged on the card; for a card');
console.log('not found only the whole frame is judged (exposure, blur, colour, blown-out pixels), and cropped, small and');
console.log('wrong side cannot be told at all: those misses are the detector\'s.');
console.log(`${'code'.padEnd(22)} | card found:  TP    FN    FP    TN  detected  false al. | not found:  TP    FN    FP    TN  detected  false al.`);
for (const c of CODES) {
  const row = (k) => `${[k.tp, k.fn, k.fp, k.tn].map((v) => String(v).padStart(5)).join(' ')}  ${pct(k.tp, k.tp + k.fn)} %  ${pct(k.fp, k.fp + k.tn)} %`;
  console.log(`${c.padEnd(22)} |          ${row(confusion[c].found)} |         ${row(confusion[c].lost)}`);
}
console.log('\nNumber read exactly per number face (templates: OCR B, DejaVu Sans Mono; others unseen):');
for (const [f, [hit, n]] of Object.entries(byFont)) console.log(`  ${f.padEnd(20)} ${hit}/${n} ${pct(hit, n)} %`);
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(times.length * p))]?.toFixed(1);
console.log(`\nNode: checkImagePixels on 1024-px RGBA (ID slots, ${times.length} photos): p50 ${q(0.5)} ms, p95 ${q(0.95)} ms`);

if (process.env.CARD_BROWSER !== '0') {
  const { launch } = await import('../tests/e2e/browser.mjs');
  const { startServer } = await import('../scripts/serve.mjs');
  const server = await startServer({ port: 0 });
  const browser = await launch();
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.evaluate(async () => {
      const m = await import('/pkg/web.js');
      await m.default();
      await m.loadVision(); // the ID-card analysis is its own module (docs/id-card.md "Loading")
      window.__m = m;
    });
    // The first call is timed on its own (a user's first ID photo meets
    // the wasm in its baseline tier); then CARD_BROWSER_N photos (default
    // 120) after it, one call each, the wasm warmed up by the first.
    const nb = Number(process.env.CARD_BROWSER_N || 120);
    const sample = truths.filter((t) => t.rgba && Math.max(t.rgbaWidth, t.rgbaHeight) === 1024).slice(0, nb + 1);
    const bt = [];
    let first;
    for (const t of sample) {
      const b64 = readFileSync(join(dir, t.rgba)).toString('base64');
      const ms = await page.evaluate(
        ({ b64, w, h, slot }) => {
          const bin = atob(b64);
          const a = new Uint8Array(bin.length);
          for (let i = 0; i < bin.length; i++) a[i] = bin.charCodeAt(i);
          const t0 = performance.now();
          window.__m.checkImagePixels(slot, a, w, h, { locale: 'en', today: '2026-12-01' });
          return performance.now() - t0;
        },
        { b64, w: t.rgbaWidth, h: t.rgbaHeight, slot: t.slot },
      );
      if (first === undefined) first = ms;
      else bt.push(ms);
    }
    bt.sort((a, b) => a - b);
    const bq = (p) => bt[Math.min(bt.length - 1, Math.floor(bt.length * p))]?.toFixed(1);
    console.log(`Chromium: checkImagePixels on 1024-px RGBA (${bt.length} photos after the first): p50 ${bq(0.5)} ms, p95 ${bq(0.95)} ms (target p95 ≤ 80 ms); the first call ${first?.toFixed(1)} ms`);
  } finally {
    await browser.close();
    server.close();
  }
}
