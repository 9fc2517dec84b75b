// checkForm through the built package: shape, paths, TypeErrors, and no
// throw on malformed forms. The per-rule forms live in tests/vectors/forms/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkForm, getProfile } from 'beian-check';

test('missing fields are findings with paths, never a throw', () => {
  const r = checkForm({});
  assert.equal(r.ok, false);
  const paths = r.findings.map((f) => f.path);
  assert.ok(paths.includes('subject'));
  assert.ok(paths.includes('websites'));
  for (const f of r.findings) assert.ok(f.message && !f.message.startsWith('form.'), f.code);
});

test('wrong value types inside the form are findings', () => {
  const r = checkForm({ subject: { type: 'personal', name: 12, principal: [] }, websites: 'x' }, { locale: 'en' });
  const byPath = Object.fromEntries(r.findings.map((f) => [f.path, f.code]));
  assert.equal(byPath['subject.principal'], 'form.not_object');
  assert.equal(byPath.websites, 'form.not_array');
});

test('the form itself must be an object', () => {
  for (const bad of [null, undefined, 'x', 3, []]) assert.throws(() => checkForm(bad), TypeError);
});

test('emergency phone equal to a principal mobile is flagged at its path', () => {
  const r = checkForm({ subject: { type: 'enterprise', principal: { mobile: '13800138000', emergencyPhone: '+86 138 0013 8000' } } });
  assert.ok(r.findings.some((f) => f.code === 'form.contact.emergency_same' && f.path === 'subject.principal.emergencyPhone'));
});

test('getProfile returns the generic profile with its sections', () => {
  const p = getProfile('generic');
  for (const key of ['meta', 'tlds', 'words', 'images', 'provinces']) assert.ok(key in p, key);
  assert.equal(p.provinces.byProvince['31'].domainMinDays, 180);
  assert.throws(() => getProfile('nope'), TypeError);
});

test('a provider profile overrides by key, adds patterns, and is parsed once', async () => {
  const { checkField } = await import('beian-check');
  const acme = {
    extends: 'generic',
    name: 'acme',
    provinces: { byProvince: { 31: { domainMinDays: 365 } } },
    patterns: [{ kind: 'email', pattern: '@example\\.com$', code: 'acme.email.example', severity: 'warning',
      message: { 'zh-CN': '请勿使用示例邮箱', en: 'Do not use the example domain' }, hint: { en: 'Use your own address.' } }],
  };
  const r = checkField('email', 'a@example.com', { profile: acme, locale: 'en' });
  const f = r.findings.find((x) => x.code === 'acme.email.example');
  assert.equal(f.message, 'Do not use the example domain');
  assert.equal(f.hint, 'Use your own address.');
  assert.deepEqual(f.span, [1, 13]);
  assert.equal(r.ok, true);
  // zh-TW falls back to the zh-CN text.
  assert.equal(checkField('email', 'a@example.com', { profile: acme, locale: 'zh-TW' }).findings[0].message, '请勿使用示例邮箱');
  // The override reaches the form rules: Shanghai now wants 365 days.
  const form = { province: '沪', subject: { type: 'enterprise' }, websites: [{ domains: [], domainExpiresOn: '2027-06-01' }] };
  const codes = (o) => checkForm(form, { today: '2026-11-27', ...o }).findings.map((x) => x.code);
  assert.ok(!codes({}).includes('form.domain.expiring'));
  assert.ok(codes({ profile: acme }).includes('form.domain.expiring'));
});

test('an invalid profile is a TypeError naming the key; nothing half-applied', async () => {
  const { checkField } = await import('beian-check');
  const bad = [
    [{ provinces: { byProvince: { 31: { domainMinDays: '180' } } } }, /provinces\.byProvince\.31\.domainMinDays: expected a number/],
    [{ extends: 'aliyun' }, /extends/],
    [{ tldz: [] }, /tldz: not a key/],
    [{ patterns: [{ kind: 'email', pattern: '(a', message: { 'zh-CN': 'x' } }] }, /patterns\[0\]\.pattern/],
  ];
  for (const [profile, re] of bad) {
    assert.throws(() => checkField('email', 'a@b.cn', { profile }), (e) => e instanceof TypeError && re.test(e.message), JSON.stringify(profile));
  }
});

test('a provider edits the TLD list and the word lists through its profile', async () => {
  const { checkField } = await import('beian-check');
  const acme = { tlds: { add: ['io'], remove: ['top'] }, words: { personalForbidden: { 'words+': ['直播'] } } };
  const codes = (kind, v, o = {}) => checkField(kind, v, { today: '2026-11-27', ...o }).findings.map((f) => f.code);
  assert.ok(codes('domain', 'example.io').includes('domain.not_fileable'));
  assert.ok(!codes('domain', 'example.io', { profile: acme }).includes('domain.not_fileable'));
  assert.deepEqual(codes('domain', 'example.top'), []);
  assert.ok(codes('domain', 'example.top', { profile: acme }).some((c) => c.startsWith('domain.')));
  const name = (o) => checkField('websiteName', '小明直播间乐园', { subjectType: 'personal', ...o });
  assert.ok(!name({}).findings.some((f) => f.code === 'website_name.personal_word'));
  assert.ok(name({ profile: acme }).findings.some((f) => f.code === 'website_name.personal_word' && f.message.includes('直播')));
});

test('a principal not yet identified (no name, no ID) does not "share" a mobile with another', () => {
  const p = { mobile: '13800138000', email: 'a@b.cn' };
  const r = checkForm({ subject: { type: 'enterprise', principal: { ...p } }, websites: [{ principal: { ...p } }] });
  assert.ok(!r.findings.some((f) => f.code === 'form.contact.mobile_shared' || f.code === 'form.contact.email_shared'));
  const named = checkForm({ subject: { type: 'enterprise', principal: { ...p, name: '王芳' } }, websites: [{ principal: { ...p, name: '赵磊' } }] });
  assert.ok(named.findings.some((f) => f.code === 'form.contact.mobile_shared' && f.path === 'websites[0].principal.mobile'));
});

test('a runaway list is an error and only the first 50 websites are checked', () => {
  const websites = Array.from({ length: 5000 }, (_, i) => ({ name: '云帆科技官网', domains: [`site${i}.com`], principal: { name: `人${i}`, mobile: '13800138000' } }));
  const r = checkForm({ subject: { type: 'enterprise' }, websites });
  assert.ok(r.findings.some((f) => f.code === 'form.too_many' && f.path === 'websites'));
  assert.ok(!r.findings.some((f) => f.path.startsWith('websites[50]')), 'entries beyond the cap are not checked');
});

test('every checkForm finding names its field in the locale (label); uploads are required once documents are passed', () => {
  const form = {
    province: '京',
    subject: { type: 'enterprise', name: '北京云帆科技有限公司', principal: { documents: { idCardFront: {} } } },
    websites: [{ name: '云帆', domains: ['yunfan.cn'], principal: { mobile: 'x' } }],
  };
  for (const [locale, want] of [['zh-CN', '主体信息 · 营业执照'], ['zh-TW', '主體資訊 · 營業執照'], ['en', 'subject · Business licence']]) {
    const r = checkForm(form, { locale });
    for (const f of r.findings) assert.ok(typeof f.label === 'string' && f.label.length > 0, `${f.path} ${f.code}`);
    const licence = r.findings.find((f) => f.path === 'subject.documents.businessLicense');
    assert.equal(licence?.code, 'form.document.required');
    assert.equal(licence.label, want);
    assert.ok(r.findings.some((f) => f.path === 'subject.principal.documents.idCardBack' && f.code === 'form.document.required'));
  }
  const noDocs = checkForm({ ...form, subject: { ...form.subject, principal: {} } });
  assert.ok(!noDocs.findings.some((f) => f.code === 'form.document.required'));
  assert.equal(noDocs.findings.find((f) => f.code === 'form.documents.unchecked')?.severity, 'info');
});
