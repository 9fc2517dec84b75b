// The public API of the built package in Node: shapes, TypeErrors, locales,
// and no throw on any value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import init, { checkField, normalize, kinds, locales, version } from 'beian-check';
import { readFileSync } from 'node:fs';

const today = '2026-11-27';

test('init() resolves at once in Node and is idempotent', async () => {
  await init();
  await init();
  assert.equal(checkField('mobile', '13800138000').ok, true);
});

test('version() is the Cargo version', () => {
  const cargo = readFileSync(new URL('../../Cargo.toml', import.meta.url), 'utf8');
  assert.equal(version(), /^version = "(.+)"/m.exec(cargo)[1]);
});

test('checkField returns the documented shape', () => {
  const r = checkField('mobile', '1380013800', { locale: 'zh-CN', today });
  assert.equal(r.ok, false);
  assert.equal(r.value, '1380013800');
  assert.equal(r.findings.length, 1);
  const [f] = r.findings;
  assert.deepEqual(Object.keys(f).sort(), ['code', 'hint', 'message', 'path', 'severity', 'span']);
  assert.equal(f.code, 'mobile.too_short');
  assert.equal(f.severity, 'error');
  assert.equal(f.path, '');
  assert.match(f.message, /11 位/);
  assert.deepEqual(f.span, [0, 10]);
});

test('messages follow the locale, with lenient tags', () => {
  const msg = (locale) => checkField('mobile', '1380013800', { locale }).findings[0].message;
  assert.match(msg('en'), /needs 11/);
  assert.match(msg('zh-TW'), /手機號碼/);
  assert.match(msg('zh-CN'), /手机号码/);
  assert.equal(msg('en-US'), msg('en'));
  assert.equal(msg('zh-Hant-HK'), msg('zh-TW'));
  assert.equal(msg(undefined), msg('zh-CN'));
});

test('the acceptance example: +86 with spaces is ok and normalises', () => {
  const r = checkField('mobile', '+86 138 0013 8000');
  assert.equal(r.ok, true);
  assert.equal(r.value, '13800138000');
  assert.equal(normalize('mobile', '+86 138 0013 8000'), '13800138000');
});

test('programming errors throw TypeError with a clear message', () => {
  assert.throws(() => checkField('nope', 'x'), (e) => e instanceof TypeError && /unknown kind 'nope'.*mobile.*email/.test(e.message));
  assert.throws(() => checkField(42, 'x'), TypeError);
  assert.throws(() => checkField('mobile', {}), TypeError);
  assert.throws(() => checkField('mobile', '1', { locale: 'fr' }), (e) => e instanceof TypeError && /locale/.test(e.message));
  assert.throws(() => checkField('mobile', '1', { today: '2026-02-30' }), (e) => e instanceof TypeError && /today/.test(e.message));
  assert.throws(() => checkField('mobile', '1', 'en'), TypeError);
  assert.throws(() => kinds('xx'), TypeError);
});

test('null, undefined and numbers are values, not errors', () => {
  assert.equal(checkField('mobile', null).findings[0].code, 'mobile.empty');
  assert.equal(checkField('mobile', undefined).findings[0].code, 'mobile.empty');
  assert.equal(checkField('mobile', 13800138000).ok, true);
});

test('kinds() and locales() are localized', () => {
  assert.deepEqual(kinds('en').find((k) => k.kind === 'mobile'), { kind: 'mobile', label: 'Mobile number' });
  assert.equal(kinds().find((k) => k.kind === 'email').label, '电子邮箱');
  assert.deepEqual(locales().map((l) => l.locale), ['zh-CN', 'zh-TW', 'en']);
});

test('no value makes checkField throw (junk corpus)', () => {
  const junk = ['', ' ', '\0', '\ud800', '\udfff', 'a\ud800b', '😀'.repeat(100), 'x'.repeat(100000), '<img src=x onerror=alert(1)>',
    '\u202e', '\u200b\ufeff', '１２３＠。', '\n\t\r', '\u0000\u0001\u001f', '+'.repeat(50), '@'.repeat(50)];
  for (let i = 0; i < 300; i++) junk.push(String.fromCharCode(...Array.from({ length: i % 37 }, (_, j) => (i * 7919 + j * 104729) % 0xffff)));
  let n = 0;
  for (const { kind } of kinds()) {
    for (const v of junk) {
      for (const partial of [false, true]) {
        const r = checkField(kind, v, { partial });
        assert.equal(typeof r.ok, 'boolean');
        for (const f of r.findings) {
          assert.ok(f.message && !f.message.startsWith(f.code), `${kind}: ${f.code} has no message`);
          if (f.span) assert.ok(f.span[0] <= f.span[1] && f.span[1] <= v.length, `${kind}: span ${f.span} outside ${v.length}`);
        }
        n++;
      }
    }
  }
  assert.ok(n > 600);
});
