// What the two browser entries share (web.js: the full wasm; fields.js: the
// fields-only wasm): the lazily loaded chunks and the idempotent init().
import { bind, setRegionNamesLoader, setLocaleLoader, loadLocale } from './core.js';

// Region names are a separate chunk, imported the first time a result needs one.
setRegionNamesLoader(() => import('./region-names.js').then((m) => m.default));
// zh-TW and en messages are chunks too (zh-CN is inside the wasm).
// Literal import() paths, one per locale: bundlers (Vite's build and dev
// pre-bundling) only follow literal paths, not a template string.
const LOCALE_CHUNKS = { 'zh-TW': () => import('./locales/zh-TW.js'), en: () => import('./locales/en.js') };
setLocaleLoader((tag) => LOCALE_CHUNKS[tag]().then((m) => m.default));

/** An init() for one wasm-bindgen module (`initWasm` + its exports `glue`). */
export function makeInit(initWasm, glue) {
  let ready = null;
  /**
   * Loads the wasm once; every later call returns the same promise. Also
   * loads the messages of `options.locales` (default: every locale; pass e.g.
   * `{ locales: ['zh-CN'] }` to download only what the page shows — other
   * locales then need `await loadLocale(tag)` before use).
   */
  return function init(input, options = {}) {
    if (!ready) {
      ready = initWasm(input === undefined ? undefined : { module_or_path: input })
        .then((raw) => bind(glue, raw))
        .catch((e) => {
          ready = null; // allow a retry (e.g. with another URL)
          throw e;
        });
    }
    const wanted = options.locales ?? ['zh-TW', 'en'];
    return ready.then(() => Promise.all(wanted.map(loadLocale))).then(() => undefined);
  };
}
