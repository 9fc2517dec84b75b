// Minifies the JavaScript a browser downloads from pkg/ (the entries, the
// widget and the wasm-bindgen glue), in place, each with a source map that
// carries the original source, so devtools still show readable code.
// Bundlers minify again anyway; a page that loads the package or the widget
// with a <script type=module> gets about 40 % fewer gzip bytes of JS.
// node.js and the data chunks (locales, region names) are left as they are:
// Node does not download them, and data does not shrink.
// The originals ship too, under pkg/src/ (same layout), and each map names
// its source by its path there (`src/core.js`, `../src/wasm/beian_check.js`):
// `node --enable-source-maps` stack traces then point at real, readable
// files and lines (terser's default names every source "0").
import { readFileSync, writeFileSync, readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join, basename, dirname, relative } from 'node:path';
import { minify } from 'terser';

const pkg = new URL('../pkg/', import.meta.url).pathname;
const skip = new Set(['node.js', 'rules-node.js', 'region-names.js']);
const files = [
  ...readdirSync(pkg).filter((f) => f.endsWith('.js') && !skip.has(f)),
  ...['wasm', 'wasm-fields', 'wasm-vision'].map((d) => join(d, 'beian_check.js')).filter((f) => existsSync(join(pkg, f))),
];

let before = 0;
let after = 0;
for (const f of files) {
  const path = join(pkg, f);
  const code = readFileSync(path, 'utf8');
  const name = basename(f);
  const original = join(pkg, 'src', f);
  mkdirSync(dirname(original), { recursive: true });
  writeFileSync(original, code);
  const source = relative(dirname(path), original).split('\\').join('/');
  const out = await minify({ [source]: code }, {
    module: true,
    compress: { passes: 2 },
    mangle: true,
    // Keep license headers and nothing else.
    format: { comments: /^!|@license|@preserve/ },
    sourceMap: { filename: name, url: `${name}.map`, includeSources: true },
  });
  writeFileSync(path, out.code);
  writeFileSync(`${path}.map`, out.map);
  before += code.length;
  after += out.code.length;
}
console.log(`minified ${files.length} browser files: ${before} -> ${after} bytes (source maps beside them)`);
