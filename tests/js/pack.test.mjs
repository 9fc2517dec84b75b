// The packed tarball installs into a scratch project and works by name,
// exactly as an integrator would use it (issue 2 acceptance).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
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

/** What `npm pack` would put in the tarball (paths), and the manifest. */
function packed() {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--silent', join(ROOT, 'pkg')], { encoding: 'utf8' });
  const [entry] = JSON.parse(out);
  return { files: new Set(entry.files.map((f) => f.path)), manifest: JSON.parse(readFileSync(join(ROOT, 'pkg/package.json'), 'utf8')) };
}

test('the package ships its own README (for package users) and both licence texts', () => {
  const { files, manifest } = packed();
  for (const f of ['README.md', 'LICENSE-MIT', 'LICENSE-APACHE']) assert.ok(files.has(f), `${f} is not in the tarball`);
  assert.equal(manifest.license, 'MIT OR Apache-2.0');
  assert.match(readFileSync(join(ROOT, 'pkg/LICENSE-MIT'), 'utf8'), /^MIT License\n[\s\S]*Permission is hereby granted, free of charge/);
  assert.match(readFileSync(join(ROOT, 'pkg/LICENSE-APACHE'), 'utf8'), /Apache License\s+Version 2\.0, January 2004[\s\S]*END OF TERMS AND CONDITIONS/);

  const readme = readFileSync(join(ROOT, 'pkg/README.md'), 'utf8');
  assert.equal(readme, readFileSync(join(ROOT, 'js/README.md'), 'utf8'), 'pkg/README.md is js/README.md');
  assert.ok(Buffer.byteLength(readme) < 12 * 1024, 'a package README, not the repository manual');
  // Written for package users: no repository workflow in it.
  for (const word of ['bootstrap', 'npm start', 'cargo test', 'size diet', 'scripts/']) assert.ok(!readme.includes(word), `the package README mentions ${word}`);
  // … and it covers what they need.
  const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
  for (const h of ['Node', 'Bundlers (Vite, webpack 5, Rollup) and browsers', 'The widget', 'Framework adapters', 'Profiles', 'Command line']) {
    assert.ok(headings.includes(h), `the package README has no section "${h}"`);
  }
  for (const s of ['npm install beian-check', "import 'beian-check/widget'", 'Self-hosting', 'From a CDN', "from 'beian-check/rules'", 'schemas.', 'getProfile(']) {
    assert.ok(readme.includes(s), `the package README does not say ${s}`);
  }
  // Its relative links point into the tarball.
  for (const m of readme.matchAll(/\]\(([^)]+)\)/g)) {
    if (!/^[a-z]+:/.test(m[1])) assert.ok(files.has(m[1]), `the package README links ${m[1]}, which is not in the tarball`);
  }
});

test('every file the package README says to self-host for the widget is in the tarball', () => {
  const { files } = packed();
  const readme = readFileSync(join(ROOT, 'pkg/README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**Self-hosting.**'), readme.indexOf('Not needed in browsers'));
  const named = [...section.matchAll(/`([\w][\w./-]*)`/g)].map((m) => m[1]).filter((n) => /\.(js|css|wasm)$|\/$/.test(n));
  assert.ok(named.length >= 10, `only ${named.length} files named`);
  for (const n of named) {
    if (n.endsWith('/')) assert.ok([...files].some((f) => f.startsWith(n)), `${n} is not in the tarball`);
    else if (n.includes('/') || ['beian_check.js', 'beian_check_bg.wasm'].every((x) => x !== n)) assert.ok(files.has(n), `${n} is not in the tarball`);
    else for (const dir of ['wasm/', 'wasm-fields/']) assert.ok(files.has(dir + n), `${dir}${n} is not in the tarball`);
  }
  // Everything widget.js loads, directly or through what it loads, is among them.
  const seen = new Set();
  const queue = ['widget.js'];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    assert.ok(named.some((n) => file === n || (n.endsWith('/') && file.startsWith(n)) || file.endsWith(`/${n}`)), `the widget loads ${file}, which the README does not list`);
    if (!file.endsWith('.js')) continue;
    const code = readFileSync(join(ROOT, 'pkg', file), 'utf8');
    for (const m of code.matchAll(/(?:from\s*|import\s*\(\s*|new URL\(\s*)["'`]\.\/([^"'`]+)["'`]/g)) {
      queue.push(join(dirname(file), m[1]).split('\\').join('/'));
    }
  }
  assert.ok(seen.size >= 10, `only ${[...seen]} found`);
});
