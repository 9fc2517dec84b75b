// The repository README is a front door (issue 16 item 19): under 10 KB, every
// relative link in it and in docs/ resolves, and every section the old 59 KB
// README had is still reachable from it through links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const README = join(ROOT, 'README.md');

// Files other branches write (merged by the lead): linked from the README now,
// checked once they are here, reported as skipped until then — never as passed.
const PENDING = ['docs/limits.md', 'docs/id-card.md', 'docs/domains.md', 'docs/form-documents.md', 'docs/widget-ux.md'];

// Every heading of the README before the move (2026-12-04, 59,457 bytes).
const OLD_HEADINGS = [
  'The API at a glance',
  'Field kinds',
  'Identity and organisation numbers',
  'Filing numbers, domains, website names and contacts',
  'checkFooter(html, options)',
  'Whole-form check: `checkForm(form, options?)`',
  'Profiles: provider rules as data',
  'Uploaded images',
  '`probeImage(bytes)` — the header only, never throws',
  '`checkImage(slot, bytes, { fileSize, fileName })`',
  '`checkImagePixels(slot, rgba, width, height)` — quality heuristics',
  'The profile: `images` section (`data/profile/images.json`)',
  'Measurements',
  'The widget (`beian-check/widget`)',
  'Embed: one line',
  'The self-check page (`npm start`)',
  'Use it with your stack',
  'Element Plus (Vue 3)',
  'Naive UI',
  'Ant Design 5',
  'VeeValidate 5 and TanStack Form (Standard Schema v1)',
  'Vite and webpack 5',
  'Node',
  'Rust, and the `beian-check` command',
  'Size',
  'How the pieces fit',
  'Build',
  'Benchmarks and fuzzing',
];

/** Markdown text without fenced code blocks and inline code (links there are examples). */
function prose(text) {
  return text.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** Relative link targets of a Markdown file: [text](target) and ![alt](target). */
export function links(text) {
  const out = [];
  for (const m of prose(text).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
    const target = m[1];
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue; // https:, mailto:
    out.push(target);
  }
  return out;
}

/** Heading texts of a Markdown file (outside code blocks). */
function headings(text) {
  return [...text.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} +(.+?)\s*$/gm)].map((m) => m[1]);
}

/** GitHub's anchor for a heading. */
function slug(heading) {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function markdownFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...markdownFiles(p));
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

function pending(path) {
  return PENDING.includes(relative(ROOT, path).split('\\').join('/')) && !existsSync(path);
}

test('the README is a front door: under 10 KB', () => {
  const bytes = statSync(README).size;
  assert.ok(bytes < 10 * 1024, `README.md is ${bytes} bytes; the limit is 10,240`);
});

test('the README shows the self-check page: a committed, small PNG', () => {
  const text = readFileSync(README, 'utf8');
  const m = text.match(/!\[[^\]]+\]\((docs\/[^)]+\.png)\)/);
  assert.ok(m, 'README.md has no screenshot under docs/');
  const png = readFileSync(join(ROOT, m[1]));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${m[1]} is not a PNG`);
  assert.ok(png.length < 100 * 1024, `${m[1]} is ${png.length} bytes; keep it under 100 KiB (scripts/screenshot.mjs)`);
});

test('every relative link in README.md and docs/**/*.md resolves (file and anchor)', (t) => {
  const files = [README, ...markdownFiles(join(ROOT, 'docs'))];
  const broken = [];
  const waiting = [];
  let checked = 0;
  for (const file of files) {
    for (const link of links(readFileSync(file, 'utf8'))) {
      const [path, anchor] = link.split('#');
      const target = path ? resolve(dirname(file), decodeURI(path)) : file;
      checked++;
      if (!existsSync(target)) {
        (pending(target) ? waiting : broken).push(`${relative(ROOT, file)}: ${link}`);
        continue;
      }
      if (anchor && target.endsWith('.md')) {
        const slugs = headings(readFileSync(target, 'utf8')).map(slug);
        if (!slugs.includes(anchor)) broken.push(`${relative(ROOT, file)}: ${link} (no such heading)`);
      }
    }
  }
  assert.ok(checked > 20, `only ${checked} links found`);
  assert.deepEqual(broken, []);
  if (waiting.length) t.diagnostic(`not merged yet (checked once they are): ${waiting.join(', ')}`);
});

test('every docs/*.md file is linked from the README', (t) => {
  const linked = new Set(links(readFileSync(README, 'utf8')).map((l) => resolve(ROOT, l.split('#')[0])));
  const unlinked = readdirSync(join(ROOT, 'docs'))
    .filter((n) => n.endsWith('.md'))
    .map((n) => join(ROOT, 'docs', n))
    .filter((p) => !linked.has(p));
  assert.deepEqual(unlinked.map((p) => relative(ROOT, p)), []);
  for (const p of PENDING) assert.ok(linked.has(join(ROOT, p)), `README.md does not link ${p}`);
});

test('every section of the old README is reachable from the new one', () => {
  const seen = new Set();
  const found = new Set();
  const queue = [README];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const h of headings(text)) found.add(h);
    for (const link of links(text)) {
      const target = resolve(dirname(file), decodeURI(link.split('#')[0] || relative(dirname(file), file)));
      if (target.endsWith('.md') && existsSync(target)) queue.push(target);
    }
  }
  const missing = OLD_HEADINGS.filter((h) => !found.has(h));
  assert.deepEqual(missing, [], `not reachable from README.md: ${missing.join(' | ')}`);
});

test('no file refers to a README section that moved out of the README', () => {
  const own = new Set(headings(readFileSync(README, 'utf8')));
  const stale = [];
  const skip = new Set(['node_modules', 'target', 'build', 'pkg', 'artifacts', '.git']);
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (skip.has(e.name)) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (p === fileURLToPath(import.meta.url)) continue; // this test's own pattern
      else if (/\.(md|js|mjs|ts|rs|py|sh)$|^(build|bootstrap|test|size|bench|fuzz|measure)$/.test(e.name)) {
        for (const m of readFileSync(p, 'utf8').matchAll(/README,? \(?"([^"]+)"/g)) {
          if (!own.has(m[1])) stale.push(`${relative(ROOT, p)}: README "${m[1]}"`);
        }
      }
    }
  };
  walk(ROOT);
  assert.deepEqual(stale, []);
});
