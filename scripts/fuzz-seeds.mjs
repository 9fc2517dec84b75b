#!/usr/bin/env node
// Writes the seed corpus of every fuzz target into fuzz/corpus/<target>/
// from the test data: field vectors (check_field), test images (probe_image,
// check_image), form vectors (check_form, check_image_pixels gets a few
// pixel patterns), footers (check_footer) and the generic profile (profile).
// Run by scripts/fuzz; the corpus is not committed (fuzz/.gitignore).
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const corpus = (t) => {
  const dir = join(ROOT, 'fuzz/corpus', t);
  mkdirSync(dir, { recursive: true });
  return (bytes) => writeFileSync(join(dir, createHash('sha1').update(bytes).digest('hex')), bytes);
};
const json = (p) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));
const cat = (...parts) => Buffer.concat(parts.map((p) => (typeof p === 'number' ? Buffer.from([p]) : Buffer.from(p))));

// check_field: byte 0 = index in KINDS (read from src/check.rs, in order), byte 1 = options.
const kinds = [...readFileSync(join(ROOT, 'src/check.rs'), 'utf8').matchAll(/name: "(\w+)"/g)].map((m) => m[1]);
const field = corpus('check_field');
let n = 0;
for (const f of readdirSync(join(ROOT, 'tests/vectors/fields'))) {
  const doc = json(`tests/vectors/fields/${f}`);
  const k = kinds.indexOf(doc.kind);
  if (k < 0) continue;
  for (const c of doc.cases) {
    field(cat(k, c.options && c.options.partial ? 1 : 0, c.input));
    n++;
  }
}
const images = readdirSync(join(ROOT, 'tests/images'));
const probe = corpus('probe_image');
const check = corpus('check_image');
for (const f of images) {
  const b = readFileSync(join(ROOT, 'tests/images', f));
  probe(b);
  check(cat(images.indexOf(f) % 9, b));
}
const form = corpus('check_form');
const forms = readdirSync(join(ROOT, 'tests/vectors/forms'));
for (const f of forms) form(JSON.stringify(json(`tests/vectors/forms/${f}`).form));
const pixels = corpus('check_image_pixels');
for (const [s, w, h, px] of [[0, 63, 47, [245, 243, 236, 255]], [2, 31, 31, [20, 20, 25, 255, 240, 240, 240, 255]], [3, 15, 7, [0, 0, 0, 255]]]) {
  pixels(cat(s, w, h, px));
}
const footer = corpus('check_footer');
for (const [o, html] of [
  [1, '<footer><p>&copy; 2026 示例 | <a href="https://beian.miit.gov.cn/" target="_blank">京ICP备<span>16020626</span>号-8</a></p></footer>'],
  [2, '<a href="http://www.beian.gov.cn/portal/registerSystemInfo?recordcode=51010702001250">川公网安备 51010702001250号</a><a href="https://beian.miit.gov.cn">蜀ICP备12014244号-2</a>'],
  [0, '<a href="http://beian.miit.gov.cn/#/Integrated/index">京<b>ICP</b>&#22791;2019036842&#21495;-1</a>'],
  [0, "<script>var a='京ICP备16020626号'</script><!-- 京ICP备16020626号 --><p>hi</p>"],
  [3, '<div><a href="https://beian.miit.gov.cn">滇ICP备09010050-5号</a> 云公网安备36010902000181号</div>'],
]) footer(cat(o, html));
const profile = corpus('profile');
for (const p of [
  '{}',
  '{"extends":"generic","name":"acme"}',
  '{"patterns":[{"kind":"websiteName","match":"forbid","pattern":"博客","code":"acme.no_blog","severity":"warning","message":{"zh-CN":"不要博客","zh-TW":"不要部落格","en":"no blog"}}]}',
  '{"patterns":[{"kind":"mobile","match":"require","pattern":"^1[3-9]\\\\d{9}$","message":{"zh-CN":"x"}},{"kind":"domain","pattern":"(a|b)+\\\\.cn$","message":{"zh-CN":"y"}}]}',
  '{"patterns":[{"kind":"email","pattern":"@example\\\\.com$","code":"acme.email.example","severity":"warning","message":{"zh-CN":"不要用示例邮箱","en":"Not the example domain"}}]}',
  '{"tlds":["cn","com"],"words":{"forbidden":["赌"]}}',
]) profile(p);
try {
  // The whole generic profile, when the package is built.
  const { getProfile } = await import('../pkg/node.js');
  profile(JSON.stringify(getProfile('generic')));
} catch {
  // not built: the small seeds above are enough
}
console.log(`seed corpus: check_field ${n}, probe_image/check_image ${images.length}, check_form ${forms.length}, footers 5, profiles 6 (+ generic when built), pixels 3`);
