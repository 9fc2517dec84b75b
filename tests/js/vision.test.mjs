// The vision module (pkg/wasm-vision: checkImagePixels with the ID-card
// analysis, docs/id-card.md "Loading") in Node: loaded only by the first
// ID-slot checkImagePixels (or loadVision()), given the locale messages and
// the provider profile's image settings, and missed gracefully when its
// file is not there. Each test file runs in its own process, so "not loaded
// yet" is this file's first state.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkField, checkForm, checkImage, checkImagePixels, hasVision, loadVision } from 'beian-check';
import { ROOT } from './helpers.mjs';

/** A 480×360 RGBA picture with no card in it: text-like strokes on paper, a colour patch. */
function picture() {
  const w = 480, h = 360, px = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const c = (y % 20) < 8 && (x % 5) < 2 && x > 30 && x < 450 ? [25, 25, 30] : x < 120 && y < 150 ? [220, 170, 140] : [244, 242, 235];
      px.set([...c, 255], (y * w + x) * 4);
    }
  }
  return { data: px, width: w, height: h };
}

const codes = (r) => r.findings.map((f) => f.code);
const METRICS = ['sharpness', 'brightness', 'contrast', 'colorfulness', 'p01', 'p99'];

test('the vision module loads at the first ID-slot checkImagePixels, not at import or for other checks', () => {
  assert.equal(hasVision(), false, 'not at import');
  checkField('residentId', '11010519491231002X');
  checkForm({ subject: { type: 'personal' } });
  checkImage('idCardFront', new Uint8Array([0xff, 0xd8, 0xff]));
  const other = checkImagePixels('businessLicense', picture(), { locale: 'en' });
  assert.deepEqual(codes(other), []);
  assert.equal(hasVision(), false, 'not for other checks or other slots');

  const id = checkImagePixels('idCardFront', picture(), { locale: 'en' });
  assert.equal(hasVision(), true, 'loaded by the ID slot');
  assert.deepEqual(codes(id), ['image.card_not_found'], 'the card analysis ran');
  assert.match(id.findings[0].message, /No ID card \(portrait side\)/);
  // The whole-frame measures of the vision module are the full module's.
  for (const k of METRICS) assert.equal(id.info[k], other.info[k], k);
  for (const slot of ['idCardBack', 'handheldId']) assert.deepEqual(codes(checkImagePixels(slot, picture())), ['image.card_not_found'], slot);
});

test('loadVision() resolves once loaded (one promise), and the vision module has the locale messages', async () => {
  const p = loadVision();
  assert.equal(loadVision(), p);
  await p;
  const tw = checkImagePixels('idCardBack', picture(), { locale: 'zh-TW' });
  assert.equal(tw.findings[0].message, '沒有在圖片中找到身分證國徽面');
  const cn = checkImagePixels('idCardBack', picture());
  assert.equal(cn.findings[0].message, '没有在图片中找到身份证国徽面');
});

test("a provider profile: validated whole by the full module, its image settings reach the vision module", () => {
  const acme = { extends: 'generic', name: 'acme', images: { slots: { idCardFront: { cardSide: 'emblem' } }, card: { minCardLong: 300 } } };
  const r = checkImagePixels('idCardFront', picture(), { locale: 'en', profile: acme });
  assert.match(r.findings[0].message, /No ID card \(emblem side\)/, 'the slot side of the profile');
  // the full module takes the same profile for its own checks (the card settings are not its business)
  assert.ok(Array.isArray(checkImage('idCardFront', new Uint8Array([0xff, 0xd8, 0xff]), { profile: acme }).findings));
  assert.deepEqual(codes(checkImagePixels('businessLicense', picture(), { profile: acme })), []);
  // a bad card setting is the vision module's TypeError; a bad key elsewhere the full module's
  assert.throws(() => checkImagePixels('idCardFront', picture(), { profile: { extends: 'generic', images: { card: { minCardLong: 'big' } } } }),
    { name: 'TypeError', message: /images\.card\.minCardLong: expected a number/ });
  assert.throws(() => checkImagePixels('idCardFront', picture(), { profile: { extends: 'generic', tlds: { bogus: 1 } } }),
    { name: 'TypeError', message: /tlds\.bogus: not a key of the generic profile/ });
});

test('without the vision module file, ID slots get the whole-frame checks and a warning; nothing else changes', () => {
  // A copy of the package whose vision wasm is missing (a partial self-hosted copy).
  const dir = mkdtempSync(join(tmpdir(), 'beian-novision-'));
  try {
    const pkg = join(dir, 'node_modules', 'beian-check');
    cpSync(join(ROOT, 'pkg'), pkg, { recursive: true, filter: (src) => !src.endsWith('wasm-vision/beian_check_bg.wasm') });
    const script = `
      import { checkImagePixels, hasVision, loadVision } from 'beian-check';
      const w = 320, h = 240, px = new Uint8ClampedArray(w * h * 4);
      for (let i = 0; i < px.length; i += 4) px.set([(i / 4) % w < 160 ? 240 : 30, 120, (i / 4 / w) % 40 < 20 ? 200 : 60, 255], i);
      const id = checkImagePixels('idCardFront', px, w, h, { locale: 'en' });
      const other = checkImagePixels('businessLicense', px, w, h, { locale: 'en' });
      const again = checkImagePixels('idCardFront', px, w, h, { locale: 'en' });
      const failed = await loadVision().then(() => 'loaded', (e) => e.message);
      console.log(JSON.stringify({ id, other, again, has: hasVision(), failed }));`;
    const run = spawnSync('node', ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /the vision module did not load; ID photos get the whole-frame checks/);
    assert.equal(run.stderr.match(/did not load/g).length, 1, 'warned once, not at every photo');
    const { id, other, again, has, failed } = JSON.parse(run.stdout.trim().split('\n').pop());
    assert.equal(has, false);
    assert.notEqual(failed, 'loaded', 'loadVision() rejects');
    assert.deepEqual(id, other, 'an ID slot is checked like any other photo');
    assert.deepEqual(again, id);
    assert.equal(id.info.card, undefined);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
