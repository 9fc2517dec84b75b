// What the docs claim, run through the built package (issue 16 item 8: the
// README named `.ai` as not fileable while the package only warned). Nothing
// here is hard-coded: every claim is read out of README.md and docs/*.md.
//   - example lines  "- `kind` `value` (options) → severity “message”, fix `x`, span [a, b], hint “…”"
//   - JS blocks: `expr; // → literal` (or `// literal`) comments are the value of expr
//   - the suffixes docs/fields.md names as not fileable, and those it says only warn
//   - every kind in the docs' tables is a kind of the package, and every kind is documented
//   - every finding code the docs name exists in the message catalog
//   - the severities docs/form.md and docs/images.md give their codes are those checkForm and
//     checkImage report on the form vectors and the image manifest
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pkg from 'beian-check';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DOCS = join(ROOT, 'docs');
const FILES = ['README.md', 'js/README.md', ...readdirSync(DOCS).filter((n) => n.endsWith('.md')).map((n) => `docs/${n}`)];
const read = (f) => readFileSync(join(ROOT, f), 'utf8');
const SUBJECT_TYPES = new Set(['personal', 'enterprise', 'government', 'institution', 'social_org', 'other']);

await pkg.default();

/** Example lines of the docs, parsed. */
function examples() {
  const out = [];
  const line = /^- `(\w+)` `([^`]+)`(?: \(([^)]*)\))? → (error|warning|info) “(.*?)”((?:, (?:fix `[^`]*`|span \[\d+, \d+\]|hint “.*”))*)$/;
  for (const file of FILES) {
    for (const [i, text] of read(file).split('\n').entries()) {
      if (!/^- `\w+` `[^`]+`.* → /.test(text)) continue;
      const m = text.match(line);
      assert.ok(m, `${file}:${i + 1}: an example line the test cannot read: ${text}`);
      const [, kind, value, opts, severity, message, rest] = m;
      const options = { locale: 'zh-CN' };
      for (const o of (opts || '').split(/,\s*/).filter(Boolean)) {
        if (SUBJECT_TYPES.has(o)) options.subjectType = o;
        else if (o.startsWith('province ')) options.province = o.slice(9);
        else assert.fail(`${file}:${i + 1}: unknown example option (${o})`);
      }
      const fix = rest.match(/, fix `([^`]*)`/)?.[1];
      const span = rest.match(/, span \[(\d+), (\d+)\]/)?.slice(1).map(Number);
      const hint = rest.match(/, hint “(.*)”/)?.[1];
      out.push({ where: `${file}:${i + 1}`, kind, value, options, severity, message, fix, span, hint });
    }
  }
  return out;
}

test('every documented example gives the documented finding', () => {
  const all = examples();
  assert.ok(all.length >= 15, `only ${all.length} examples found`);
  const wrong = [];
  for (const ex of all) {
    const r = ex.kind === 'footer' ? pkg.checkFooter(ex.value, ex.options) : pkg.checkField(ex.kind, ex.value, ex.options);
    const f = r.findings.find((x) => x.message === ex.message);
    if (!f) {
      wrong.push(`${ex.where}: “${ex.message}” not among ${JSON.stringify(r.findings.map((x) => [x.severity, x.message]))}`);
      continue;
    }
    if (f.severity !== ex.severity) wrong.push(`${ex.where}: documented ${ex.severity}, is ${f.severity}`);
    if (ex.fix !== undefined && f.fix !== ex.fix) wrong.push(`${ex.where}: documented fix ${ex.fix}, is ${f.fix}`);
    if (ex.span && JSON.stringify(f.span) !== JSON.stringify(ex.span)) wrong.push(`${ex.where}: documented span ${ex.span}, is ${f.span}`);
    if (ex.hint !== undefined && f.hint !== ex.hint) wrong.push(`${ex.where}: documented hint “${ex.hint}”, is “${f.hint}”`);
  }
  assert.deepEqual(wrong, []);
});

/** `expr; // → literal` claims in the js code blocks of a file, as an async function body. */
function claimsProgram(text) {
  const body = [];
  let count = 0;
  for (const block of text.matchAll(/^```js\n([\s\S]*?)^```/gm)) {
    const lines = block[1].split('\n');
    const start = body.length;
    const before = count;
    for (let i = 0; i < lines.length; i++) {
      let line = lines[i];
      if (/^\s*import /.test(line)) {
        while (!/;\s*(\/\/.*)?$/.test(lines[i])) i++; // a multi-line import
        continue;
      }
      let expr;
      let literal;
      const inline = line.match(/^(.*?);\s*\/\/ (?:→ )?((?:'|\{|\[|true|false|-?\d).*)$/);
      if (inline && !/^\s*(const|let|await|\/\/)/.test(inline[1])) [, expr, literal] = inline;
      else if (/;\s*$/.test(line) && /^\s*\/\/ → /.test(lines[i + 1] || '') && !/^\s*(const|let|await)/.test(line)) {
        expr = line.replace(/;\s*$/, '');
        literal = lines[++i].replace(/^\s*\/\/ → /, '');
      } else {
        body.push(line.replace(/\/\/.*$/, ''));
        continue;
      }
      while (/^\s*\/\/ {2,}/.test(lines[i + 1] || '')) literal += ` ${lines[++i].replace(/^\s*\/\//, '')}`;
      count++;
      body.push(`__eq(${expr}, (${literal}), ${JSON.stringify(expr.trim())});`);
    }
    if (count === before) body.length = start; // a block without claims (browser code, framework code) is not run
    else body.push(';');
  }
  return { body: body.join('\n'), count };
}

test('the values the READMEs and docs/api.md show in code comments are what the package returns', async () => {
  const filing = JSON.parse(read('tests/vectors/forms/enterprise-valid-three-websites.json')).form;
  let total = 0;
  for (const file of ['README.md', 'js/README.md', 'docs/api.md']) {
    const { body, count } = claimsProgram(read(file));
    total += count;
    const wrong = [];
    const scope = { ...pkg, init: pkg.default, filing };
    const __eq = (actual, expected, expr) => {
      try {
        assert.deepEqual(actual, expected);
      } catch {
        wrong.push(`${file}: ${expr} is ${JSON.stringify(actual)}, documented ${JSON.stringify(expected)}`);
      }
    };
    // eslint-disable-next-line no-new-func -- the docs' own example code, with its claims turned into comparisons
    const run = new Function('__scope', '__eq', `return (async () => { with (__scope) {\n${body}\n} })();`);
    await run(scope, __eq);
    assert.deepEqual(wrong, []);
  }
  assert.ok(total >= 5, `only ${total} claims found`);
});

test('the suffixes docs/fields.md names as not fileable are errors; those it says only warn are warnings', () => {
  const text = read('docs/fields.md');
  const named = text.match(/`((?:\.[a-z]+ ?)+)` are named as not fileable/);
  const warned = text.match(/such as `((?:\.[a-z]+ ?)+)`[^;]*, is only a warning/);
  assert.ok(named && warned, 'docs/fields.md no longer says which suffixes are not fileable and which only warn');
  const wrong = [];
  for (const [list, code, severity] of [[named[1], 'domain.not_fileable', 'error'], [warned[1], 'domain.suffix_unlisted', 'warning']]) {
    for (const suffix of list.trim().split(/\s+/)) {
      const f = pkg.checkField('domain', `example${suffix}`).findings;
      if (!f.some((x) => x.code === code && x.severity === severity)) wrong.push(`${suffix}: documented ${code} (${severity}), got ${JSON.stringify(f.map((x) => [x.code, x.severity]))}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('the kinds the docs tabulate are the package’s kinds, all of them', () => {
  const documented = new Set();
  for (const m of read('docs/fields.md').matchAll(/^\| `(\w+)` \|/gm)) documented.add(m[1]);
  const kinds = new Set(pkg.kinds().map((k) => k.kind));
  assert.deepEqual([...documented].filter((k) => !kinds.has(k)), [], 'documented but not a kind');
  assert.deepEqual([...kinds].filter((k) => !documented.has(k)), [], 'a kind docs/fields.md does not describe');
});

/** Codes the catalog (src/i18n/*.tsv) has a message for. */
function catalogCodes() {
  const codes = new Set();
  const dir = join(ROOT, 'src/i18n');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.tsv'))) {
    for (const row of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!row || row.startsWith('#')) continue;
      const key = row.split('\t')[0];
      if (!key.includes('#')) codes.add(key);
    }
  }
  return codes;
}

/** `a.b.c` / `.d` code mentions in a Markdown text, a `.d` completing the previous code's prefix. */
function codeMentions(text, namespaces) {
  const out = [];
  let previous = null;
  let end = -1;
  for (const m of text.matchAll(/`(\.?[a-z][a-z_]*(?:\.[a-z_]+)*)`/g)) {
    let code = m[1];
    if (code.startsWith('.')) {
      // `form.cert.expired` / `.expiring`: only right after a code, with " / " between
      if (!previous || text.slice(end, m.index) !== ' / ') continue;
      code = previous.slice(0, previous.lastIndexOf('.')) + code;
    }
    end = m.index + m[0].length;
    const ns = code.split('.')[0];
    if (!code.includes('.') || !namespaces.has(ns)) {
      previous = null;
      continue;
    }
    out.push(code);
    previous = code;
  }
  return out;
}

test('every finding code the docs name has a message in the catalog', () => {
  const codes = catalogCodes();
  const namespaces = new Set(['form', 'image', 'domain', 'number', 'icp', 'psb', 'mobile', 'email', 'format', 'footer', 'resident_id', 'credit_code', 'landline', 'ip', 'website_name', 'person_name', 'hk_macao_permit']);
  const missing = [];
  let seen = 0;
  for (const file of FILES) {
    for (const code of codeMentions(read(file), namespaces)) {
      seen++;
      if (!codes.has(code)) missing.push(`${file}: ${code}`);
    }
  }
  assert.ok(seen >= 60, `only ${seen} code mentions found`);
  assert.deepEqual(missing, []);
});

test('the severities docs/form.md and docs/images.md give are what checkForm and checkImage report on the test vectors', () => {
  const observed = new Map();
  const see = (findings) => {
    for (const f of findings) {
      if (!observed.has(f.code)) observed.set(f.code, new Set());
      observed.get(f.code).add(f.severity);
    }
  };
  const dir = join(ROOT, 'tests/vectors/forms');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const v = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    see(pkg.checkForm(v.form, v.options || {}).findings);
  }
  const images = join(ROOT, 'tests/images');
  for (const c of JSON.parse(readFileSync(join(images, 'manifest.json'), 'utf8')).checks) {
    const bytes = readFileSync(join(images, c.file));
    see(pkg.checkImage(c.slot, c.bytes ? bytes.subarray(0, c.bytes) : bytes, { today: '2026-11-27', ...c.options }).findings);
  }
  const wrong = [];
  const compared = { form: 0, image: 0 };
  for (const [file, ns] of [['docs/form.md', 'form'], ['docs/images.md', 'image']]) {
    for (const row of read(file).matchAll(new RegExp(`^\\| (\`${ns}\\.[^|]+) \\| (error|warning|info) \\|`, 'gm'))) {
      for (const code of codeMentions(row[1], new Set([ns]))) {
        const seen = observed.get(code);
        if (!seen) continue; // no vector raises this code; its name is checked against the catalog above
        compared[ns]++;
        if (seen.size !== 1 || !seen.has(row[2])) wrong.push(`${file}: ${code} documented ${row[2]}, the package says ${[...seen]}`);
      }
    }
  }
  assert.ok(compared.form >= 20 && compared.image >= 5, `only ${JSON.stringify(compared)} documented severities compared`);
  assert.deepEqual(wrong, []);
});
