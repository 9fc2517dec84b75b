// Node entry: the wasm is compiled synchronously at import, so every check
// works right after `import`; init() is a no-op kept for symmetry.
import { readFileSync } from 'node:fs';
import { initSync } from './wasm/beian_check.js';
import * as glue from './wasm/beian_check.js';
import { bind, setRegionNamesLoader, setLocaleLoader } from './core.js';
import regionNames from './region-names.js';
import { makeSchemas } from './schemas.js';
import zhTW from './locales/zh-TW.js';
import en from './locales/en.js';

bind(glue, initSync({ module: readFileSync(new URL('./wasm/beian_check_bg.wasm', import.meta.url)) }));
glue.load_region_names(regionNames);
setRegionNamesLoader(() => regionNames);
glue.load_catalog('zh-TW', zhTW);
glue.load_catalog('en', en);
setLocaleLoader((tag) => ({ 'zh-TW': zhTW, en })[tag]); // loadLocale() resolves at once in Node

export { checkField, checkForm, getProfile, normalize, kinds, locales, version, loadRegionNames, checkFooter, loadLocale } from './core.js';
export { probeImage, checkImage, checkImagePixels, IMAGE_SLOTS } from './core.js';

/** Standard Schema v1 objects: `schemas.<kind>`, `schemas.form` (see schemas.js). */
export const schemas = makeSchemas(null);

/** Resolves at once: the wasm is already loaded in Node. */
export default function init() {
  return Promise.resolve();
}
