// Node entry: the wasm is compiled synchronously at import, so every check
// works right after `import`; init() is a no-op kept for symmetry.
import { readFileSync } from 'node:fs';
import { initSync } from './wasm/beian_check.js';
import * as glue from './wasm/beian_check.js';
import { bind, setRegionNamesLoader, setLocaleLoader, setVisionLoader, bindVision } from './core.js';
import * as vision from './wasm-vision/beian_check.js';
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
// The vision module (the ID-card analysis) is compiled the first time
// checkImagePixels runs on an ID slot (or at loadVision()), not at import.
setVisionLoader(() => {
  vision.initSync({ module: readFileSync(new URL('./wasm-vision/beian_check_bg.wasm', import.meta.url)) });
  vision.load_catalog('zh-TW', zhTW);
  vision.load_catalog('en', en);
  bindVision(vision);
}, true);

export { checkField, checkForm, getProfile, normalize, kinds, locales, version, loadRegionNames, checkFooter, loadLocale } from './core.js';
export { probeImage, checkImage, checkImagePixels, IMAGE_SLOTS, loadVision, hasVision } from './core.js';

/** Standard Schema v1 objects: `schemas.<kind>`, `schemas.form` (see schemas.js). */
export const schemas = makeSchemas(null);

/** Resolves at once: the wasm is already loaded in Node. */
export default function init() {
  return Promise.resolve();
}
