// The differential test of issue 18 (run by scripts/diff-baseline):
//   node scripts/diff-baseline.mjs <current pkg dir> <baseline pkg dir>
// calls both packages with the same arguments — every field vector under its
// own options and each locale (with and without partial), every form vector
// in each locale, CALLS generated checkField calls (default 300,000) and
// FORMS generated checkForm calls (default 6,000; scripts/diff-calls.mjs) —
// and compares the results' JSON text (or the error thrown). Exit 1 with the
// first differences (up to SHOW, default 10) when any differ.
//
//   node scripts/diff-baseline.mjs --digest <pkg dir> [--write]
// prints (or with --write, stores in tests/js/output-digest.json) the
// SHA-256 per kind and locale of the outputs of a smaller seeded run, which
// `npm test` recomputes (tests/js/output-digest.test.mjs).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { fieldCalls, fieldVectors, formCalls, outcome, DIGEST_FORMS, LOCALES } from './diff-calls.mjs';

const SEED = 18;

/** The digest run: kinds × locales buckets of checkField outputs, plus checkForm per locale. */
export function digest(api, calls = 36000, forms = 300) {
  const hashes = new Map();
  const add = (bucket, text) => {
    if (!hashes.has(bucket)) hashes.set(bucket, createHash('sha256'));
    hashes.get(bucket).update(text).update('\n');
  };
  const loc = (o) => o?.locale ?? 'zh-CN';
  for (const c of fieldCalls(SEED, calls, { vectors: false, clock: false })) add(`${c.kind}|${loc(c.options)}`, outcome(() => api.checkField(c.kind, c.value, c.options)));
  for (const c of formCalls(SEED, forms, { only: DIGEST_FORMS, clock: false })) add(`checkForm|${loc(c.options)}`, outcome(() => api.checkForm(c.form, c.options)));
  return Object.fromEntries([...hashes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, h]) => [k, h.digest('hex').slice(0, 16)]));
}

const load = (dir) => import(pathToFileURL(`${dir}/node.js`).href);

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === '--digest') {
    const d = digest(await load(args[1]));
    const text = `${JSON.stringify(d, null, 1)}\n`;
    if (args.includes('--write')) writeFileSync(new URL('../tests/js/output-digest.json', import.meta.url), text);
    process.stdout.write(text);
    return;
  }
  const [cur, base] = await Promise.all(args.slice(0, 2).map(load));
  const show = Number(process.env.SHOW ?? 10);
  const nCalls = Number(process.env.CALLS ?? 300000);
  const nForms = Number(process.env.FORMS ?? 6000);
  let calls = 0;
  let diffs = 0;
  const count = {};
  const compare = (what, fn, describe) => {
    calls++;
    count[what] = (count[what] ?? 0) + 1;
    const a = outcome(() => fn(cur));
    const b = outcome(() => fn(base));
    if (a === b) return;
    if (++diffs <= show) {
      console.log(`DIFF ${what} ${describe()}`);
      console.log(`  current:  ${a.slice(0, 2000)}`);
      console.log(`  baseline: ${b.slice(0, 2000)}`);
    }
  };
  const t0 = Date.now();
  for (const v of fieldVectors()) {
    for (const locale of [undefined, ...LOCALES]) {
      for (const partial of [v.options.partial ?? false, !(v.options.partial ?? false)]) {
        const options = { ...v.options, partial, ...(locale ? { locale } : {}) };
        compare('vector', (api) => api.checkField(v.kind, v.input, options), () => JSON.stringify([v.kind, v.input, options]));
      }
    }
    compare('normalize', (api) => api.normalize(v.kind, v.input, v.options), () => JSON.stringify([v.kind, v.input, v.options]));
  }
  for (const c of fieldCalls(SEED, nCalls)) {
    compare('generated', (api) => api.checkField(c.kind, c.value, c.options),
      () => `${JSON.stringify(c.kind)} ${typeof c.value === 'bigint' ? `${c.value}n` : JSON.stringify(c.value)} ${JSON.stringify(c.options)}`);
  }
  for (const c of formCalls(SEED, nForms)) {
    compare('form', (api) => api.checkForm(c.form, c.options), () => JSON.stringify([c.form, c.options]).slice(0, 3000));
  }
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`diff-baseline: ${calls} calls (${Object.entries(count).map(([k, n]) => `${k} ${n}`).join(', ')}) in ${secs} s: ${diffs} differ`);
  process.exitCode = diffs ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) await main();
