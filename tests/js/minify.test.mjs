// scripts/minify.mjs minifies what browsers download from pkg/. Each file
// must keep a source map that carries the original, readable source, and
// the Node entry stays as written.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const sources = {
  'core.js': 'js/core.js',
  'browser.js': 'js/browser.js',
  'fields.js': 'js/fields.js',
  'web.js': 'js/web.js',
  'schemas.js': 'js/schemas.js',
  'widget.js': 'widget/widget.js',
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
  for (const dir of ['wasm', 'wasm-fields']) {
    assert.ok(existsSync(join(ROOT, 'pkg', dir, 'beian_check.js.map')));
  }
  assert.equal(readFileSync(join(ROOT, 'pkg/node.js'), 'utf8'), readFileSync(join(ROOT, 'js/node.js'), 'utf8'));
});
