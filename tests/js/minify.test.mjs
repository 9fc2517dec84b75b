// scripts/minify.mjs minifies what browsers download from pkg/. Each file
// must keep a source map that carries the original, readable source, and
// the Node entry stays as written.
import test from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './helpers.mjs';

const sources = {
  'core.js': 'js/core.js',
  'browser.js': 'js/browser.js',
  'fields.js': 'js/fields.js',
  'web.js': 'js/web.js',
  'schemas.js': 'js/schemas.js',
  'widget.js': 'widget/widget.js',
  'widget-image.js': 'widget/widget-image.js',
  'widget-card.js': 'widget/widget-card.js',
};

for (const [name, src] of Object.entries(sources)) {
  test(`pkg/${name} is minified and maps back to ${src}`, () => {
    const min = readFileSync(join(ROOT, 'pkg', name), 'utf8');
    const original = readFileSync(join(ROOT, src), 'utf8');
    assert.ok(min.length < original.length * 0.8, `${min.length} vs ${original.length} bytes`);
    assert.match(min, new RegExp(`//# sourceMappingURL=${name.replace('.', '\\.')}\\.map\\s*$`));
    const map = JSON.parse(readFileSync(join(ROOT, 'pkg', `${name}.map`), 'utf8'));
    assert.equal(map.version, 3);
    assert.deepEqual(map.sourcesContent, [original]);
    assert.ok(map.mappings.length > 0);
  });
}

test('the wasm-bindgen glue is minified with a map; node.js is not minified', () => {
  for (const dir of ['wasm', 'wasm-fields', 'wasm-vision']) {
    assert.ok(existsSync(join(ROOT, 'pkg', dir, 'beian_check.js.map')));
  }
  assert.equal(readFileSync(join(ROOT, 'pkg/node.js'), 'utf8'), readFileSync(join(ROOT, 'js/node.js'), 'utf8'));
});

/** Every source map in pkg/, as [path relative to pkg, parsed map]. */
function maps(dir = join(ROOT, 'pkg'), rel = '') {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...maps(join(dir, e.name), `${rel}${e.name}/`));
    else if (e.name.endsWith('.map')) out.push([`${rel}${e.name}`, JSON.parse(readFileSync(join(dir, e.name), 'utf8'))]);
  }
  return out;
}

test('every source map names its source by a real file of the package, holding that source', () => {
  const all = maps();
  assert.ok(all.length >= 8, `only ${all.length} maps`);
  const wrong = [];
  for (const [name, map] of all) {
    map.sources.forEach((source, i) => {
      const file = join(ROOT, 'pkg', dirname(name), source);
      if (!existsSync(file)) wrong.push(`${name}: source "${source}" is no file of the package`);
      else if (readFileSync(file, 'utf8') !== map.sourcesContent?.[i]) wrong.push(`${name}: ${source} is not the mapped source`);
    });
  }
  assert.deepEqual(wrong, []);
});

test('node --enable-source-maps: a stack trace from the minified code points at the readable file and line', () => {
  // core.js (minified, loaded by the Node entry) throws a TypeError for a kind that is not a string.
  const script = "import('beian-check').then((m) => { try { m.checkField(42, 'x'); } catch (e) { console.log(e.stack); } })";
  const stack = execFileSync(process.execPath, ['--enable-source-maps', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  const frame = stack.split('\n').find((l) => /^\s+at /.test(l));
  const m = frame?.match(/\(?(?:file:\/\/)?(\/[^():]+):(\d+):(\d+)\)?$/);
  assert.ok(m, `no file position in ${stack}`);
  const [, file, line] = m;
  assert.match(file, /\/src\/core\.js$/, `the top frame names ${file}`);
  assert.ok(existsSync(file), `${file} does not exist`);
  const text = readFileSync(file, 'utf8').split('\n')[Number(line) - 1];
  assert.match(text, /\bthrow\b/, `line ${line} of ${file} is not the throw: ${text}`);
  assert.doesNotMatch(stack, /[/(]0:\d+:\d+/, 'a frame names the source "0"');
});
