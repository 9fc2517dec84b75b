// The example apps (examples/vite-app, examples/webpack-app), built the way
// an integrator builds them: beian-check installed from the `npm pack`
// tarball of pkg/ (never the source tree), bundled by Vite / webpack 5, then
// served and run in headless Chromium. The apps' node_modules are cached
// under build/examples/ and reinstalled only when their lock file changes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { ROOT } from '../js/helpers.mjs';
import { launch } from './browser.mjs';

const WORK = join(ROOT, 'build/examples');
const NPM = ['--no-audit', '--no-fund', '--loglevel=error'];
let tarball, browser;

before(async () => {
  mkdirSync(WORK, { recursive: true });
  for (const f of readdirSync(WORK)) if (f.endsWith('.tgz')) rmSync(join(WORK, f));
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', WORK, join(ROOT, 'pkg')], { encoding: 'utf8' }).trim().split('\n').pop();
  tarball = join(WORK, 'beian-check.tgz');
  renameSync(join(WORK, name), tarball);
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Copies the app's sources to build/examples/<app> and installs: deps from its lock (cached), beian-check from the tarball. */
function prepare(app) {
  const src = join(ROOT, 'examples', app);
  const dir = join(WORK, app);
  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f !== 'node_modules') rmSync(join(dir, f), { recursive: true, force: true });
  cpSync(src, dir, { recursive: true, filter: (p) => !p.includes(`${sep}node_modules`) && !p.includes(`${sep}dist`) });
  const lock = readFileSync(join(src, 'package-lock.json'));
  const stamp = join(dir, 'node_modules/.lock-hash');
  const hash = createHash('sha256').update(lock).digest('hex');
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
    execFileSync('npm', ['ci', '--prefer-offline', ...NPM], { cwd: dir, stdio: 'inherit' });
    writeFileSync(stamp, hash);
  }
  execFileSync('npm', ['install', '--no-save', '--offline', ...NPM, tarball], { cwd: dir, stdio: 'inherit' });
  const installed = join(dir, 'node_modules/beian-check');
  assert.ok(existsSync(join(installed, 'wasm/beian_check_bg.wasm')), 'installed from the tarball');
  assert.ok(!readFileSync(join(dir, 'package.json'), 'utf8').includes('beian-check"'), 'the app manifest does not point at the source tree');
  return dir;
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };
function serve(dir) {
  const server = createServer(async (req, res) => {
    const file = normalize(join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    const path = file.endsWith(sep) ? join(file, 'index.html') : file;
    try {
      if (!path.startsWith(dir)) throw new Error('outside');
      const body = await readFile(path);
      res.writeHead(200, { 'Content-Type': TYPES[extname(path)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Opens the built app, waits for its check, returns the JSON it printed and what the browser fetched. */
async function runInChromium(dist) {
  const server = await serve(dist);
  const page = await browser.newPage();
  const errors = [];
  const wasm = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} ${m.location().url}`));
  page.on('response', (r) => r.url().endsWith('.wasm') && wasm.push({ status: r.status(), type: r.headers()['content-type'] }));
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    await page.waitForSelector('#status[data-state]');
    const state = await page.getAttribute('#status', 'data-state');
    assert.equal(state, 'done', await page.textContent('#status'));
    return { out: JSON.parse(await page.textContent('#out')), errors, wasm };
  } finally {
    await page.close();
    server.close();
  }
}

test('Vite app: built from the tarball, the check runs in Chromium', async () => {
  const dir = prepare('vite-app');
  execFileSync('node', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
  const assets = readdirSync(join(dir, 'dist/assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `Vite emitted the wasm: ${assets}`);
  const { out, errors, wasm } = await runInChromium(join(dir, 'dist'));
  assert.deepEqual(errors, []);
  assert.deepEqual(wasm, [{ status: 200, type: 'application/wasm' }], 'one wasm fetch, from the bundle');
  assert.equal(out.result.ok, false);
  assert.equal(out.result.findings[0].code, 'mobile.too_short');
  assert.match(out.rejected, /^联系人手机：手机号码只有 10 位/);
  assert.equal(out.schema.issues[0].code, 'mobile.too_short');
});

test("Vite build keeps `import 'beian-check/widget'` (a side-effect import): the widget attaches and checks", async () => {
  const dist = join(WORK, 'vite-app/dist'); // built by the previous test
  const page = readFileSync(join(dist, 'widget.html'), 'utf8');
  const scripts = [...page.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  assert.ok(scripts.length, 'widget.html loads a bundle');
  // The auto-attach code (widget.js's last statement) survives tree-shaking.
  const code = scripts.map((s) => readFileSync(join(dist, s), 'utf8')).join('\n');
  assert.match(code, /form\[data-beian-form\]/, `the widget's auto-attach code is not in ${scripts}`);
  const server = await serve(dist);
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (e) => errors.push(e.message));
  try {
    await tab.goto(`http://127.0.0.1:${server.address().port}/widget.html`);
    await tab.waitForSelector('form[data-beian-state]', { timeout: 5000 });
    await tab.fill('#mobile', '1380013800');
    await tab.locator('#mobile').blur();
    await tab.waitForFunction(() => /11/.test(document.querySelector('.bc-msg')?.textContent || ''), null, { timeout: 15000 });
    assert.equal(await tab.getAttribute('#mobile', 'aria-invalid'), 'true');
    assert.deepEqual(errors, []);
  } finally {
    await tab.close();
    server.close();
  }
});

test('Vite dev server (dependency pre-bundling on, no config): the check runs too', async () => {
  const dir = join(WORK, 'vite-app'); // prepared by the previous test
  const { createServer: createVite } = await import(join(dir, 'node_modules/vite/dist/node/index.js'));
  const vite = await createVite({ root: dir, configFile: false, logLevel: 'warn', server: { host: '127.0.0.1', port: 0 } });
  await vite.listen();
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(vite.resolvedUrls.local[0]);
    await page.waitForSelector('#status[data-state]');
    assert.equal(await page.getAttribute('#status', 'data-state'), 'done', await page.textContent('#status'));
    const out = JSON.parse(await page.textContent('#out'));
    assert.equal(out.result.findings[0].code, 'mobile.too_short');
    assert.deepEqual(errors, []);
  } finally {
    await page.close();
    await vite.close();
  }
});

test('webpack 5 app: built from the tarball, async-validator runs the rules in Chromium', async () => {
  const dir = prepare('webpack-app');
  execFileSync('node', ['node_modules/webpack-cli/bin/cli.js', '--mode', 'production', '--no-stats'], { cwd: dir, stdio: 'inherit' });
  cpSync(join(dir, 'public/index.html'), join(dir, 'dist/index.html'));
  assert.ok(readdirSync(join(dir, 'dist')).some((f) => f.endsWith('.wasm')), 'webpack emitted the wasm');
  const { out, errors, wasm } = await runInChromium(join(dir, 'dist'));
  assert.deepEqual(errors, []);
  assert.equal(wasm.length, 1);
  assert.deepEqual(out.errors, [{ field: 'mobile', message: 'Contact mobile: The mobile number has 10 digits; it needs 11' }]);
  assert.equal(out.result.findings[0].code, 'mobile.too_short');
});
