// Node entry: the wasm is compiled synchronously at import, so every check
// works right after `import`; init() is a no-op kept for symmetry.
import { readFileSync } from 'node:fs';
import { initSync } from './wasm/beian_check.js';
import * as glue from './wasm/beian_check.js';
import { bind, setRegionNamesLoader } from './core.js';
import regionNames from './region-names.js';
import zhTW from './locales/zh-TW.js';
import en from './locales/en.js';

initSync({ module: readFileSync(new URL('./wasm/beian_check_bg.wasm', import.meta.url)) });
bind(glue);
glue.load_region_names(regionNames);
setRegionNamesLoader(() => regionNames);
glue.load_catalog('zh-TW', zhTW);
glue.load_catalog('en', en);

export { checkField, checkForm, getProfile, normalize, kinds, locales, version, loadRegionNames, checkFooter, loadLocale } from './core.js';
export { probeImage, checkImage, checkImagePixels, IMAGE_SLOTS } from './core.js';

/** Resolves at once: the wasm is already loaded in Node. */
export default function init() {
  return Promise.resolve();
}
