// Browser and bundler entry: the wasm is fetched next to this file (or from
// the URL / Response / bytes / WebAssembly.Module passed to init()).
import initWasm, * as glue from './wasm/beian_check.js';
import { bind, setRegionNamesLoader } from './core.js';

// Region names are a separate chunk, imported the first time a result needs one.
setRegionNamesLoader(() => import('./region-names.js').then((m) => m.default));

export { checkField, checkForm, getProfile, normalize, kinds, locales, version, loadRegionNames, checkFooter } from './core.js';

let ready = null;

/**
 * Loads the wasm once; every later call returns the same promise.
 * @param {string | URL | Request | Response | BufferSource | WebAssembly.Module} [input]
 */
export default function init(input) {
  if (!ready) {
    ready = initWasm(input === undefined ? undefined : { module_or_path: input })
      .then(() => bind(glue))
      .catch((e) => {
        ready = null; // allow a retry (e.g. with another URL)
        throw e;
      });
  }
  return ready;
}
