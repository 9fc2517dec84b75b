// Minifies the JavaScript a browser downloads from pkg/ (the entries, the
// widget and the wasm-bindgen glue), in place, each with a source map that
// carries the original source, so devtools still show readable code.
// Bundlers minify again anyway; a page that loads the package or the widget
// with a <script type=module> gets about 40 % fewer gzip bytes of JS.
// node.js and the data chunks (locales, region names) are left as they are:
// Node does not download them, and data does not shrink.
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { join, basename } from 'node:path';
import { minify } from 'terser';

const pkg = new URL('../pkg/', import.meta.url).pathname;
const skip = new Set(['node.js', 'rules-node.js', 'region-names.js']);
const files = [
  ...readdirSync(pkg).filter((f) => f.endsWith('.js') && !skip.has(f)),
  ...['wasm', 'wasm-fields'].map((d) => join(d, 'beian_check.js')).filter((f) => existsSync(join(pkg, f))),
];

let before = 0;
let after = 0;
for (const f of files) {
  const path = join(pkg, f);
  const code = readFileSync(path, 'utf8');
  const name = basename(f);
  const out = await minify(code, {
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
