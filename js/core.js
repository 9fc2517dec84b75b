// The public JS API over the wasm exports, shared by the browser entry
// (web.js) and the Node entry (node.js). It holds no rules: it checks
// argument types, passes options as JSON, parses the JSON result and throws
// the TypeError a programming error comes back as.

let wasm = null;

/** @internal Called by the entry point once the wasm module is instantiated. */
// A page may load both the full wasm (main entry, widget) and the
// fields-only one (beian-check/fields): they share this module, so the full
// one (a superset with identical results) wins, and whatever chunks the first
// had loaded (locale messages, region names) are handed to the second.
const loadedChunks = [];
export function bind(exports) {
  if (wasm && (!('check_form' in exports) || 'check_form' in wasm)) return;
  wasm = exports;
  profileIds = new WeakMap();
  for (const [fn, ...args] of loadedChunks) wasm[fn]?.(...args);
}
function remember(fn, ...args) {
  loadedChunks.push([fn, ...args]);
  return need()[fn](...args);
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

/** Today's date where the user is (local calendar date), as YYYY-MM-DD. */
export function localToday() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function text(value, name) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  throw new TypeError(`beian-check: ${name} must be a string, not ${Array.isArray(value) ? 'an array' : typeof value}`);
}

function kindName(kind) {
  if (typeof kind !== 'string') throw new TypeError(`beian-check: kind must be a string, not ${typeof kind}`);
  return kind;
}

// A provider profile object is validated and parsed by the wasm once, then
// referred to by id. Profiles are read when first used: to change one, pass
// a new object (mutating a used object has no effect).
let profileIds = new WeakMap(); // ids belong to the bound wasm: reset by bind()

function optionsJson(options) {
  if (options === null || options === undefined) return '';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('beian-check: options must be an object');
  }
  const profile = options.profile;
  if (profile !== null && typeof profile === 'object') {
    let id = profileIds.get(profile);
    if (id === undefined) {
      id = unwrap(need().register_profile(JSON.stringify(profile))).id;
      profileIds.set(profile, id);
    }
    return JSON.stringify({ ...options, profile: { $ref: id } });
  }
  return JSON.stringify(options);
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
  const result = unwrap(need().check_field(kindName(kind), text(value, 'value'), optionsJson(options), localToday()));
  const info = result.info;
  if (info && info.regionCode && !info.regionName && !namesPromise) loadRegionNames().catch(() => {});
  return result;
}

/** The normalised value of `value` as `kind`. */
export function normalize(kind, value, options) {
  return unwrap(need().normalize(kindName(kind), text(value, 'value'), optionsJson(options), localToday())).value;
}

/**
 * Checks a page's HTML (or just its footer) for the filing display rules.
 * Extra options: icpNumber, psbNumber, domain. Never throws on the HTML.
 */
export function checkFooter(html, options) {
  return unwrap(needFull('check_footer', 'checkFooter').check_footer(text(html, 'html'), optionsJson(options), localToday()));
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
    throw new TypeError(`beian-check: form must be an object, not ${form === null ? 'null' : Array.isArray(form) ? 'an array' : typeof form}`);
  }
  return unwrap(needFull('check_form', 'checkForm').check_form(JSON.stringify(form), optionsJson(options), localToday()));
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

const LOCALE_TAGS = { 'zh-CN': 'zh-CN', 'zh-TW': 'zh-TW', en: 'en' };

/**
 * Makes the messages of `locale` available ('zh-CN' always is). Resolves
 * when checks may use that locale. init() in browsers loads every locale
 * unless given `{ locales }`; Node has them all at import.
 */
export function loadLocale(locale) {
  const tag = LOCALE_TAGS[locale];
  if (!tag) return Promise.reject(new TypeError(`beian-check: locale '${locale}' is not supported; use 'zh-CN', 'zh-TW' or 'en'`));
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
    throw new TypeError(`beian-check: unknown image slot ${JSON.stringify(slot)}; expected one of: ${IMAGE_SLOTS.join(', ')}`);
  }
  return slot;
}

function side(v, name) {
  if (!Number.isInteger(v) || v <= 0 || v > 0xFFFFFFFF) throw new TypeError(`beian-check: ${name} must be a positive integer, not ${v}`);
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

/** Reads an image header (the whole file or its first bytes). Never throws on the bytes. */
export function probeImage(bytes) {
  const b = byteArg(bytes, 'bytes');
  const w = needFull('probe_image', 'probeImage');
  return headerCall(b, (head) => JSON.parse(w.probe_image(head)));
}

/** Checks an upload for `slot` from its header: format, byte size, pixel size, shape, rotation. */
export function checkImage(slot, bytes, options) {
  const b = byteArg(bytes, 'bytes');
  const name = slotName(slot);
  const w = needFull('check_image', 'checkImage');
  let opts = options === null || options === undefined ? {} : options;
  // The file's end, for telling a cut-off file: the caller's `tail`, else the
  // end of `bytes` when they are the whole file.
  let tail = opts.fileSize === undefined || opts.fileSize === b.length ? b.subarray(Math.max(0, b.length - TAIL)) : b.subarray(0, 0);
  if (opts.tail !== undefined && opts.tail !== null) {
    const t = byteArg(opts.tail, 'options.tail');
    tail = t.subarray(Math.max(0, t.length - TAIL));
    opts = { ...opts, tail: undefined };
  }
  // The wasm sees a prefix: tell it the real size unless the caller did.
  const json = optionsJson(opts.fileSize === undefined ? { ...opts, fileSize: b.length } : opts);
  return headerCall(b, (head) => unwrap(w.check_image(name, head, tail, json, localToday())));
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
  return unwrap(needFull('check_image_pixels', 'checkImagePixels').check_image_pixels(slotName(slot), data, width, height, optionsJson(options), localToday()));
}
