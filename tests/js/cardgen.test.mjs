// scripts/cardgen (the generator of ID-card photos the ID-card benchmark and
// browser tests use): deterministic per (seed, index), truths that agree
// with the photo and with the rules they model. Skipped with the reason when
// the generator cannot run (scripts/bootstrap installs its fonts and .venv).
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const dir = mkdtempSync(join(tmpdir(), 'cardgen-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

function run(out, ...args) {
  execFileSync(join(ROOT, 'scripts/cardgen/run'), ['--out', join(dir, out), ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  return readFileSync(join(dir, out, 'index.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
}

let all;
let skip = false;
try {
  // 24 photos of seed 5 in two workers: cards, defects and negatives
  all = run('a', '--seed', '5', '--count', '24', '--rgba', '--jobs', '2');
} catch (e) {
  skip = `the card generator did not run (bash scripts/bootstrap installs it): ${String(e.stderr || e.message).trim().split('\n').pop()}`;
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChar = (n) => '10X98765432'[[...n.slice(0, 17)].reduce((s, c, i) => s + Number(c) * WEIGHTS[i], 0) % 11];

test('a photo depends only on (seed, index): a slice made alone, in one worker, is byte-identical', { skip }, () => {
  const alone = run('b', '--seed', '5', '--start', '17', '--count', '2', '--rgba');
  for (const t of alone) {
    for (const ext of ['jpg', 'rgba', 'json']) {
      const name = `${String(t.index).padStart(5, '0')}.${ext}`;
      assert.ok(readFileSync(join(dir, 'b', name)).equals(readFileSync(join(dir, 'a', name))), name);
    }
  }
});

test('identities follow GB 11643 and the card law: check digit, birth date, sex, validity period', { skip }, () => {
  const cards = all.filter((t) => t.kind === 'card');
  assert.ok(cards.length >= 12, `${cards.length} cards`);
  for (const { person: p } of cards) {
    assert.match(p.number, /^\d{17}[\dX]$/);
    assert.equal(p.number[17], checkChar(p.number), p.number);
    assert.equal(p.number.slice(6, 14), p.birth.replaceAll('-', ''));
    assert.equal(Number(p.number[16]) % 2 === 1 ? '男' : '女', p.sex);
    const from = new Date(p.validFrom);
    const birth = new Date(p.birth);
    const age = from.getUTCFullYear() - birth.getUTCFullYear() - (p.validFrom.slice(5) < p.birth.slice(5) ? 1 : 0);
    const years = age < 16 ? 5 : age < 26 ? 10 : age < 46 ? 20 : null;
    if (years === null) assert.equal(p.validUntil, 'long-term');
    else assert.equal(Number(p.validUntil.slice(0, 4)) - from.getUTCFullYear(), years, `${p.birth} issued ${p.validFrom}: ${p.validUntil}`);
  }
});

test('truths agree with the photo: sizes, corners in or out of the frame, the RGBA copy, sides and slots', { skip }, () => {
  const inFrame = (t, [x, y]) => x >= 0 && y >= 0 && x <= t.width - 1 && y <= t.height - 1;
  for (const t of all) {
    const base = join(dir, 'a', String(t.index).padStart(5, '0'));
    assert.ok(statSync(`${base}.jpg`).size > 1000);
    assert.ok(Math.max(t.width, t.height) >= 480 && Math.max(t.width, t.height) <= 4000, `${t.width}×${t.height}`);
    assert.equal(Math.max(t.rgbaWidth, t.rgbaHeight), Math.min(1024, Math.max(t.width, t.height)));
    assert.equal(statSync(`${base}.rgba`).size, t.rgbaWidth * t.rgbaHeight * 4);
    assert.ok(t.jpegQuality >= 40 && t.jpegQuality <= 95);
    if (t.kind === 'negative') {
      assert.equal(t.corners, null);
      assert.deepEqual(t.expect, ['image.card_not_found']);
      continue;
    }
    assert.equal(t.corners.length, 4);
    const out = t.corners.filter((c) => !inFrame(t, c)).length;
    if (t.defects.includes('cropped') && !t.defectDetail.cropped.covered) assert.ok(out >= 1 && out <= 2, `${t.index}: ${out} corners out`);
    else assert.equal(out, 0, `${t.index}: a corner outside the frame without the cropped defect`);
    const s = t.rgbaWidth / t.width;
    t.corners.forEach(([x, y], i) => {
      assert.ok(Math.abs(t.corners1024[i][0] - x * s) < 0.02 && Math.abs(t.corners1024[i][1] - y * (t.rgbaHeight / t.height)) < 0.02);
    });
    // clockwise in image coordinates (y down): a positive shoelace area
    const area = t.corners.reduce((a, [x, y], i) => {
      const [x2, y2] = t.corners[(i + 1) % 4];
      return a + x * y2 - x2 * y;
    }, 0);
    assert.ok(area > 0, `${t.index}: corners not clockwise`);
    const want = t.slot === 'idCardBack' ? 'emblem' : 'portrait';
    assert.equal(t.defects.includes('wrong_side'), t.side !== want, `${t.index}: ${t.slot} ${t.side}`);
    assert.equal(t.side === 'portrait' ? t.number : t.validUntil, t.side === 'portrait' ? t.person.number : t.person.validUntil);
    if (t.defects.includes('small')) assert.ok(t.cardLong1024 < 230 && !t.legible);
    else assert.ok(t.cardLong1024 >= 340, `${t.index}: ${t.cardLong1024}`);
  }
});

test('the card is where the truth says: just inside each true corner the pixels are the card\'s light margin (clean photos)', { skip }, () => {
  // The card's own background is light grey-green on any backdrop; a wrong
  // corner order, scale or offset would sample the backdrop or the print.
  const photos = run('c', '--seed', '9', '--count', '6', '--rgba', '--slot', 'idCardFront', '--side', 'portrait', '--defects', 'none');
  for (const t of photos) {
    const rgba = readFileSync(join(dir, 'c', t.rgba));
    const at = (x, y) => {
      const i = (Math.round(y) * t.rgbaWidth + Math.round(x)) * 4;
      return [rgba[i], rgba[i + 1], rgba[i + 2]];
    };
    const c = t.corners1024;
    const cx = c.reduce((a, p) => a + p[0], 0) / 4;
    const cy = c.reduce((a, p) => a + p[1], 0) / 4;
    // the card's blank margin just inside the corner, 6 % of the way to the centre
    const inside = c.map(([x, y]) => at(x + (cx - x) * 0.06, y + (cy - y) * 0.06));
    const lum = ([r, g, b]) => 0.299 * r + 0.587 * g + 0.114 * b;
    const brightInside = inside.filter((p) => lum(p) > 120).length;
    assert.ok(brightInside >= 3, `${t.index}: card margin not light at ${JSON.stringify(inside)}`);
  }
});
