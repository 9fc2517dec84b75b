#!/usr/bin/env node
// Writes pkg/package.json: the publishable manifest, derived from the root
// package.json (publishConfig) and the version in Cargo.toml. Nobody edits
// pkg/ by hand; run `npm run build`.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';

const root = JSON.parse(readFileSync('package.json', 'utf8'));
const cargo = readFileSync('Cargo.toml', 'utf8');
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
if (!version) throw new Error('no version in Cargo.toml');

const pub = root.publishConfig;
const manifest = {
  name: pub.name,
  version,
  description: pub.description,
  license: pub.license,
  keywords: pub.keywords,
  // The project has no public URL yet (none in Cargo.toml or the spec):
  // set repository / homepage / bugs in the root publishConfig when it has
  // one, and they are carried over. None is made up here.
  ...Object.fromEntries(['repository', 'homepage', 'bugs'].filter((k) => pub[k]).map((k) => [k, pub[k]])),
  type: 'module',
  main: './node.js',
  module: './web.js',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', node: './node.js', browser: './web.js', default: './web.js' },
    './fields': { types: './fields.d.ts', node: './node.js', browser: './fields.js', default: './fields.js' },
    './rules': { types: './rules.d.ts', node: './rules-node.js', browser: './rules.js', default: './rules.js' },
    './widget': { types: './widget.d.ts', default: './widget.js' },
    './widget.css': './widget.css',
    './package.json': './package.json',
    './beian_check_bg.wasm': './wasm/beian_check_bg.wasm',
  },
  files: readdirSync('pkg').filter((f) => f !== 'package.json'),
  // Files whose evaluation does more than define exports. widget.js attaches
  // itself to every form[data-beian-form] (`import 'beian-check/widget'` is a
  // side-effect import: with `false` here, vite build dropped it); widget.css
  // is a stylesheet import; browser.js and node.js register the locale and
  // region-name loaders (node.js also compiles the wasm). Everything else
  // only defines exports and may be tree-shaken.
  sideEffects: ['./widget.js', './widget.css', './browser.js', './node.js'],
  engines: { node: '>=20' },
};
writeFileSync('pkg/package.json', JSON.stringify(manifest, null, 2) + '\n');
console.log(`pkg/package.json: ${manifest.name}@${version}`);
