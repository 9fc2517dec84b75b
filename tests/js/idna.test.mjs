// Issue 17 items 11 and 12 in Node: the full build (the package's main
// entry) validates IDN labels by UTS #46 and warns on mixed scripts; the
// fields-only wasm (beian-check/fields), which has no IDNA tables, gives
// the pending warning domain.idn_unchecked for such a label instead of a
// silent pass — the widget loads the full build on that code
// (tests/e2e/embed.test.mjs) — and decides ASCII and CJK labels itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkField } from 'beian-check';
import { ROOT } from './helpers.mjs';

const TODAY = '2026-11-27';

async function fieldsModule() {
  const glue = await import(join(ROOT, 'pkg/wasm-fields/beian_check.js'));
  glue.initSync({ module: readFileSync(join(ROOT, 'pkg/wasm-fields/beian_check_bg.wasm')) });
  for (const tag of ['zh-TW', 'en']) {
    assert.ok(glue.load_catalog(tag, (await import(join(ROOT, `pkg/locales/${tag}.js`))).default) > 0);
  }
  return (kind, value, locale = 'zh-CN') => JSON.parse(glue.check_field(kind, value, JSON.stringify({ today: TODAY, locale }), TODAY));
}
const codes = (r) => r.findings.map((f) => f.code).sort();

// [kind, value, the full build's codes (sorted), its ok]
const cases = [
  ['domain', 'ex\u0430mple.com', ['domain.mixed_script'], true], // Cyrillic а
  ['domain', 'g\u03BFogle.cn', ['domain.mixed_script'], true], // Greek ο
  ['domain', 'xn--exmple-4nf.com', ['domain.mixed_script'], true], // exаmple in Punycode
  ['email', 'user@qq.c\u043Em', ['domain.mixed_script'], true], // Cyrillic о
  ['domain', 'xn--a.com', ['domain.punycode'], false], // decodes to U+0080, a control character
  ['domain', 'xn---abc.com', ['domain.punycode'], false],
  ['domain', 'xn--a-ecp.cn', ['domain.punycode'], false],
  ['domain', 'a\u3164b.com', ['domain.invalid_char'], false], // HANGUL FILLER, ignored by UTS #46
  ['domain', '\u03A3\u0391\u03A3.cn', ['domain.idna_mapped'], false], // UTS #46 maps it to σας
  ['domain', 'https://b\u00FCcher.de/', ['domain.suffix_unlisted', 'domain.url'], false],
  ['email', 'user@xn--a.com', ['email.domain_invalid'], false],
];

test('the full build: UTS #46 validity and mixed-script warnings (issue 17 items 11, 12)', () => {
  for (const [kind, value, want, ok] of cases) {
    const r = checkField(kind, value, { today: TODAY });
    assert.deepEqual(codes(r), want, `${kind} ${JSON.stringify(value)}`);
    assert.equal(r.ok, ok, `${kind} ${JSON.stringify(value)}`);
    assert.ok(!r.findings.some((f) => f.code === 'domain.idna_mapped' && f.fix !== undefined), 'no guessed fix for a mapped character');
  }
  const w = checkField('domain', 'ex\u0430mple.com', { today: TODAY, locale: 'en' }).findings[0];
  assert.match(w.message, /а \(U\+0430\)/);
  const m = checkField('domain', '\u03A3\u0391\u03A3.cn', { today: TODAY, locale: 'en' }).findings[0];
  assert.match(m.message, /mapped form/);
});

test('the fields module: a pending warning, never a silent pass, for labels it cannot judge', async () => {
  const field = await fieldsModule();
  for (const [kind, value, full] of cases) {
    const r = field(kind, value);
    if (full.includes('domain.punycode') || full.includes('email.domain_invalid')) {
      // Punycode that does not decode to a non-ASCII label is an error in both builds.
      if (codes(r).includes('domain.punycode') || codes(r).includes('email.domain_invalid')) continue;
    }
    assert.ok(codes(r).includes('domain.idn_unchecked'), `${kind} ${JSON.stringify(value)}: ${codes(r)}`);
    const f = r.findings.find((x) => x.code === 'domain.idn_unchecked');
    assert.equal(f.severity, 'warning');
    assert.ok(f.message.length > 0 && f.hint.length > 0);
  }
  // In every locale (the row is in src/i18n/idn-pending.tsv, which only this build embeds).
  const texts = ['zh-CN', 'zh-TW', 'en'].map((l) => field('domain', 'b\u00FCcher.de', l).findings.find((x) => x.code === 'domain.idn_unchecked'));
  assert.match(texts[0].message, /国际化域名“bücher”还需完整检查/);
  assert.match(texts[1].message, /國際化網域「bücher」還需完整檢查/);
  assert.match(texts[2].message, /“bücher” still needs the full check/);
  assert.match(texts[2].hint, /full check runs when the full checker loads/);
  // Once per name.
  assert.equal(field('domain', 'b\u00FCcher.b\u00FCcher.de').findings.filter((x) => x.code === 'domain.idn_unchecked').length, 1);
  // ASCII names, and CJK labels (valid, bidi L, Han with Latin allowed): decided here, as in the full build.
  for (const [kind, value] of [['domain', 'example.com'], ['domain', '例子.中国'], ['domain', 'xn--fsqu00a.xn--fiqs8s'],
    ['domain', 'qq音乐.com'], ['email', 'user@例子.中国'], ['email', 'user@qq.com'], ['domain', 'ab--cd.com'], ['domain', '-abc.com']]) {
    const r = field(kind, value);
    assert.ok(!codes(r).includes('domain.idn_unchecked'), `${kind} ${JSON.stringify(value)}`);
    assert.equal(JSON.stringify(r), JSON.stringify(checkField(kind, value, { today: TODAY })), `${kind} ${JSON.stringify(value)}: same as the full build`);
  }
});
