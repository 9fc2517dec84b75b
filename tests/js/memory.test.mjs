// The wasm build brings its own allocator (src/rt.rs: power-of-two size
// classes, freed blocks reused, no std). These tests drive both built
// modules directly through their wasm-bindgen glue and watch the linear
// memory: a page checks on every keystroke for as long as it is open, so
// after a warm-up the memory must stop growing, and big buffers (a photo)
// must not make every later call grow it again. The vision module (the
// ID-card analysis) likewise over repeated ID photos.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, vectorFiles } from './helpers.mjs';

const TODAY = '2026-11-27';
const files = vectorFiles();
const forms = readdirSync(join(ROOT, 'tests/vectors/forms'))
  .filter((n) => n.endsWith('.json'))
  .map((n) => JSON.parse(readFileSync(join(ROOT, 'tests/vectors/forms', n), 'utf8')));

async function load(dir) {
  const glue = await import(join(ROOT, 'pkg', dir, 'beian_check.js'));
  const exports = glue.initSync({ module: readFileSync(join(ROOT, 'pkg', dir, 'beian_check_bg.wasm')) });
  return { glue, memory: () => exports.memory.buffer.byteLength };
}

// One round: every vector case of every kind, and every form vector.
function round(glue) {
  let calls = 0;
  for (const f of files) {
    const opts = JSON.stringify({ ...(f.options ?? {}), today: undefined });
    for (const c of f.cases) {
      const r = JSON.parse(glue.check_field(f.kind, c.input, opts, TODAY));
      assert.equal(typeof r.ok, 'boolean');
      calls++;
    }
  }
  if (glue.check_form) {
    for (const v of forms) {
      const r = JSON.parse(glue.check_form(JSON.stringify(v.form), '{}', TODAY));
      assert.ok(Array.isArray(r.findings));
      calls++;
    }
  }
  return calls;
}

for (const dir of ['wasm', 'wasm-fields']) {
  test(`${dir}: memory stops growing after a warm-up`, async () => {
    const { glue, memory } = await load(dir);
    round(glue);
    round(glue);
    const settled = memory();
    let calls = 0;
    for (let i = 0; i < 20; i++) calls += round(glue);
    assert.ok(calls > 5000, `only ${calls} calls`);
    assert.equal(memory(), settled, `grew from ${settled} to ${memory()} bytes over ${calls} calls`);
  });
}

test('wasm: a 24 MB buffer is checked, and later calls reuse its memory', async () => {
  const { glue, memory } = await load('wasm');
  const big = new Uint8Array(24 * 1024 * 1024);
  // A JPEG SOI + SOF0 header at the start; the rest is zeros.
  big.set([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x0b, 0xb8, 0x0f, 0xa0, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01]);
  // (The wasm export probeImage uses since issue 18: a packed result, no JSON.)
  glue.probe_image_packed(big);
  const after = memory();
  for (let i = 0; i < 10; i++) glue.probe_image_packed(big);
  round(glue);
  assert.equal(memory(), after, `grew from ${after} to ${memory()} bytes`);
});

/**
 * A photo for the vision module: a clean generated ID card (scripts/cardgen, seed 77, photo 12, its
 * 1024-px RGBA: found, judged and read) when the generator runs here, else a light card-sized
 * rectangle with print lines on a dark desk.
 */
function cardPhoto() {
  const dir = mkdtempSync(join(tmpdir(), 'beian-mem-'));
  try {
    execFileSync(join(ROOT, 'scripts/cardgen/run'), ['--seed', '77', '--start', '12', '--count', '1', '--out', dir, '--rgba', '--slot', 'idCardFront', '--side', 'portrait', '--defects', 'none', '--long', '1800'], { stdio: 'ignore' });
    const t = JSON.parse(readFileSync(join(dir, '00012.json'), 'utf8'));
    return { px: new Uint8Array(readFileSync(join(dir, '00012.rgba'))), w: t.rgbaWidth, h: t.rgbaHeight };
  } catch {
    const w = 1024, h = 768, px = new Uint8Array(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const onCard = x > 200 && x < 820 && y > 190 && y < 580;
        const v = !onCard ? 60 : (y - 190) % 40 < 6 && x > 240 && x < 700 ? 40 : 235;
        px.set([v, v, onCard ? v - 10 : v, 255], (y * w + x) * 4);
      }
    }
    return { px, w, h };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('wasm-vision: checking ID photos again and again does not grow its memory', async () => {
  const { glue, memory } = await load('wasm-vision');
  const { px, w, h } = cardPhoto();
  const run = (slot) => JSON.parse(glue.check_image_pixels(slot, px, w, h, '{}', TODAY));
  for (const slot of ['idCardFront', 'idCardBack', 'handheldId']) assert.ok(Array.isArray(run(slot).findings));
  const settled = memory();
  for (let i = 0; i < 10; i++) for (const slot of ['idCardFront', 'idCardBack', 'handheldId']) run(slot);
  assert.equal(memory(), settled, `grew from ${settled} to ${memory()} bytes`);
});
