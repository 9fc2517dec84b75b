// Browser and bundler entry: the wasm is fetched next to this file (or from
// the URL / Response / bytes / WebAssembly.Module passed to init()).
import initWasm, * as glue from './wasm/beian_check.js';
import { bind, setRegionNamesLoader, setLocaleLoader, loadLocale } from './core.js';
import { makeSchemas } from './schemas.js';

// Region names are a separate chunk, imported the first time a result needs one.
setRegionNamesLoader(() => import('./region-names.js').then((m) => m.default));
// zh-TW and en messages are chunks too (zh-CN is inside the wasm).
// Literal import() paths, one per locale: bundlers (Vite's build and dev
// pre-bundling) only follow literal paths, not a template string.
const LOCALE_CHUNKS = { 'zh-TW': () => import('./locales/zh-TW.js'), en: () => import('./locales/en.js') };
setLocaleLoader((tag) => LOCALE_CHUNKS[tag]().then((m) => m.default));

export { checkField, checkForm, getProfile, normalize, kinds, locales, version, loadRegionNames, checkFooter, loadLocale } from './core.js';
export { probeImage, checkImage, checkImagePixels, IMAGE_SLOTS } from './core.js';

/** Standard Schema v1 objects: `schemas.<kind>`, `schemas.form` (see schemas.js). */
export const schemas = makeSchemas(() => init(undefined, { locales: [] }), {}, loadLocale); // each schema's locale loads on use

let ready = null;

/**
 * Loads the wasm once; every later call returns the same promise. Also
 * loads the messages of `options.locales` (default: every locale; pass e.g.
 * `{ locales: ['zh-CN'] }` to download only what the page shows — other
 * locales then need `await loadLocale(tag)` before use).
 * @param {string | URL | Request | Response | BufferSource | WebAssembly.Module} [input]
 * @param {{ locales?: Array<'zh-CN' | 'zh-TW' | 'en'> }} [options]
 */
export default function init(input, options = {}) {
  if (!ready) {
    ready = initWasm(input === undefined ? undefined : { module_or_path: input })
      .then(() => bind(glue))
      .catch((e) => {
        ready = null; // allow a retry (e.g. with another URL)
        throw e;
      });
  }
  const wanted = options.locales ?? ['zh-TW', 'en'];
  return ready.then(() => Promise.all(wanted.map(loadLocale))).then(() => undefined);
}
