// Issue 17, items 3–9: every input has a bounded cost, caps are reported as
// findings, a wrong type inside a form is a finding, and nothing set on
// Object.prototype changes a check. The limits are in docs/limits.md; the
// probes that found these are rerun by bench/probes.mjs.
import test from 'node:test';
import assert from 'node:assert/strict';
import { checkField, checkForm, checkFooter, normalize, loadLocale, schemas } from 'beian-check';
import { initSync } from '../../pkg/wasm/beian_check.js';

// The linear memory of the module the package bound (initSync hands back the instance it has).
const memory = () => initSync({ module: new Uint8Array() }).memory.buffer.byteLength;
const MB = 1024 * 1024;
const person = { name: '张三', certType: 'residentId', certNumber: '11010519491231002X', mobile: '13800138000' };
const form = (site) => ({
  province: '京',
  subject: { type: 'personal', name: '张三', certType: 'residentId', certNumber: '11010519491231002X', principal: person },
  websites: [{ name: '张三的个人主页', domains: ['example.cn'], principal: person, ...site }],
});
const at = (r, path) => r.findings.filter((f) => f.path === path).map((f) => f.code);
const profile = (pattern, kind = 'mobile', n = 1) => ({
  extends: 'generic',
  patterns: Array.from({ length: n }, (_, i) => ({ kind, pattern, code: `acme.p${i}`, message: { 'zh-CN': '服务商规则' } })),
});

// First: what the memory grows by is measured on a module no other test has grown.
test('item 4: a large call takes bounded wasm memory, and later calls reuse it', () => {
  const html = '<p>x</p>'.repeat(10 * MB / 8);
  const round = () => {
    checkFooter(html);
    checkForm(form({ remark: 'x'.repeat(5 * MB) }));
    for (let k = 0; k < 200; k++) checkField('residentId', '11010519491231002X');
  };
  const before = memory();
  round();
  const grown = memory() - before;
  // Before the caps: +366 MB for this footer call (82 bytes per character kept).
  assert.ok(grown <= 16 * MB, `grew ${grown / MB} MB`);
  round(); // the size classes settle on the second round (+256 KB once)
  const settled = memory();
  for (let i = 0; i < 3; i++) round();
  assert.equal(memory(), settled);
});

test('item 8: Object.prototype.profile / .locale set by other code change nothing', () => {
  Object.prototype.profile = profile('1');
  Object.prototype.locale = 'en';
  try {
    const r = checkField('mobile', '1380013800', {});
    assert.ok(!r.findings.some((f) => f.code.startsWith('acme.')), 'no inherited profile');
    assert.match(r.findings[0].message, /[\u4e00-\u9fff]/, 'no inherited locale');
    assert.ok(!checkForm(form({}), {}).findings.some((f) => f.code.startsWith('acme.')));
    const s = schemas.mobile['~standard'].validate('1380013800');
    assert.match(s.issues[0].message, /[\u4e00-\u9fff]/);
  } finally {
    delete Object.prototype.profile;
    delete Object.prototype.locale;
  }
});

test('item 3: an oversized or quantified-twice pattern is a TypeError naming it', () => {
  assert.throws(() => checkField('mobile', '1', { profile: profile('(?:.{100}){100}') }), (e) => e instanceof TypeError && /patterns\[0\]\.pattern: pattern too large/.test(e.message));
  assert.throws(() => checkField('mobile', '1', { profile: profile('a{2}{3}') }), (e) => e instanceof TypeError && /patterns\[0\]\.pattern: nested quantifier/.test(e.message));
});

test('item 3: pattern work per call is budgeted; what does not fit says so', () => {
  // Each pattern: 401 instructions × 4097 positions ≈ 1.6 M steps; the budget is 2 M.
  const r = checkField('email', 'a'.repeat(4096), { profile: profile('(?:.{10}){40}b', 'email', 20) });
  const skipped = r.findings.filter((f) => f.code === 'profile.pattern_skipped');
  assert.equal(skipped.length, 19, 'one pattern fits the budget, 19 are reported as not run');
  assert.match(skipped[0].message, /acme\.p1/);
  // A checkForm shares one budget over all its fields.
  const sites = Array.from({ length: 10 }, () => ({ name: '张三的个人主页', domains: ['example.cn'], principal: { ...person, email: `${'a'.repeat(4000)}@b.cn` } }));
  const f = checkForm({ ...form({}), websites: sites }, { profile: profile('(?:.{10}){40}b', 'email') });
  assert.equal(f.findings.filter((x) => x.code === 'profile.pattern_skipped').length, 9);
});

test('item 4: long texts and lists are cut before work, with the length they had', () => {
  const remark = '说明'.repeat(2.5 * MB);
  const r = checkForm(form({ remark }));
  const cut = r.findings.find((f) => f.path === 'websites[0].remark');
  assert.equal(cut.code, 'common.too_long');
  assert.match(cut.message, /5242880/);
  const many = checkForm({ ...form({}), websites: Array(100000).fill(form({}).websites[0]) });
  assert.match(many.findings.find((f) => f.path === 'websites').message, /100000/);
  const types = checkForm(form({ contentTypes: Array(100000).fill('新闻') }));
  assert.deepEqual(at(types, 'websites[0].contentTypes'), ['form.too_many']);
  assert.ok(types.findings.length < 30, `${types.findings.length} findings`);
  const long = checkField('email', `${'a'.repeat(10 * MB)}@b.cn`);
  assert.deepEqual(long.findings.map((f) => [f.code, f.span]), [['common.too_long', [0, 10 * MB + 5]]]);
  assert.equal(normalize('mobile', '1'.repeat(5000)), '');
});

test('item 4: checkFooter reads the end of a long page, spans into the whole page', () => {
  const number = '京ICP备12345678号-1';
  const html = `${'<p>x</p>'.repeat(10 * MB / 8)}<a href="https://beian.miit.gov.cn/">${number}</a>`;
  const r = checkFooter(html);
  assert.deepEqual(r.info.icpNumbers, [number]);
  const cut = r.findings.find((f) => f.code === 'footer.cut');
  assert.ok(cut && cut.span[1] === html.length - 131072, JSON.stringify(cut));
  for (const f of r.findings) if (f.span && f.code !== 'footer.cut') assert.ok(f.span[0] > cut.span[1], `${f.code} spans the tail`);
});

test('item 5: any number of profiles, evicted ones registered again', () => {
  const first = { extends: 'generic', name: 'first', patterns: profile('^138').patterns };
  assert.equal(checkField('mobile', '13800138000', { profile: first }).findings[0]?.code, 'acme.p0');
  for (let i = 0; i < 100; i++) checkField('mobile', '13800138000', { profile: { name: `n${i}`, extends: 'generic' } });
  // A reordered copy is one more distinct profile: no "more than 64" TypeError.
  checkField('mobile', '13800138000', { profile: { extends: 'generic', name: 'first', patterns: first.patterns } });
  assert.equal(checkField('mobile', '13800138000', { profile: first }).findings[0]?.code, 'acme.p0', 'the first object still works');
});

test('item 6: a wrong type inside a form is a finding at any depth; checkField values are text', () => {
  const nest = (n) => { let v = '13800138000'; for (let i = 0; i < n; i++) v = [v]; return v; };
  for (const depth of [65, 10000]) {
    const r = checkForm(form({ principal: { ...person, mobile: nest(depth) } }));
    assert.deepEqual(at(r, 'websites[0].principal.mobile'), ['form.not_text'], `${depth} deep`);
    const s = schemas.form['~standard'].validate(form({ remark: nest(depth) }));
    assert.ok(s.issues.some((i) => i.code === 'form.not_text'), `schemas.form, ${depth} deep`);
  }
  const cyclic = form({});
  cyclic.websites[0].self = cyclic;
  assert.equal(typeof checkForm(cyclic).ok, 'boolean', 'a cycle is read to the depth cap');
  for (const v of [true, {}, []]) assert.throws(() => checkField('mobile', v), /value must be a string/);
  // No error message quotes a pasted document.
  for (const run of [() => checkField('x'.repeat(10 * MB), '1'), () => checkField('mobile', '1', { locale: 'x'.repeat(10 * MB) })]) {
    assert.throws(run, (e) => e instanceof TypeError && e.message.length < 400);
  }
});

test('item 7: a JS number past 2^53 is a type finding, not a checksum error', () => {
  // eslint-disable-next-line no-loss-of-precision
  const r = checkField('residentId', 440305198801013458);
  assert.deepEqual(r.findings.map((f) => f.code), ['common.inexact_number']);
  // eslint-disable-next-line no-loss-of-precision
  const f = checkForm({ ...form({}), subject: { ...form({}).subject, type: 'personal', certNumber: 440305198801013458 } });
  assert.deepEqual(at(f, 'subject.certNumber'), ['common.inexact_number']);
  assert.equal(checkField('mobile', 13800138000).ok, true, 'an exact number is still read');
});

test('item 9: loadLocale rejects prototype keys and leaves nothing behind', async () => {
  for (const tag of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    await assert.rejects(loadLocale(tag), (e) => e instanceof TypeError && /is not supported/.test(e.message), tag);
  }
  await loadLocale('en');
  assert.match(checkField('mobile', '1380013800', { locale: 'en' }).findings[0].message, /digits/);
});
