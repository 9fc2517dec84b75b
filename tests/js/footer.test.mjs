// checkFooter through the built package: shape, numbers found, link rules,
// expected numbers, spans into the HTML, TypeErrors for bad options.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFooter } from 'beian-check';

const today = '2026-11-27';
const good = `<footer><p>&copy; 2026 示例 | <a href="https://beian.miit.gov.cn/" target="_blank">京ICP备<span>16020626</span>号-8</a></p>
<p><a href="https://beian.mps.gov.cn/#/query/webSearch?code=11010502030143"><img src="/ga.png">京公网安备 11010502030143号</a></p></footer>`;

test('a correct footer passes and lists its numbers', () => {
  const r = checkFooter(good, { today, icpNumber: '京ICP备16020626号-8', psbNumber: '京公网安备11010502030143号' });
  assert.equal(r.ok, true);
  assert.deepEqual(r.findings, []);
  assert.deepEqual(r.info.icpNumbers, ['京ICP备16020626号-8']);
  assert.deepEqual(r.info.psbNumbers, ['京公网安备11010502030143号']);
});

test('a missing number, a wrong link and a wrong expected number are errors', () => {
  assert.deepEqual(checkFooter('<p>© 2026</p>').findings.map((f) => f.code), ['footer.icp_missing', 'footer.psb_absent']);
  const wrong = checkFooter('<a href="https://example.com">京ICP备16020626号-8</a>', { locale: 'en' });
  assert.equal(wrong.ok, false);
  const f = wrong.findings.find((x) => x.code === 'footer.icp_link_wrong');
  assert.match(f.message, /example\.com/);
  assert.deepEqual(f.span, [0, '<a href="https://example.com">'.length]);
  const other = checkFooter(good, { icpNumber: '京ICP备16020627号-8' });
  assert.ok(other.findings.some((x) => x.code === 'footer.icp_expected_missing'));
});

test('old MIIT hosts are a warning; PSB link digits must match', () => {
  const old = checkFooter('<a href="http://www.miibeian.gov.cn/">京ICP备16020626号-8</a>');
  assert.equal(old.ok, true);
  assert.ok(old.findings.some((x) => x.code === 'footer.icp_link_old' && x.severity === 'warning'));
  const mismatch = checkFooter(good.replace('code=11010502030143', 'code=11010502030144'));
  assert.deepEqual(mismatch.findings.map((x) => x.code), ['footer.psb_link_mismatch']);
});

test('spans of number findings point into the HTML', () => {
  const html = '<div><a href="https://beian.miit.gov.cn">滇ICP备09010050-5号</a></div>';
  const r = checkFooter(html);
  const f = r.findings.find((x) => x.code === 'icp.suffix_order');
  assert.equal(html.slice(f.span[0], f.span[1]), '-5号');
  assert.equal(f.fix, undefined);
});

test('bad argument types throw TypeError; junk HTML does not', () => {
  assert.throws(() => checkFooter('<p></p>', { icpNumber: 5 }), TypeError);
  assert.throws(() => checkFooter({}), TypeError);
  for (const junk of ['<', '<a href="', '&#xFFFFFFFF;', '<script>', '<!--', '\u0000']) {
    assert.equal(typeof checkFooter(junk).ok, 'boolean');
  }
});
