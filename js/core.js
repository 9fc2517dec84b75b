// The public JS API over the wasm exports, shared by the browser entry
// (web.js) and the Node entry (node.js). It holds no rules: it checks
// argument types, passes options as JSON, parses the JSON result and throws
// the TypeError a programming error comes back as.

let wasm = null;

/** @internal Called by the entry point once the wasm module is instantiated. */
export function bind(exports) {
  wasm = exports;
}

function need() {
  if (!wasm) throw new Error('beian-check: call and await init() before using the checks');
  return wasm;
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

function optionsJson(options) {
  if (options === null || options === undefined) return '';
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError('beian-check: options must be an object');
  }
  return JSON.stringify(options);
}

function unwrap(json) {
  const result = JSON.parse(json);
  if (result && typeof result.typeError === 'string') throw new TypeError(result.typeError);
  return result;
}

/** Checks one field value as `kind`. Never throws on the value. */
export function checkField(kind, value, options) {
  return unwrap(need().check_field(kindName(kind), text(value, 'value'), optionsJson(options), localToday()));
}

/** The normalised value of `value` as `kind`. */
export function normalize(kind, value, options) {
  return unwrap(need().normalize(kindName(kind), text(value, 'value'), optionsJson(options), localToday())).value;
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
  const w = need();
  return headerCall(b, (head) => JSON.parse(w.probe_image(head)));
}

/** Checks an upload for `slot` from its header: format, byte size, pixel size, shape, rotation. */
export function checkImage(slot, bytes, options) {
  const b = byteArg(bytes, 'bytes');
  const name = slotName(slot);
  const w = need();
  const opts = options === null || options === undefined ? {} : options;
  // The wasm sees a prefix: tell it the real size unless the caller did.
  const json = optionsJson(opts.fileSize === undefined ? { ...opts, fileSize: b.length } : opts);
  return headerCall(b, (head) => unwrap(w.check_image(name, head, json, localToday())));
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
  return unwrap(need().check_image_pixels(slotName(slot), data, width, height, optionsJson(options), localToday()));
}
