#!/usr/bin/env node
// Where the browser modules' bytes are (issue 9: "a breakdown of the biggest
// contributors, twiggy or equivalent"), without twiggy: a small wasm reader.
//   node bench/size-breakdown.mjs [top=20]      (after `bash scripts/build`)
// 1. The shipped wasm (pkg/, after wasm-opt): each section's raw and
//    gzip -9 bytes — code against data (messages, tables, profile).
//    Inside the data section, the blobs build.rs and scripts/gen-regions.mjs
//    embed (zh-CN messages, the generic profile's sections, the region
//    table), found by content.
// 2. The same module before wasm-bindgen and wasm-opt (cargo's output in
//    target/, which keeps the name section): function bodies by Rust
//    module, and the biggest functions. wasm-opt shrinks these ~30 % and
//    merges some, so read them as shares, not as shipped bytes.
// Prints numbers only.
import { readFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TOP = Number(process.argv[2]) || 20;
const MODULES = [
  { name: 'beian-check/fields', shipped: 'pkg/wasm-fields/beian_check_bg.wasm', target: 'target/wasm-fields/wasm32-unknown-unknown/wasm/' },
  { name: 'beian-check (full)', shipped: 'pkg/wasm/beian_check_bg.wasm', target: 'target/wasm32-unknown-unknown/wasm/' },
  { name: 'vision module (loadVision)', shipped: 'pkg/wasm-vision/beian_check_bg.wasm', target: 'target/wasm-vision/wasm32-unknown-unknown/wasm/' },
];

/** The data blobs a build embeds: [label, bytes] (build.rs's newest OUT_DIR, the region table). */
function blobs(target) {
  const out = [];
  const build = ROOT + target + 'build/';
  const dirs = existsSync(build) ? readdirSync(build).filter((d) => d.startsWith('beian-check-') && existsSync(`${build}${d}/out/catalog-zh-CN.tsv`)) : [];
  const dir = dirs.map((d) => `${build}${d}/out/`).sort((a, b) => statSync(b + 'catalog-zh-CN.tsv').mtimeMs - statSync(a + 'catalog-zh-CN.tsv').mtimeMs)[0];
  if (dir) {
    out.push(['zh-CN messages', readFileSync(dir + 'catalog-zh-CN.tsv')]);
    for (const f of readdirSync(dir).filter((f) => /^profile-.*\.json$/.test(f)).sort()) out.push([`profile section ${f.slice(8, -5)}`, readFileSync(dir + f)]);
  }
  const regions = readFileSync(ROOT + 'src/data/regions.rs', 'utf8');
  const table = regions.slice(regions.indexOf('TABLE: &[u8] = &['));
  out.push(['region table (codes, years)', Uint8Array.from(table.slice(0, table.indexOf('];')).match(/\d+/g).slice(1), Number)]);
  return out;
}
const SECTION = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'datacount'];
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** A cursor over a wasm binary. */
class Reader {
  constructor(bytes, at = 0) {
    this.b = bytes;
    this.at = at;
  }
  u8() {
    return this.b[this.at++];
  }
  leb() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const byte = this.b[this.at++];
      result += (byte & 0x7f) * 2 ** shift;
      if (!(byte & 0x80)) return result;
      shift += 7;
    }
  }
  name() {
    const len = this.leb();
    const s = new TextDecoder().decode(this.b.subarray(this.at, this.at + len));
    this.at += len;
    return s;
  }
}

/** The sections of a module: { id, name, start, end } (payload bounds). */
function sections(bytes) {
  const r = new Reader(bytes, 8);
  const out = [];
  while (r.at < bytes.length) {
    const id = r.u8();
    const size = r.leb();
    const start = r.at;
    let name = SECTION[id] || `#${id}`;
    if (id === 0) name = `custom "${new Reader(bytes, start).name()}"`;
    out.push({ id, name, start, end: start + size });
    r.at = start + size;
  }
  return out;
}

/** Function bodies with their names (from the name section), sizes in bytes. */
function functions(bytes) {
  const secs = sections(bytes);
  let imported = 0;
  const imports = secs.find((s) => s.id === 2);
  if (imports) {
    const r = new Reader(bytes, imports.start);
    for (let n = r.leb(); n > 0; n--) {
      r.name();
      r.name();
      const kind = r.u8();
      if (kind === 0) {
        r.leb();
        imported++;
      } else if (kind === 1) {
        r.u8();
        const flags = r.u8();
        r.leb();
        if (flags & 1) r.leb();
      } else if (kind === 2) {
        const flags = r.u8();
        r.leb();
        if (flags & 1) r.leb();
      } else {
        r.u8();
        r.u8();
      }
    }
  }
  const names = new Map();
  const nameSec = secs.find((s) => s.name === 'custom "name"');
  if (nameSec) {
    const r = new Reader(bytes, nameSec.start);
    r.name();
    while (r.at < nameSec.end) {
      const sub = r.u8();
      const size = r.leb();
      const end = r.at + size;
      if (sub === 1) for (let n = r.leb(); n > 0; n--) names.set(r.leb(), r.name());
      r.at = end;
    }
  }
  const code = secs.find((s) => s.id === 10);
  const out = [];
  if (!code) return out;
  const r = new Reader(bytes, code.start);
  const count = r.leb();
  for (let i = 0; i < count; i++) {
    const size = r.leb();
    out.push({ name: demangle(names.get(imported + i) || `func[${imported + i}]`), size });
    r.at += size;
  }
  return out;
}

/** Rust's legacy mangling (`_ZN…E`) → `a::b::c`, without the hash. */
function demangle(sym) {
  if (!sym.startsWith('_ZN')) return sym;
  const parts = [];
  let i = 3;
  while (i < sym.length && sym[i] !== 'E') {
    let len = 0;
    while (sym[i] >= '0' && sym[i] <= '9') len = len * 10 + Number(sym[i++]);
    if (!len) break;
    parts.push(sym.slice(i, i + len));
    i += len;
  }
  if (/^h[0-9a-f]{16}$/.test(parts.at(-1) || '')) parts.pop();
  return parts
    .join('::')
    .replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ').replace(/\$RF\$/g, '&')
    .replace(/\$C\$/g, ',').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\$BP\$/g, '*')
    .replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']').replace(/\$u27\$/g, "'").replace(/\.\./g, '::')
    .replace(/^_</, '<');
}

/** The Rust module a function belongs to: `beian_check::site::domain`, `core::fmt`, `alloc` … */
function owner(name) {
  // `<T as Trait>::f` belongs to T's crate; generic instances to the outer path.
  const path = name.replace(/^<+/, '').split(/[ <>,]/)[0];
  const parts = path.split('::').filter(Boolean);
  if (parts[0] === 'beian_check') {
    // the module: up to two levels, stopping at a type (Walk::person → form)
    let n = 1;
    while (n < Math.min(3, parts.length - 1) && !/^[A-Z]/.test(parts[n])) n++;
    return parts.slice(0, n).join('::');
  }
  if (['core', 'alloc', 'std', 'wasm_bindgen', 'wasm_rt', 'js_sys'].includes(parts[0])) return parts.slice(0, 2).join('::');
  return parts[0] || name;
}

const pad = (s, n) => String(s).padStart(n);
for (const m of MODULES) {
  const shippedPath = ROOT + m.shipped;
  if (!existsSync(shippedPath)) {
    console.log(`${m.name}: ${m.shipped} missing (run bash scripts/build)`);
    continue;
  }
  const shipped = readFileSync(shippedPath);
  console.log(`\n${m.name}: ${m.shipped} — ${shipped.length} B raw, ${gz(shipped)} B zlib -9 (Node; GNU gzip -9, as scripts/size counts, differs by ~1 %)`);
  console.log(`  ${'section'.padEnd(22)}${pad('raw', 9)}${pad('zlib -9', 9)}  (each section compressed on its own)`);
  for (const s of sections(shipped)) {
    if (s.end - s.start < 64) continue;
    const body = shipped.subarray(s.start, s.end);
    console.log(`  ${s.name.padEnd(22)}${pad(body.length, 9)}${pad(gz(body), 9)}`);
  }
  let rest = sections(shipped).find((s) => s.id === 11);
  rest = rest ? rest.end - rest.start : 0;
  for (const [label, bytes] of blobs(m.target)) {
    if (Buffer.from(shipped).indexOf(Buffer.from(bytes)) < 0) continue;
    rest -= bytes.length;
    console.log(`    in data: ${label.padEnd(30)}${pad(bytes.length, 7)}${pad(gz(bytes), 9)}`);
  }
  console.log(`    in data: ${'the rest (string literals, tables)'.padEnd(30)}${pad(rest, 7)}`);
  const cargoPath = ROOT + m.target + 'beian_check.wasm';
  if (!existsSync(cargoPath)) {
    console.log(`  (${m.target}beian_check.wasm missing: no function breakdown)`);
    continue;
  }
  const fns = functions(readFileSync(cargoPath));
  const total = fns.reduce((s, f) => s + f.size, 0);
  const byOwner = new Map();
  for (const f of fns) byOwner.set(owner(f.name), (byOwner.get(owner(f.name)) || 0) + f.size);
  console.log(`  before wasm-bindgen and wasm-opt: ${fns.length} functions, ${total} B of code; by module (top ${TOP}):`);
  for (const [k, v] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`    ${pad(v, 7)} B ${pad(((100 * v) / total).toFixed(1), 5)} %  ${k}`);
  }
  console.log(`  biggest functions (top ${TOP}):`);
  for (const f of [...fns].sort((a, b) => b.size - a.size).slice(0, TOP)) {
    console.log(`    ${pad(f.size, 7)} B  ${f.name.length > 110 ? f.name.slice(0, 107) + '…' : f.name}`);
  }
}
