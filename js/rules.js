// `beian-check/rules` for browsers and bundlers. The wasm loads on the first
// validation (init() is idempotent, so an app's own init() call is shared).
import init, { loadLocale } from './web.js';
import { makeRules } from './rules-core.js';

/** Rule factories: `rules.<kind>(opts)`, `rules.field(kind, opts)`, `rules.form(path, opts)`. */
export const rules = makeRules(() => init(undefined, { locales: [] }), loadLocale); // the rule's own locale loads on use
export default rules;
