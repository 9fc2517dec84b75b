// checkForm of a typical filing (one subject, three websites) in Node:
// prints the mean and p99 time per call. Target: well under 1 ms.
// Run: node bench/form.mjs (after npm run build).
import { readFileSync } from 'node:fs';
import { checkForm } from 'beian-check';

const doc = JSON.parse(readFileSync(new URL('../tests/vectors/forms/enterprise-valid-three-websites.json', import.meta.url), 'utf8'));
const opts = { ...doc.options, locale: 'zh-CN' };
for (let i = 0; i < 500; i++) checkForm(doc.form, opts); // warm up

const n = 5000;
const times = new Float64Array(n);
for (let i = 0; i < n; i++) {
  const t = process.hrtime.bigint();
  checkForm(doc.form, opts);
  times[i] = Number(process.hrtime.bigint() - t) / 1e6;
}
times.sort();
const mean = times.reduce((a, b) => a + b, 0) / n;
console.log(`checkForm, 1 subject + 3 websites: mean ${(mean * 1000).toFixed(0)} µs, p50 ${(times[n >> 1] * 1000).toFixed(0)} µs, p99 ${(times[Math.floor(n * 0.99)] * 1000).toFixed(0)} µs over ${n} calls (${(1000 / mean).toFixed(0)} forms/s)`);
