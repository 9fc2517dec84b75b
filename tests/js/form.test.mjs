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
