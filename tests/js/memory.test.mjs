// The wasm build brings its own allocator (src/rt.rs: power-of-two size
// classes, freed blocks reused, no std). These tests drive both built
// modules directly through their wasm-bindgen glue and watch the linear
// memory: a page checks on every keystroke for as long as it is open, so
// after a warm-up the memory must stop growing, and big buffers (a photo)
// must not make every later call grow it again.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
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
