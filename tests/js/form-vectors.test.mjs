// The generated form vectors (tests/vectors/forms) through the wasm build:
// the same (path, code) pairs as the native run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkForm } from 'beian-check';
import { ROOT } from './helpers.mjs';

const dir = join(ROOT, 'tests/vectors/forms');
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
  test(`form vector ${name}`, () => {
    const doc = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    const r = checkForm(doc.form, doc.options);
    const got = r.findings.filter((f) => f.severity !== 'info').map((f) => `${f.path} ${f.code}`).sort();
    const want = doc.expect.map((e) => `${e.path} ${e.code}`).sort();
    assert.deepEqual(got, want);
    assert.equal(r.ok, doc.ok);
    for (const f of r.findings) assert.ok(f.message && f.path !== undefined);
  });
}
