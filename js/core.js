// The public JS API over the wasm exports, shared by the browser entry
// (web.js) and the Node entry (node.js). It holds no rules: it checks
// argument types, passes options as JSON, parses the JSON result and throws
// the TypeError a programming error comes back as.

let wasm = null;
// The bound module's raw exports (its memory: probeImage reads its result there).
let raw = null;

/** @internal Called by the entry point once the wasm module is instantiated. */
// A page may load both the full wasm (main entry, widget) and the
// fields-only one (beian-check/fields): they share this module, so the full
// one (a superset with identical results) wins, and whatever chunks the first
// had loaded (locale messages, region names) are handed to the second.
const loadedChunks = [];
export function bind(exports, rawExports) {
  if (wasm && (!('check_form' in exports) || 'check_form' in wasm)) return;
  wasm = exports;
  raw = rawExports;
  io = null;
  profileIds = new WeakMap();
  for (const [fn, ...args] of loadedChunks) wasm[fn]?.(...args);
}
function remember(fn, ...args) {
  loadedChunks.push([fn, ...args]);
  vision?.[fn]?.(...args);
  return need()[fn](...args);
}

// -- the vision module (the ID-card analysis, docs/id-card.md) ------------
// A third wasm (`wasm-vision/`) with checkImagePixels alone, built with the
// ID-card analysis the other two leave out. Once bound, checkImagePixels of
// an ID slot runs there; until then ID slots get the whole-frame checks.
// The entry point decides how it loads: loadVision() in browsers (fetched
// on demand), synchronously at the first ID-slot call in Node.
let vision = null;
let visionIds = new WeakMap(); // profile ids registered with the vision wasm
let visionLoader = null;
let visionSync = false;
let visionPromise = null;
/** The slots the vision module analyses (api.md "ID card analysis"). */
const CARD_SLOTS = ['idCardFront', 'idCardBack', 'handheldId'];

/**
 * @internal The entry point's way of loading the vision module: `loader(input)`
 * binds it (bindVision), synchronously when `sync` (Node) or by a promise.
 */
export function setVisionLoader(loader, sync = false) {
  visionLoader = loader;
  visionSync = sync;
}

/** @internal Binds the vision module and gives it the locale messages loaded so far. */
export function bindVision(exports) {
  vision = exports;
  visionIds = new WeakMap();
  for (const [fn, ...args] of loadedChunks) exports[fn]?.(...args);
}

/**
 * Loads the vision module (the ID-card analysis of checkImagePixels in the
 * slots idCardFront, idCardBack and handheldId) once; later calls return
 * the same promise, and a failed load may be retried. Until it resolves,
 * checkImagePixels checks ID slots like any other photo (whole frame, no
 * `info.card`). Node loads it by itself at the first ID-slot call.
 */
export function loadVision(input) {
  if (!visionPromise) {
    visionPromise = vision
      ? Promise.resolve()
      : Promise.resolve()
        .then(() => {
          if (!visionLoader) throw new Error('beian-check: this build has no vision module');
          return visionLoader(input);
        })
        .then(() => undefined);
    visionPromise.catch(() => { visionPromise = null; });
  }
  return visionPromise;
}

/** True once the vision module is loaded (checkImagePixels then analyses ID cards). */
export function hasVision() {
  return vision !== null;
}

/** True once a wasm is bound (always in Node; after init() in browsers); with `full`, one with checkForm. */
export function isReady(full = false) {
  return wasm !== null && (!full || 'check_form' in wasm);
}

function need() {
  if (!wasm) throw new Error('beian-check: call and await init() before using the checks');
  return wasm;
}

/** The bound wasm, if it has `fn` (the fields-only module has no checkForm, images or footer check). */
function needFull(fn, name) {
  const w = need();
  if (typeof w[fn] !== 'function') {
    throw new Error(`beian-check: ${name}() is not in the fields-only module (beian-check/fields); call and await init() from 'beian-check' first`);
  }
  return w;
}

const pad = (n) => String(n).padStart(2, '0');

// The local date, kept until the local day it belongs to ends (a Date and
// three getters per call were a tenth of a short check; issue 18).
let today = '';
let dayStart = 0;
let dayEnd = 0;

/** Today's date where the user is (local calendar date), as YYYY-MM-DD. */
export function localToday() {
  const now = Date.now();
  if (now < dayStart || now >= dayEnd) {
    const d = new Date(now);
    today = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    dayStart = new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
    dayEnd = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
  }
  return today;
}

function text(value, name) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new TypeError(`beian-check: ${name} must be a string, not ${typeName(value)}`);
}

const typeName = (v) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

// -- limits (docs/limits.md) ---------------------------------------------
// Texts and lists are cut here, before they are copied into the wasm, so a
// pasted document costs a slice, not megabytes of wasm memory that a
// linear memory never gives back. The wasm applies the same caps to what
// it is given (the CLI and native callers) and reports a cut text or list
// with the length it had, which it reads from the internal option
// `$lengths` (path → length; '' for a checkField value or the footer HTML).
const MAX_TEXT = 4096; // src/check.rs MAX_INPUT: every field value and form text
const MAX_FOOTER = 131072; // src/api.rs MAX_FOOTER: checkFooter reads the page's end
const MAX_LIST = 64; // form lists (the wasm's caps: websites 50, domains 20, contentTypes 20)
const MAX_KEYS = 256; // own keys read per form object
const MAX_DEPTH = 64; // src/json.rs MAX_DEPTH: deeper values are read as empty
const MAX_NODES = 20000; // values read per form
const MAX_FORM_TEXT = 1000000; // UTF-16 units of text read per form
const MAX_PROFILE_TEXT = 1048576; // src/profile.rs MAX_PROFILE_TEXT

/** Own enumerable properties of `o` on an object without a prototype (item 8 of issue 17: Object.prototype.profile is not an option). */
export function ownOnly(o) {
  return Object.assign(Object.create(null), o);
}

const isHigh = (c) => c >= 0xd800 && c < 0xdc00;
const isLow = (c) => c >= 0xdc00 && c < 0xe000;
/** The first `n` UTF-16 units of `s`, never half a surrogate pair. */
const head = (s, n) => s.slice(0, isHigh(s.charCodeAt(n - 1)) ? n - 1 : n);
/** At most 40 characters of a caller's value, for an error message. */
const clip = (s) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A checkField value: its text (cut past MAX_TEXT) and the internal options saying what was done. */
function fieldValue(value) {
  if (typeof value === 'string' && value.length > MAX_TEXT) return [head(value, MAX_TEXT + 1), { $lengths: { '': value.length } }];
  // A number past 2^53 arrived rounded (440305198801013458 → …500): a finding, not a checksum error.
  if (typeof value === 'number' && Number.isInteger(value) && !Number.isSafeInteger(value)) return [String(value), { $inexact: true }];
  return [text(value, 'value'), null];
}

// A string JSON.stringify would write as it is, between quotes (no control
// character, quote, backslash or surrogate): most form texts.
const PLAIN = /^[^\u0000-\u001f"\\\ud800-\udfff]*$/;
const quote = (s) => (PLAIN.test(s) ? `"${s}"` : JSON.stringify(s));

/**
 * A form as JSON text for the wasm: own enumerable properties only (and no
 * toJSON), texts cut past MAX_TEXT and lists past MAX_LIST (their lengths
 * in `lengths`), values nested past MAX_DEPTH read as empty (a cycle ends
 * there too), at most MAX_NODES values and MAX_FORM_TEXT units of text
 * (past them, the rest is null and lengths.$ says so).
 */
function formJson(form, lengths) {
  let out = '';
  let nodes = 0;
  let units = 0;
  // The path of the value being walked, as segments (an array index is a
  // number): joined only when a cut is recorded, not built for every value.
  const segs = [];
  const pathOf = () => segs.reduce((p, s) => (typeof s === 'number' ? `${p}[${s}]` : p ? `${p}.${s}` : s), '');
  const walk = (v, depth) => {
    if (++nodes > MAX_NODES || units > MAX_FORM_TEXT) {
      lengths.$ = 1;
      out += 'null';
      return;
    }
    if (v instanceof Date) v = Number.isNaN(v.getTime()) ? null : v.toISOString();
    switch (typeof v) {
      case 'string':
        if (v.length > MAX_TEXT) {
          lengths[pathOf()] = v.length;
          v = head(v, MAX_TEXT + 1);
        }
        units += v.length;
        out += quote(v);
        return;
      case 'number':
        out += Number.isFinite(v) ? String(v) : 'null';
        return;
      case 'boolean':
        out += v ? 'true' : 'false';
        return;
      case 'bigint':
        out += `"${v}"`;
        return;
      case 'object':
        if (v === null) break;
        if (Array.isArray(v)) {
          if (depth >= MAX_DEPTH) {
            out += '[]';
            return;
          }
          if (v.length > MAX_LIST) lengths[pathOf()] = v.length;
          out += '[';
          const n = Math.min(v.length, MAX_LIST);
          for (let i = 0; i < n; i++) {
            if (i > 0) out += ',';
            segs.push(i);
            walk(v[i], depth + 1);
            segs.pop();
          }
          out += ']';
          return;
        }
        if (depth >= MAX_DEPTH) {
          out += '{}';
          return;
        }
        out += '{';
        let first = true;
        const keys = Object.keys(v);
        const n = Math.min(keys.length, MAX_KEYS);
        for (let i = 0; i < n; i++) {
          const k = keys[i];
          const item = v[k];
          if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
          out += first ? `${quote(k)}:` : `,${quote(k)}:`;
          first = false;
          segs.push(k);
          walk(item, depth + 1);
          segs.pop();
        }
        out += '}';
        return;
      default:
    }
    out += 'null';
  };
  walk(form, 0);
  return out;
}

function kindName(kind) {
  if (typeof kind !== 'string') throw new TypeError(`beian-check: kind must be a string, not ${typeof kind}`);
  return kind.length > 64 ? kind.slice(0, 65) : kind; // no kind is that long; the error quotes 40
}

// A provider profile object is validated and parsed by the wasm once, then
// referred to by id. Profiles are read when first used: to change one, pass
// a new object (mutating a used object has no effect).
let profileIds = new WeakMap(); // ids belong to the bound wasm: reset by bind()

// The wasm keeps the 64 profiles used last (src/profile.rs MAX_REGISTERED);
// an id it has let go is registered again (call()).
function optionsJson(options, internal, w = need()) {
  if (options === null || options === undefined) return internal ? JSON.stringify(internal) : '';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('beian-check: options must be an object');
  }
  const own = ownOnly(options);
  for (const k of Object.keys(own)) {
    if (k.startsWith('$')) delete own[k]; // internal keys are ours
    else if (typeof own[k] === 'string' && own[k].length > MAX_TEXT) own[k] = head(own[k], MAX_TEXT + 1); // never copy a document in
  }
  const profile = own.profile;
  if (profile !== null && typeof profile === 'object') own.profile = { $ref: profileId(profile, w) };
  return JSON.stringify(internal ? Object.assign(own, internal) : own);
}

/** The id of a provider profile object in the wasm `w`, registered there the first time. */
function profileId(profile, w) {
  const ids = w === vision ? visionIds : profileIds;
  let id = ids.get(profile);
  if (id === undefined) {
    // The vision module's generic profile has only the image settings: the module init() loaded
    // validates the whole profile first (the same TypeError as any other check), the vision module
    // gets `images`. The ID-card settings (images.card, images.slots.<slot>.cardSide) are the
    // vision module's alone: the full and fields modules' generic profiles leave them out
    // (build.rs strip_vision), so they are left out of what those get.
    if (w === vision) profileId(profile, need());
    const json = w === vision
      ? JSON.stringify({ extends: profile.extends, name: profile.name, images: profile.images })
      : JSON.stringify(profile, function (k, v) {
        return k === 'cardSide' || (k === 'card' && this === profile.images) ? undefined : v;
      });
    // src/profile.rs MAX_PROFILE_TEXT (bytes ≥ UTF-16 units): refused before the copy into wasm.
    if (json.length > MAX_PROFILE_TEXT) throw new TypeError('beian-check: invalid profile: profile JSON longer than 1 MiB');
    id = unwrap(w.register_profile(json)).id;
    ids.set(profile, id);
  }
  return id;
}

const STALE = '{"typeError":"beian-check: options.profile: unknown profile reference';

/** Runs `run(optionsJson)` on the wasm `w` and unwraps its result; a profile id the wasm has evicted is registered again, once. */
function call(options, internal, run, w) {
  let out = run(optionsJson(options, internal, w));
  if (out.startsWith(STALE)) {
    if (w && w === vision) visionIds = new WeakMap();
    else profileIds = new WeakMap();
    out = run(optionsJson(options, internal, w));
  }
  return unwrap(out);
}

function unwrap(json) {
  const result = JSON.parse(json);
  if (result && typeof result.typeError === 'string') throw new TypeError(result.typeError);
  return result;
}

let namesLoader = null;
let namesPromise = null;

/** @internal The entry point registers how the region-name chunk is imported. */
export function setRegionNamesLoader(loader) {
  namesLoader = loader;
}

/**
 * Loads the region names (`info.regionName` of residentId) if not yet
 * loaded; checkField also starts this by itself the first time a result
 * needs a name. Resolves to true once names are available.
 */
export function loadRegionNames() {
  if (!namesPromise) {
    namesPromise = namesLoader
      ? Promise.resolve(namesLoader()).then((text) => remember('load_region_names', text))
      : Promise.resolve(false);
    namesPromise.catch(() => { namesPromise = null; });
  }
  return namesPromise;
}

/** Checks one field value as `kind`. Never throws on the value. */
export function checkField(kind, value, options) {
  const w = need();
  const [v, internal] = fieldValue(value);
  const result = call(options, internal, (o) => w.check_field(kindName(kind), v, o, localToday()));
  const info = result.info;
  if (info && info.regionCode && !info.regionName && !namesPromise) loadRegionNames().catch(() => {});
  return result;
}

/** The normalised value of `value` as `kind`. */
export function normalize(kind, value, options) {
  const w = need();
  const [v, internal] = fieldValue(value);
  return call(options, internal, (o) => w.normalize(kindName(kind), v, o, localToday())).value;
}

/**
 * Checks a page's HTML (or just its footer) for the filing display rules.
 * Extra options: icpNumber, psbNumber, domain. Never throws on the HTML.
 */
export function checkFooter(html, options) {
  const w = needFull('check_footer', 'checkFooter');
  let page = text(html, 'html');
  let internal = null;
  if (page.length > MAX_FOOTER) {
    // The footer is at the end: pass the last MAX_FOOTER units (not half a pair).
    const from = page.length - MAX_FOOTER;
    internal = { $lengths: { '': page.length } };
    page = page.slice(isLow(page.charCodeAt(from)) ? from + 1 : from);
  }
  return call(options, internal, (o) => w.check_footer(page, o, localToday()));
}

/** The checkField kinds with labels in `locale` (default zh-CN). */
export function kinds(locale = 'zh-CN') {
  return unwrap(need().kinds(text(locale, 'locale')));
}

/** The supported locales with their own names. */
export function locales() {
  return unwrap(need().locales());
}

/** The package version. */
export function version() {
  return need().version();
}

/** Checks a whole filing: every field (with `path`) plus the cross-field rules. */
export function checkForm(form, options) {
  if (form === null || typeof form !== 'object' || Array.isArray(form)) {
    throw new TypeError(`beian-check: form must be an object, not ${typeName(form)}`);
  }
  const w = needFull('check_form', 'checkForm');
  const lengths = {};
  const json = formJson(form, lengths);
  const internal = Object.keys(lengths).length > 0 ? { $lengths: lengths } : null;
  return call(options, internal, (o) => w.check_form(json, o, localToday()));
}

/** A built-in profile as a plain object (providers copy it to write their own). */
export function getProfile(name = 'generic') {
  return unwrap(need().get_profile(text(name, 'name')));
}

// zh-CN messages are inside the wasm; zh-TW and en are chunks
// (locales/<tag>.js) loaded by loadLocale(). The entry point decides how a
// chunk is fetched (a dynamic import in browsers, a static one in Node).
let localeLoader = null;
const localePromises = new Map();

/** @internal The entry point's way of fetching a locale chunk's text. */
export function setLocaleLoader(loader) {
  localeLoader = loader;
}

const LOCALE_TAGS = ['zh-CN', 'zh-TW', 'en'];

/**
 * Makes the messages of `locale` available ('zh-CN' always is). Resolves
 * when checks may use that locale. init() in browsers loads every locale
 * unless given `{ locales }`; Node has them all at import.
 */
export function loadLocale(locale) {
  // A list, not an object's keys: 'constructor' or '__proto__' is no locale (issue 17, item 9).
  const tag = LOCALE_TAGS.find((t) => t === locale);
  if (!tag) return Promise.reject(new TypeError(`beian-check: locale '${clip(String(locale))}' is not supported; use 'zh-CN', 'zh-TW' or 'en'`));
  if (tag === 'zh-CN') return Promise.resolve();
  if (!localePromises.has(tag)) {
    const p = Promise.resolve()
      .then(() => localeLoader(tag))
      .then((text) => {
        if (!remember('load_catalog', tag, text)) throw new Error(`beian-check: the ${tag} messages did not load`);
      });
    p.catch(() => localePromises.delete(tag)); // allow a retry
    localePromises.set(tag, p);
  }
  return localePromises.get(tag);
}

// -- images --------------------------------------------------------------

/** The upload slots checkImage and checkImagePixels accept. */
export const IMAGE_SLOTS = Object.freeze(['idCardFront', 'idCardBack', 'businessLicense', 'verificationPhoto',
  'handheldId', 'domainCertificate', 'authorizationLetter', 'preApproval', 'other']);

const tag = (v) => Object.prototype.toString.call(v);

function byteArg(bytes, name) {
  const t = tag(bytes);
  if (t === '[object Uint8Array]') return bytes;
  if (t === '[object Uint8ClampedArray]') return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (t === '[object ArrayBuffer]') return new Uint8Array(bytes);
  throw new TypeError(`beian-check: ${name} must be a Uint8Array, Uint8ClampedArray or ArrayBuffer, not ${bytes === null ? 'null' : t.slice(8, -1)}`);
}

function slotName(slot) {
  if (typeof slot !== 'string' || !IMAGE_SLOTS.includes(slot)) {
    const what = typeof slot === 'string' ? clip(JSON.stringify(slot)) : typeName(slot);
    throw new TypeError(`beian-check: unknown image slot ${what}; expected one of: ${IMAGE_SLOTS.join(', ')}`);
  }
  return slot;
}

function side(v, name) {
  if (!Number.isInteger(v) || v <= 0 || v > 0xFFFFFFFF) throw new TypeError(`beian-check: ${name} must be a positive integer, not ${typeof v === 'number' ? v : typeName(v)}`);
  return v;
}

// Headers live at the start of a file: pass the wasm the first 64 KiB and
// more only when the header says so (needBytes), instead of copying a
// many-megabyte photo into wasm memory on every call.
const HEAD = 65536;
// How much of a file's end checkImage reads (src/image/ends.rs TAIL).
const TAIL = 65536;
// checkImagePixels' input cap (src/image/pixels.rs MAX_PIXELS): checked before the copy into wasm memory.
const MAX_PIXELS = 1 << 24;

function headerCall(bytes, call) {
  let n = Math.min(bytes.length, HEAD);
  for (;;) {
    const r = call(bytes.subarray(0, n));
    const want = (r.info ?? r).needBytes;
    if (n >= bytes.length || !(want > n)) return r;
    n = Math.min(bytes.length, Math.max(want, 2 * n));
  }
}

// probeImage reads its result from the wasm's memory as numbers (src/api.rs
// probe_image_packed): no JSON text per call. It passes FIRST bytes, more
// only while the result's reach (how far it may depend on the bytes,
// src/image/probe.rs probe_reach) is past them, and so returns exactly what
// probing the first HEAD bytes gives — mostly from a few hundred bytes, not
// a 64 KiB copy; past HEAD, the needBytes loop of headerCall.
// (scripts/diff-images compares it with the JSON of the build before.)
const FIRST = 4096;
let io = null; // { u8, f64, names } for the bound wasm's memory
let utf8 = null;

/** Probes the first `n` bytes of `b`: the packed result's index in io.f64. */
function probeAt(w, b, n) {
  const p = w.probe_image_packed(n === b.length ? b : b.subarray(0, n)) / 8;
  if (io.u8.byteLength === 0) {
    // First call, or the memory grew.
    io.u8 = new Uint8Array(raw.memory.buffer);
    io.f64 = new Float64Array(raw.memory.buffer);
  }
  return p;
}

const memText = (at, len) => (utf8 ??= new TextDecoder()).decode(io.u8.subarray(at, at + len));

/** The ImageInfo packed at io.f64[p] (src/api.rs probe_image_packed), keys in the same order as its JSON. */
function unpack(p) {
  const { u8, f64: f } = io;
  const info = {};
  for (let i = 0, e = p + 3; i < f[p + 1]; i++, e += 4) {
    let key = io.names.get(f[e]); // keys are fixed names in the module's data
    if (key === undefined) io.names.set(f[e], (key = memText(f[e], f[e + 1])));
    const v = f[e + 2];
    const len = f[e + 3];
    if (len < 0) {
      info[key] = len === -1 ? v : v === 1;
      continue;
    }
    // A JSON string literal: plain ASCII (a colour space, a compression…) is read as it is.
    const at = f[p + 2] + v;
    let s = '';
    for (let k = at + 1; k < at + len - 1; k++) {
      const c = u8[k];
      if (c === 0x5c || c > 0x7e) {
        s = null;
        break;
      }
      s += String.fromCharCode(c);
    }
    info[key] = s ?? JSON.parse(memText(at, len));
  }
  return info;
}

/** Reads an image header (the whole file or its first bytes). Never throws on the bytes. */
export function probeImage(bytes) {
  const b = byteArg(bytes, 'bytes');
  const w = needFull('probe_image_packed', 'probeImage');
  if (!io) io = { u8: new Uint8Array(0), f64: null, names: new Map() };
  const len = b.length;
  let m = Math.min(len, HEAD); // what headerCall passes first
  let n = Math.min(m, FIRST);
  for (;;) {
    const p = probeAt(w, b, n);
    const reach = io.f64[p];
    if (n < m && reach > n) {
      n = Math.min(m, Math.max(reach, 2 * n));
      continue;
    }
    // The result is the first m bytes' (n is m, or the reach says more bytes change nothing).
    const info = unpack(p);
    if (m >= len || !(info.needBytes > m)) return info;
    m = n = Math.min(len, Math.max(info.needBytes, 2 * m));
  }
}

/** Checks an upload for `slot` from its header: format, byte size, pixel size, shape, rotation. */
export function checkImage(slot, bytes, options) {
  const b = byteArg(bytes, 'bytes');
  const name = slotName(slot);
  const w = needFull('check_image', 'checkImage');
  const opts = options === null || options === undefined ? {} : options;
  if (typeof opts !== 'object' || Array.isArray(opts)) throw new TypeError('beian-check: options must be an object');
  const own = ownOnly(opts);
  // The file's end, for telling a cut-off file: the caller's `tail`, else the
  // end of `bytes` when they are the whole file.
  let tail = own.fileSize === undefined || own.fileSize === b.length ? b.subarray(Math.max(0, b.length - TAIL)) : b.subarray(0, 0);
  if (own.tail !== undefined && own.tail !== null) {
    const t = byteArg(own.tail, 'options.tail');
    tail = t.subarray(Math.max(0, t.length - TAIL));
  }
  delete own.tail;
  // The wasm sees a prefix: tell it the real size unless the caller did.
  if (own.fileSize === undefined) own.fileSize = b.length;
  return headerCall(b, (head) => call(own, null, (o) => w.check_image(name, head, tail, o, localToday())));
}

/**
 * Checks the pixels (RGBA, e.g. a canvas's ImageData downscaled to about 1024 px):
 * sharpness, exposure, colour, blank. `rgba` may also be an ImageData (width and height then omitted).
 */
export function checkImagePixels(slot, rgba, width, height, options) {
  if (rgba && typeof rgba === 'object' && !ArrayBuffer.isView(rgba) && 'data' in rgba && typeof width !== 'number') {
    return checkImagePixels(slot, rgba.data, rgba.width, rgba.height, width); // (slot, imageData, options)
  }
  const data = byteArg(rgba, 'rgba');
  side(width, 'width');
  side(height, 'height');
  if (data.length !== width * height * 4) {
    throw new TypeError(`beian-check: rgba has ${data.length} bytes; width × height × 4 = ${width * height * 4}`);
  }
  if (width * height > MAX_PIXELS) {
    throw new TypeError(`beian-check: rgba has ${width * height} pixels, over the cap of ${MAX_PIXELS} (4096 × 4096): downscale it first (about 1024 px on the long side)`);
  }
  const name = slotName(slot);
  let w = needFull('check_image_pixels', 'checkImagePixels');
  // ID slots: the vision module when it is loaded (Node loads it here, at once, the first time).
  if (CARD_SLOTS.includes(name)) {
    if (!vision && visionSync && visionLoader) {
      try {
        visionLoader();
      } catch (e) {
        visionLoader = null; // not there: whole-frame checks from now on
        console.warn('beian-check: the vision module did not load; ID photos get the whole-frame checks', e);
      }
    }
    if (vision) w = vision;
  }
  return call(options, null, (o) => w.check_image_pixels(name, data, width, height, o, localToday()), w);
}
