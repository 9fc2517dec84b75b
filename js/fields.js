// `beian-check/fields` in browsers and bundlers: checkField with a smaller
// wasm (no checkForm, images or footer check) for forms that validate field
// by field (e.g. with beian-check/rules). Same API and results as the main
// entry for what it exports; the wasm is fetched next to this file.
import initWasm, * as glue from './wasm-fields/beian_check.js';
import { makeInit } from './browser.js';

export { checkField, getProfile, normalize, kinds, locales, version, loadRegionNames, loadLocale } from './core.js';

/**
 * Loads the fields-only wasm once (and the messages of `options.locales`,
 * default every locale).
 * @param {string | URL | Request | Response | BufferSource | WebAssembly.Module} [input]
 * @param {{ locales?: Array<'zh-CN' | 'zh-TW' | 'en'> }} [options]
 */
const init = makeInit(initWasm, glue);
export default init;
