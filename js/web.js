// Browser and bundler entry: the wasm is fetched next to this file (or from
// the URL / Response / bytes / WebAssembly.Module passed to init()).
import initWasm, * as glue from './wasm/beian_check.js';
import { loadLocale, setVisionLoader, bindVision } from './core.js';
import { makeInit } from './browser.js';
import { makeSchemas } from './schemas.js';

export { checkField, checkForm, getProfile, normalize, kinds, locales, version, loadRegionNames, checkFooter, loadLocale } from './core.js';
export { probeImage, checkImage, checkImagePixels, IMAGE_SLOTS, loadVision, hasVision } from './core.js';

// The vision module (the ID-card analysis of checkImagePixels): fetched by
// loadVision(), from next to this file (or from the URL / Response / bytes /
// WebAssembly.Module passed to it). Nothing of it loads before.
setVisionLoader((input) => import('./wasm-vision/beian_check.js').then((glue) =>
  glue.default(input === undefined ? undefined : { module_or_path: input }).then(() => bindVision(glue))));

/** Standard Schema v1 objects: `schemas.<kind>`, `schemas.form` (see schemas.js). */
export const schemas = makeSchemas(() => init(undefined, { locales: [] }), {}, loadLocale); // each schema's locale loads on use

/**
 * Loads the wasm once; every later call returns the same promise. Also
 * loads the messages of `options.locales` (default: every locale; pass e.g.
 * `{ locales: ['zh-CN'] }` to download only what the page shows — other
 * locales then need `await loadLocale(tag)` before use).
 * @param {string | URL | Request | Response | BufferSource | WebAssembly.Module} [input]
 * @param {{ locales?: Array<'zh-CN' | 'zh-TW' | 'en'> }} [options]
 */
const init = makeInit(initWasm, glue);
export default init;
