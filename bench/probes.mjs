// The adversarial probes of issue 17 that concern limits (items 3–9), rerun
// against the built package (`bash scripts/build` first):
//   node bench/probes.mjs            every probe
//   node bench/probes.mjs footer     only probes whose name contains "footer"
// Each line: the probe, what happened (a result, or the error thrown), the
// time it took, and how much the wasm linear memory grew. Nothing here is
// asserted (tests/js/limits.test.mjs asserts the limits); this prints the
// numbers docs/notes/limits.md quotes. The slow "before" probes are capped
// by their own sizes; run with `nice -n 10` on a shared machine.
import * as api from '../pkg/node.js';
import { initSync } from '../pkg/wasm/beian_check.js';

const memory = () => initSync({ module: new Uint8Array() }).memory.buffer.byteLength;
const only = process.argv[2];
const MB = 1024 * 1024;

function probe(name, run) {
  if (only && !name.includes(only)) return;
  const before = memory();
  const t0 = performance.now();
  let what;
  try {
    what = run();
  } catch (e) {
    what = `${e.constructor.name}: ${String(e.message).slice(0, 140)}`;
  }
  const ms = performance.now() - t0;
  const grew = (memory() - before) / MB;
  console.log(`${name.padEnd(38)} ${ms.toFixed(0).padStart(7)} ms  +${grew.toFixed(1).padStart(6)} MB  ${what}`);
}

const codes = (r) => {
  const all = r.findings.map((f) => f.code);
  const uniq = [...new Set(all)];
  return `${all.length} findings: ${uniq.slice(0, 6).join(', ')}${uniq.length > 6 ? ', …' : ''}`;
};
const person = { name: '张三', certType: 'residentId', certNumber: '11010519491231002X', mobile: '13800138000', email: 'a@b.cn' };
const form = (websites) => ({ province: '京', subject: { type: 'personal', name: '张三', certType: 'residentId', certNumber: '11010519491231002X', principal: person }, websites });
const site = (extra = {}) => ({ name: '张三的博客', domains: ['example.cn'], principal: person, ...extra });
const patterns = (n, pattern, kind = 'websiteName') => ({
  extends: 'generic',
  patterns: Array.from({ length: n }, (_, i) => ({ kind, pattern, code: `p.x${i}`, message: { 'zh-CN': 'x' } })),
});

// -- item 3: provider patterns
probe('3 pattern (?:.{100}){100}', () => codes(api.checkField('websiteName', 'a'.repeat(4096), { profile: patterns(1, '(?:.{100}){100}') })));
probe('3 20 patterns (?:.{10}){40}', () => codes(api.checkField('websiteName', 'a'.repeat(4096), { profile: patterns(20, '(?:.{10}){40}b') })));
probe('3 checkForm 50 sites × 5 patterns', () => codes(api.checkForm(form(Array.from({ length: 50 }, () => site({ name: 'a'.repeat(4000) }))), { profile: patterns(5, '(?:.{10}){40}b') })));
probe('3 a{2}{3}', () => codes(api.checkField('websiteName', 'aaaaaa', { profile: patterns(1, 'a{2}{3}') })));

// -- item 4: unbounded inputs
probe('4 checkFooter 10 MB', () => codes(api.checkFooter('<p>x</p>'.repeat(10 * MB / 8))));
probe('4 checkFooter 5 MB (again)', () => codes(api.checkFooter('<p>x</p>'.repeat(5 * MB / 8))));
probe('4 checkFooter 5 MB (third)', () => codes(api.checkFooter('<p>x</p>'.repeat(5 * MB / 8))));
probe('4 checkField 10 MB value', () => codes(api.checkField('email', 'a'.repeat(10 * MB))));
probe('4 checkForm remark 5 M chars', () => codes(api.checkForm(form([site({ remark: '说明'.repeat(2.5 * MB) })]))));
probe('4 checkForm 100k websites', () => codes(api.checkForm(form(Array.from({ length: 100000 }, () => site())))));
probe('4 checkForm 100k contentTypes', () => codes(api.checkForm(form([site({ contentTypes: Array(100000).fill('新闻') })]))));
probe('4 profile 1M extra TLDs', () => codes(api.checkField('domain', 'example.zz', { profile: { extends: 'generic', tlds: { add: Array.from({ length: 1e6 }, (_, i) => `t${i}`) } } })));
probe('4 profile 100k forbidden words', () => codes(api.checkField('websiteName', '张三的个人博客网站', { profile: { extends: 'generic', words: { sensitive: { 'words+': Array.from({ length: 1e5 }, (_, i) => `禁词${i}`) } } } })));

// -- item 5: the profile registry
probe('5 70 distinct profiles', () => {
  for (let i = 0; i < 70; i++) api.checkField('mobile', '13800138000', { profile: { extends: 'generic', name: `p${i}` } });
  return 'no throw';
});
probe('5 a reordered copy, 3 times', () => {
  for (let i = 0; i < 3; i++) api.checkField('mobile', '13800138000', { profile: { name: `q${i}`, extends: 'generic' } });
  return 'no throw';
});

// -- item 6: one rule for wrong types
const nest = (n) => { let v = '13800138000'; for (let i = 0; i < n; i++) v = [v]; return v; };
probe('6 form value nested 65 deep', () => codes(api.checkForm(form([site({ principal: { ...person, mobile: nest(65) } })]))));
probe('6 form value nested 10k deep', () => codes(api.checkForm(form([site({ principal: { ...person, mobile: nest(10000) } })]))));
probe('6 schemas.form on 10k deep', () => JSON.stringify(api.schemas.form['~standard'].validate(form([site({ remark: nest(10000) })]))).slice(0, 100));
probe('6 checkField(boolean)', () => codes(api.checkField('mobile', true)));
probe('6 10 MB kind name in the error', () => codes(api.checkField('x'.repeat(10 * MB), '1')));
probe('6 10 MB locale in the error', () => codes(api.checkField('mobile', '1', { locale: 'x'.repeat(10 * MB) })));

// -- item 7: numbers that are not exact
probe('7 residentId as a JS number', () => codes(api.checkField('residentId', 440305198801013458)));

// -- item 8: Object.prototype.profile
probe('8 Object.prototype.profile', () => {
  Object.prototype.profile = patterns(1, '1', 'mobile');
  try {
    return codes(api.checkField('mobile', '13800138000', {}));
  } finally {
    delete Object.prototype.profile;
  }
});

// -- item 9: loadLocale with prototype keys (asynchronous: printed last)
if (!only || '9 loadLocale'.includes(only)) {
  for (const tag of ['constructor', 'toString', '__proto__']) {
    const t0 = performance.now();
    const how = await api.loadLocale(tag).then(() => 'resolved', (e) => `${e.constructor.name}: ${e.message}`);
    console.log(`${`9 loadLocale('${tag}')`.padEnd(38)} ${(performance.now() - t0).toFixed(0).padStart(7)} ms  ${how}`);
  }
  const r = api.checkField('mobile', '1380013800', { locale: 'en' });
  console.log(`${'9 then an English check'.padEnd(38)} ${r.findings[0]?.message}`);
}
