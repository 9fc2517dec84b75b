// Seeded generator of checkField and checkForm calls for the differential
// test of the speed work (scripts/diff-baseline, issue 18) and its cheap
// guard in `npm test` (tests/js/output-digest.test.mjs). Deterministic for a
// seed: the same calls, in the same order, on every machine.
//
// Values: every vector input of the kind, generated valid numbers (resident
// IDs, permits, USCCs, organisation codes, mobiles, landlines, …), sloppy
// forms of them (full-width, spaces, dashes, case, +86, invisible characters,
// O/0 and I/1 slips, prefixes as typed), random edits, random strings from
// the kind's alphabet and from anywhere, too-long texts, and non-string
// values (numbers, null). Options: the three locales (and none), partial,
// provinces (valid and not), subject types, several dates, and a provider
// profile with patterns. Forms: every form vector, mutated.

import { readFileSync, readdirSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const r = {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
  return r;
}

export const KINDS = ['residentId', 'hmtResidencePermit', 'foreignPermanentId', 'hkMacaoPermit', 'taiwanPermit', 'passport',
  'creditCode', 'orgCode', 'businessRegNumber', 'mobile', 'email', 'landline', 'personName', 'domain', 'websiteName',
  'icpNumber', 'psbNumber', 'ip'];
export const LOCALES = ['zh-CN', 'zh-TW', 'en'];

const vectorFiles = () => readdirSync(new URL('tests/vectors/fields/', root)).filter((f) => f.endsWith('.json')).sort();

/** Every field vector: { kind, options, input } (partial cases and per-case options kept). */
export function fieldVectors() {
  const out = [];
  for (const f of vectorFiles()) {
    const file = JSON.parse(readFileSync(new URL(`tests/vectors/fields/${f}`, root), 'utf8'));
    for (const c of file.cases) {
      const options = { ...(file.options ?? {}), ...(c.options ?? {}) };
      if (c.partial !== undefined) options.partial = c.partial;
      out.push({ kind: file.kind, options, input: c.input });
    }
  }
  return out;
}

/** Every form vector: { options, form }. */
export function formVectors() {
  const dir = new URL('tests/vectors/forms/', root);
  return readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => {
    const v = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
    return { name: f, options: v.options ?? {}, form: v.form };
  });
}

// -- valid numbers ----------------------------------------------------------

const RID_W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ridCheck = (s17) => '10X98765432'[[...s17].reduce((a, d, i) => a + Number(d) * RID_W[i], 0) % 11];
const USCC = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const usccCheck = (s17) => USCC[(31 - ([...s17].reduce((a, c, i) => a + USCC.indexOf(c) * USCC_W[i], 0) % 31)) % 31];
const ORG = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_W = [3, 7, 9, 10, 5, 8, 4, 2];
function orgCheck(s8) {
  const c = 11 - ([...s8].reduce((a, ch, i) => a + ORG.indexOf(ch) * ORG_W[i], 0) % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}
const digits = (r, n) => Array.from({ length: n }, () => r.int(10)).join('');
const pad2 = (n) => String(n).padStart(2, '0');

function birth(r) {
  const y = 1930 + r.int(100); // some in the future of `today`
  return `${y}${pad2(1 + r.int(12))}${pad2(1 + r.int(r.chance(0.05) ? 31 : 28))}`;
}

function residentId(r, regions) {
  const prefix = r.chance(0.9) ? r.pick(regions) : digits(r, 6);
  const s = prefix + birth(r) + digits(r, 3);
  return r.chance(0.85) ? s + ridCheck(s) : s + r.pick('0123456789X');
}
function permitId(r) {
  const s = r.pick(['810000', '820000', '830000', '910000', '930000']) + birth(r) + digits(r, 3);
  return s + ridCheck(s);
}
function uscc(r, orgCodes) {
  const org = r.chance(0.5) && orgCodes.length ? r.pick(orgCodes) : null;
  const body = r.pick('123456789ANY') + r.pick('1239') + (r.chance(0.9) ? r.pick(['110000', '440300', '310115', '510104', '330106']) : digits(r, 6))
    + (org ?? Array.from({ length: 9 }, () => r.pick(USCC.slice(0, 31))).join(''));
  return r.chance(0.85) ? body + usccCheck(body) : body + r.pick(USCC);
}
function orgCode(r) {
  const s = Array.from({ length: 8 }, () => (r.chance(0.8) ? String(r.int(10)) : r.pick(ORG))).join('');
  return s + (r.chance(0.85) ? orgCheck(s) : r.pick('0123456789X'));
}
function mobile(r) {
  const head = r.pick(['13', '14', '15', '16', '17', '18', '19', '12', '10']) + r.int(10);
  return head + digits(r, 8);
}
const landline = (r) => r.pick(['010', '021', '0755', '0571', '028', '0991', '0898', '020']) + r.pick(['', '-', ' ']) + digits(r, r.pick([7, 8, 8, 9]))
  + (r.chance(0.1) ? `-${digits(r, 3)}` : '');
const hkMacao = (r) => r.pick('CHMW') + digits(r, 8) + (r.chance(0.2) ? digits(r, 1) : '');
const taiwan = (r) => r.pick(['', 'T', 'L']) + digits(r, 8);
const passport = (r) => r.pick(['E', 'G', 'P', 'S', 'D', 'EA', 'K']) + digits(r, r.pick([7, 8]));
const businessReg = (r) => digits(r, 15);
const email = (r) => `${r.pick(['wang', 'a.b', 'li_1', '张三', 'x+y', '', 'WANG'])}${r.pick(['@', '@@', '＠', ''])}${r.pick(['qq.com', '163.com', 'example.cn', 'gmail', 'xn--fiqs8s.cn', '中国.cn', 'a..b.com', 'example.com.'])}`;
const domain = (r) => `${r.pick(['', 'http://', 'https://', 'www.'])}${r.pick(['example', 'yunfan-tech', '中文', 'a', 'xn--fiqs8s', 'bad_name', '-x'])}${r.pick(['.cn', '.com', '.com.cn', '.gov.cn', '.xyz', '.中国', '', '.c'])}${r.pick(['', '/', '/path?q=1', ':8080', '#top', '.'])}`;
const ip = (r) => (r.chance(0.7) ? [0, 0, 0, 0].map(() => r.int(r.chance(0.1) ? 300 : 256)).join('.') : r.pick(['::1', '2001:db8::1', 'fe80::1%eth0', '1.2.3', '01.2.3.4', '::ffff:1.2.3.4']));
const icp = (r) => `${r.pick(['京', '粤', '沪', '蜀', '川', '浙', 'X'])}ICP${r.pick(['备', '证', '', '备案'])}${digits(r, r.pick([6, 8, 9]))}${r.pick(['号', '号-1', '号-12', '', '-3'])}`;
const psb = (r) => `${r.pick(['京', '粤', '沪', '川', '浙'])}公网安备${r.pick(['', ' '])}${digits(r, r.pick([14, 13, 15]))}${r.pick(['号', ''])}`;
const personName = (r) => r.pick(['王芳', '欧阳娜娜', '张', '李·明', 'John Smith', '阿卜杜拉·买买提', '王 芳', '王芳1', '某某', 'Ａ'.repeat(r.int(3) + 1)]);
const websiteName = (r) => r.pick(['云帆科技官网', '我的测试站', '博客', 'Acme', '中国电信官网', '个人网站', 'www.example.com', '论坛社区', '']) + r.pick(['', '网', ' ', '！']);

// -- sloppiness and edits ---------------------------------------------------

const FW = (s) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const JUNK = ['', ' ', '-', '　', '\u200b', '\t', '\n', '.', '。', 'O', 'o', 'I', 'l', 'x', 'X', '号', '\u00a0', '\ufeff', '"', '\\', '\u2028', '😀', '<b>', '#', '@', '/', ':'];

function sloppy(r, v) {
  switch (r.int(14)) {
    case 0: return FW(v);
    case 1: return v.replace(/(.{3,4})/g, `$1${r.pick([' ', '-', '　', ' - '])}`).trim();
    case 2: return v.toLowerCase();
    case 3: return `${r.pick([' ', '+86 ', '0086-', '86', '\u200b', '（', '"'])}${v}${r.pick(['', ' ', '\u200b', '）', '"', '\n'])}`;
    case 4: return v.slice(0, r.int(v.length + 1)); // as typed
    case 5: return v.replace(/0/g, () => (r.chance(0.5) ? 'O' : '0')).replace(/1/g, () => (r.chance(0.3) ? 'I' : '1'));
    case 6: { // delete a character
      const i = r.int(Math.max(1, v.length));
      return v.slice(0, i) + v.slice(i + 1);
    }
    case 7: { // insert
      const i = r.int(v.length + 1);
      return v.slice(0, i) + r.pick(JUNK.concat([String(r.int(10))])) + v.slice(i);
    }
    case 8: { // replace
      const i = r.int(Math.max(1, v.length));
      return v.slice(0, i) + r.pick(JUNK.concat([String(r.int(10)), 'A', 'Z'])) + v.slice(i + 1);
    }
    case 9: { // swap two neighbours
      const i = r.int(Math.max(1, v.length - 1));
      return v.slice(0, i) + v.charAt(i + 1) + v.charAt(i) + v.slice(i + 2);
    }
    case 10: return v + v.slice(0, r.int(4));
    case 11: return v.toUpperCase();
    case 12: return v.replace(/./gu, (c) => (r.chance(0.15) ? r.pick(JUNK) : c));
    default: return v.split('').map((c) => (r.chance(0.5) ? FW(c) : c)).join('');
  }
}

const ALPHA = '0123456789ABCDEFGHJKLMNPQRTUWXYZabcxyz-_. @:/号备ICP京粤沪川蜀公网安备';
function randomString(r) {
  const n = r.chance(0.1) ? r.int(80) : r.int(24);
  let s = '';
  for (let i = 0; i < n; i++) {
    s += r.chance(0.85) ? ALPHA[r.int(ALPHA.length)] : String.fromCodePoint(r.chance(0.5) ? r.int(0x3000) : 0x4e00 + r.int(0x5000));
  }
  return s;
}

// -- options ----------------------------------------------------------------

const PROVINCES = ['京', '粤', '沪', '川', '蜀', '津', '桂', '鲁', '苏', '黑', '北京', '广东省', '11', '44', '99', 'XX'];
const SUBJECTS = ['personal', 'enterprise', 'government', 'institution', 'social_org', 'other', 'company'];
const DATES = ['2026-11-27', '2026-12-05', '2000-02-29', '2045-06-30', '1999-01-01'];

/** A provider profile with patterns (one object, so the JS wrapper registers it once). */
export const PROFILE = {
  patterns: [
    { kind: 'websiteName', pattern: '测试|test', match: 'forbid', code: 'acme.name.test', severity: 'error',
      message: { 'zh-CN': '网站名称不能包含“测试”', en: 'The site name cannot contain “test”' }, hint: { 'zh-CN': '请使用正式名称。' } },
    { kind: 'mobile', pattern: '^1[3-9]\\d{9}$', match: 'require', code: 'acme.mobile.format', severity: 'warning',
      message: { 'zh-CN': '手机号码格式不符' } },
    { kind: 'email', pattern: '(?i)@(qq|163)\\.com$', match: 'forbid', code: 'acme.email.free', severity: 'info',
      message: { 'zh-CN': '请使用企业邮箱', 'zh-TW': '請使用企業郵箱', en: 'Use a company address' } },
  ],
};

function options(r, base, clock) {
  if (r.chance(0.03) && clock) return undefined; // today from the clock: the same in both builds
  const o = { ...base };
  const l = r.int(4);
  if (l < 3) o.locale = LOCALES[l];
  if (!o.today || r.chance(0.3)) o.today = r.pick(DATES);
  if (r.chance(0.2)) o.partial = true;
  if (r.chance(0.25)) o.province = r.pick(PROVINCES);
  if (r.chance(0.2)) o.subjectType = r.pick(SUBJECTS);
  if (r.chance(0.08)) o.profile = PROFILE;
  return o;
}

// -- calls ------------------------------------------------------------------

/**
 * Generates `n` checkField calls `{ kind, value, options }` for `seed`.
 * `vectors: false` leaves the vector files' inputs out and `clock: false`
 * always passes `today` (the digest: independent of new vector cases and
 * of the date it runs on).
 */
export function* fieldCalls(seed, n, { vectors: useVectors = true, clock = true } = {}) {
  const r = rng(seed);
  const vectors = useVectors ? fieldVectors() : [];
  const byKind = new Map(KINDS.map((k) => [k, vectors.filter((v) => v.kind === k).map((v) => v.input).filter((i) => typeof i === 'string')]));
  const regions = [...new Set(byKind.get('residentId').filter((v) => /^\d{6}/.test(v)).map((v) => v.slice(0, 6)))]
    .concat(['110101', '310115', '440305', '440106', '510104', '330106', '650102', '460108', '110105', '130102']);
  const orgCodes = byKind.get('orgCode').filter((v) => /^[0-9A-Z]{9}$/.test(v));
  const valid = {
    residentId: () => residentId(r, regions), hmtResidencePermit: () => permitId(r), foreignPermanentId: () => (r.chance(0.5) ? permitId(r) : `${r.pick(['USA', 'CAN', 'GBR', 'DEU'])}${digits(r, 12)}`),
    hkMacaoPermit: () => hkMacao(r), taiwanPermit: () => taiwan(r), passport: () => passport(r), creditCode: () => uscc(r, orgCodes),
    orgCode: () => orgCode(r), businessRegNumber: () => businessReg(r), mobile: () => mobile(r), email: () => email(r), landline: () => landline(r),
    personName: () => personName(r), domain: () => domain(r), websiteName: () => websiteName(r), icpNumber: () => icp(r), psbNumber: () => psb(r), ip: () => ip(r),
  };
  for (let i = 0; i < n; i++) {
    const kind = r.chance(0.03) ? r.pick(KINDS.concat(['nope', ''])) : KINDS[i % KINDS.length];
    const k = KINDS.includes(kind) ? kind : 'mobile';
    const pool = byKind.get(k);
    let value;
    const w = r.int(20);
    if (w < 7) value = valid[k]();
    else if (w < 10 && pool.length) value = r.pick(pool);
    else if (w < 16) value = sloppy(r, w < 13 || !pool.length ? valid[k]() : r.pick(pool));
    else if (w < 18) value = sloppy(r, sloppy(r, valid[k]()));
    else value = randomString(r);
    if (r.chance(0.002)) value = r.pick([null, undefined, 13800138000, 440305198801013458, 12.5, -1, 10n ** 17n]);
    if (r.chance(0.0015)) value = 'x'.repeat(4090 + r.int(12)); // around the input cap
    yield { kind, value, options: options(r, {}, clock) };
  }
}

/** Form vectors the digest mutates (a fixed few: new form vectors leave the digest alone). */
export const DIGEST_FORMS = ['enterprise-valid-three-websites.json', 'documents-personal-complete.json', 'landline-required-jiangsu.json'];

/**
 * Every form vector, then `n` mutated forms `{ form, options }` for `seed`;
 * with `only`, just those form vector files, mutated (`clock` as for fieldCalls).
 */
export function* formCalls(seed, n, { only = null, clock = true } = {}) {
  const r = rng(seed ^ 0x5eed);
  const forms = formVectors().filter((f) => !only || only.includes(f.name));
  if (!only) for (const f of forms) for (const locale of LOCALES) yield { form: f.form, options: { ...f.options, locale } };
  const gens = fieldCalls(seed ^ 0xf0f0, n * 8, { vectors: !only, clock });
  const nextValue = () => gens.next().value?.value ?? '';
  for (let i = 0; i < n; i++) {
    const base = r.pick(forms);
    const form = structuredClone(base.form);
    const leaves = [];
    const walk = (o) => {
      for (const k of Object.keys(o)) {
        if (o[k] !== null && typeof o[k] === 'object') walk(o[k]);
        else leaves.push([o, k]);
      }
    };
    walk(form);
    for (let m = 1 + r.int(4); m > 0 && leaves.length; m--) {
      const [o, k] = r.pick(leaves);
      const what = r.int(10);
      if (what < 5) o[k] = nextValue();
      else if (what < 7 && typeof o[k] === 'string') o[k] = sloppy(r, o[k]);
      else if (what < 8) delete o[k];
      else if (what < 9) o[k] = r.pick([null, 1, true, [], {}, '']);
      else if (typeof o[k] === 'string') o[k] = o[k].slice(0, r.int(o[k].length + 1));
    }
    if (r.chance(0.1) && Array.isArray(form.websites) && form.websites.length) form.websites.push(structuredClone(r.pick(form.websites)));
    yield { form, options: options(r, base.options, clock) };
  }
}

/** Runs `fn` and returns its result as text (a throw as `throw <Name>: <message>`). */
export function outcome(fn) {
  try {
    return JSON.stringify(fn());
  } catch (e) {
    return `throw ${e?.constructor?.name}: ${e?.message}`;
  }
}
