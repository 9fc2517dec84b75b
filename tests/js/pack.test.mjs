// The packed tarball installs into a scratch project and works by name,
// exactly as an integrator would use it (issue 2 acceptance).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

test('npm pack → npm install → import by name', () => {
  const dir = mkdtempSync(join(tmpdir(), 'beian-pack-'));
  try {
    const out = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir, join(ROOT, 'pkg')], { encoding: 'utf8' });
    const tarball = join(dir, out.trim().split('\n').pop());
    const app = join(dir, 'app');
    execFileSync('mkdir', ['-p', app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'scratch', private: true }));
    execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--offline', tarball], { cwd: app });
    assert.ok(readdirSync(join(app, 'node_modules/beian-check/wasm')).includes('beian_check_bg.wasm'));
    const printed = execFileSync('node', ['-e', "import('beian-check').then(m => console.log(JSON.stringify(m.checkField('mobile','+86 138 0013 8000'))))"], { cwd: app, encoding: 'utf8' });
    const r = JSON.parse(printed);
    assert.equal(r.ok, true);
    assert.equal(r.value, '13800138000');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
